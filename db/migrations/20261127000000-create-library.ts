import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// The library: UN recommendations and citable sources. workspace_id NULL is the shared library
// every coalition reads; otherwise the row belongs to one coalition. Search needs no service
// beyond PostgreSQL: two tsvectors (English stemming, and "simple" for every other language)
// over a search document the application writes, and a trigram index over the distinct short
// keys people misspell or type in part (symbols, State names, themes).
//
// Facets, filters, ordering and paging run in the application, over a compact in-memory index of
// each library (db/queries/library-index.ts): `seq` is the integer a row is known by there, and
// library_revisions tells every node when its copy is stale. Triggers keep the search tables and
// the revisions in step with the rows, in the same transaction as the write, so no write path
// (an import, a delete, the cascade from a deleted workspace, a hand-written UPDATE) can forget.

// Migrations import nothing from the app: the shared library's key in the indexes below.
const SHARED_LIBRARY_KEY = "00000000-0000-0000-0000-000000000000";

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable("recommendations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("seq", "bigint", (c) => c.notNull().unique().generatedAlwaysAsIdentity())
    .addColumn("workspace_id", "uuid", (c) => c.references("workspaces.id").onDelete("cascade"))
    .addColumn("mechanism", "text", (c) => c.notNull().check(sql`mechanism in ('UPR', 'TB', 'SP')`))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("state_under_review", "text", (c) => c.notNull())
    .addColumn("recommending_states", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("cycle", "smallint")
    .addColumn("session", "text")
    .addColumn("symbol", "text", (c) => c.notNull())
    .addColumn("paragraph", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("response", "text")
    .addColumn("response_source", "text")
    .addColumn("themes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("affected_persons", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("sdg_goals", sql`smallint[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("action_category", "smallint", (c) => c.check(sql`action_category between 1 and 5`))
    .addColumn("publication_date", "date")
    .addColumn("external_ids", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("provenance", "jsonb", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.notNull())
    // Written by the application from the fields above (arrays cannot feed a generated column);
    // the triggers below derive the search tables from them.
    .addColumn("search_document", "text", (c) => c.notNull())
    .addColumn("search_keys", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One row per recommendation per library; the shared library is the all-zero uuid here.
  await sql`create unique index recommendations_dedupe_idx on recommendations
    (coalesce(workspace_id, ${sql.lit(SHARED_LIBRARY_KEY)}::uuid), dedupe_key)`.execute(db);
  // Loading one coalition's own library, and the cascade when a workspace is deleted.
  await sql`create index recommendations_workspace_idx on recommendations (workspace_id)`.execute(db);

  // Full text lives in a narrow table of its own: a search reads the tsvectors of thousands of
  // matches, and beside the record's text, JSON and arrays (1.6 KB a row) that meant a page per
  // match and a table larger than PGlite's buffer cache. No index on library_key, on purpose:
  // the planner would otherwise scan a whole library by it instead of using the GIN indexes.
  await db.schema
    .createTable("recommendation_search")
    .addColumn("seq", "bigint", (c) => c.primaryKey())
    .addColumn("library_key", "uuid", (c) => c.notNull())
    .addColumn("tsv_english", sql`tsvector`, (c) => c.notNull())
    .addColumn("tsv_simple", sql`tsvector`, (c) => c.notNull())
    .execute();
  // A small pending list (128 kB, not 4 MB): every search scans what is pending, and PGlite has
  // no autovacuum to merge it; 4 MB made the planner give up the index for a scan (80 ms a search
  // after an import). fastupdate = off instead doubled the time of an import.
  const gin = (name: string, table: string, expression: string) =>
    sql`create index ${sql.raw(name)} on ${sql.raw(table)} using gin (${sql.raw(expression)}) with (gin_pending_list_limit = 128)`.execute(db);
  await gin("recommendation_search_english_idx", "recommendation_search", "tsv_english");
  await gin("recommendation_search_simple_idx", "recommendation_search", "tsv_simple");

  // Every distinct search key (symbol, paragraph, State, body, theme, affected persons) of every
  // library. A misspelling is matched against these 40,000 short strings, not 100,000 rows, and
  // the application maps the keys it finds to rows. Never pruned: a key no row has any more
  // maps to nothing. Not unique on purpose: two imports adding the same new key (two coalitions
  // importing the same new report) would otherwise wait on each other's uncommitted key, and
  // could deadlock; a rare duplicate costs nothing.
  await db.schema.createTable("library_terms").addColumn("term", "text", (c) => c.notNull()).execute();
  await sql`create index library_terms_term_idx on library_terms (term)`.execute(db);
  await gin("library_terms_trgm_idx", "library_terms", "term gin_trgm_ops");

  // The current revision of each library's recommendations (the shared library under the all-zero
  // uuid). A random uuid, not a counter: two databases (a test clone, PGlite beside PostgreSQL in
  // one process) can then never show the same revision for different contents. Its row lock
  // serialises writes to one library from their first statement to commit: a small edit waits
  // for an import into the same library to finish.
  await db.schema
    .createTable("library_revisions")
    .addColumn("library_key", "uuid", (c) => c.primaryKey())
    .addColumn("revision", "uuid", (c) => c.notNull())
    .execute();

  // Statement-level with transition tables: a few statements per 500-row INSERT of an import, not
  // a few per row. An UPDATE is a delete and an insert of its search rows, and bumps both its
  // libraries' revisions in case a row moved between them.
  const library = (alias: string) => sql.raw(`coalesce(${alias}.workspace_id, '${SHARED_LIBRARY_KEY}'::uuid)`);
  await sql`create function sync_recommendation_search() returns trigger language plpgsql as $$
    declare
      keys uuid[] := '{}';
    begin
      if tg_op = 'TRUNCATE' then
        truncate recommendation_search;
        update library_revisions set revision = gen_random_uuid();
        return null;
      end if;
      if tg_op in ('DELETE', 'UPDATE') then
        delete from recommendation_search s using old_rows o where s.seq = o.seq;
        keys := keys || array(select distinct ${library("o")} from old_rows o);
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        insert into recommendation_search (seq, library_key, tsv_english, tsv_simple)
          select n.seq, ${library("n")}, to_tsvector('english', n.search_document), to_tsvector('simple', n.search_document)
          from new_rows n;
        insert into library_terms (term)
          select term from (select distinct unnest(string_to_array(n.search_keys, ' | ')) as term from new_rows n) k
          where not exists (select from library_terms t where t.term = k.term);
        keys := keys || array(select distinct ${library("n")} from new_rows n);
      end if;
      insert into library_revisions (library_key, revision)
        select key, gen_random_uuid() from (select distinct unnest(keys) as key) k
        on conflict (library_key) do update set revision = excluded.revision;
      return null;
    end $$`.execute(db);
  const trigger = (name: string, event: string, tables: string) =>
    sql`create trigger ${sql.raw(name)} after ${sql.raw(event)} on recommendations ${sql.raw(tables)}
      for each statement execute function sync_recommendation_search()`.execute(db);
  // PostgreSQL allows transition tables only on single-event triggers, hence four of them.
  await trigger("recommendations_inserted", "insert", "referencing new table as new_rows");
  await trigger("recommendations_updated", "update", "referencing old table as old_rows new table as new_rows");
  await trigger("recommendations_deleted", "delete", "referencing old table as old_rows");
  await trigger("recommendations_truncated", "truncate", "");

  await db.schema
    .createTable("sources")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("workspace_id", "uuid", (c) => c.references("workspaces.id").onDelete("cascade"))
    .addColumn("csl", "jsonb", (c) => c.notNull())
    .addColumn("un_symbol", "text")
    .addColumn("issuing_body", "text")
    .addColumn("default_pinpoint", "text")
    .addColumn("provenance", "jsonb", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.notNull())
    .addColumn("search_document", "text", (c) => c.notNull())
    .addColumn("tsv_simple", sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_document)`).stored())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index sources_dedupe_idx on sources
    (coalesce(workspace_id, '00000000-0000-0000-0000-000000000000'::uuid), dedupe_key)`.execute(db);
  await sql`create index sources_tsv_simple_idx on sources using gin (tsv_simple)`.execute(db);
  await sql`create index sources_search_document_trgm_idx on sources using gin (search_document gin_trgm_ops)`.execute(db);
  await sql`create index sources_un_symbol_idx on sources (un_symbol) where un_symbol is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sources").execute();
  await db.schema.dropTable("recommendations").execute();
  await sql`drop function sync_recommendation_search()`.execute(db);
  await db.schema.dropTable("library_revisions").execute();
  await db.schema.dropTable("library_terms").execute();
  await db.schema.dropTable("recommendation_search").execute();
}
