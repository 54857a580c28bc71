import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// The library: UN recommendations and citable sources. workspace_id NULL is the shared library
// every coalition reads; otherwise the row belongs to one coalition. Search needs no service
// beyond PostgreSQL: two generated tsvectors (English stemming, and "simple" for every other
// language) over a search document the application writes, and a trigram index over the short
// keys people misspell or type in part (symbols, State names, themes).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable("recommendations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
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
    // Written by the application from the fields above (arrays cannot feed a generated column).
    .addColumn("search_document", "text", (c) => c.notNull())
    .addColumn("search_keys", "text", (c) => c.notNull())
    .addColumn("tsv_english", sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('english'::regconfig, search_document)`).stored())
    .addColumn("tsv_simple", sql`tsvector`, (c) => c.generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_document)`).stored())
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One row per recommendation per library; the shared library is the all-zero uuid here.
  await sql`create unique index recommendations_dedupe_idx on recommendations
    (coalesce(workspace_id, '00000000-0000-0000-0000-000000000000'::uuid), dedupe_key)`.execute(db);
  await sql`create index recommendations_tsv_english_idx on recommendations using gin (tsv_english)`.execute(db);
  await sql`create index recommendations_tsv_simple_idx on recommendations using gin (tsv_simple)`.execute(db);
  await sql`create index recommendations_search_keys_idx on recommendations using gin (search_keys gin_trgm_ops)`.execute(db);
  // Exact lookups of a reference: "A/HRC/25/5", "186.60", "A/HRC/25/5, para. 186.60".
  await sql`create index recommendations_symbol_idx on recommendations (symbol)`.execute(db);
  await sql`create index recommendations_paragraph_idx on recommendations (lower(paragraph))`.execute(db);
  await sql`create index recommendations_scope_date_idx on recommendations (workspace_id, publication_date desc nulls last, id)`.execute(db);

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
}
