import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Suggestions (issue 20, decision 022): a suggestion is a comment thread with a proposed change
// attached, stored here, outside the Y.Doc, so a reviewer's socket stays read-only. The thread
// keeps the anchor (Yjs relative positions), the status and the replies; this table keeps the
// change, who proposed it for which organisation, and what became of it.

// Migrations import nothing from the app: these mirror core/suggestions/contract.ts and
// core/comments/contract.ts as they were.
const DELETED_MAX_CHARS = 100_000;
const QUOTE_MAX_CHARS = 2000;
/**
 * The contract bounds slice JSON at 200,000 UTF-16 units; stored as jsonb text that is at most
 * 3 bytes a unit plus the spaces jsonb adds. A safety net, not the limit people meet.
 */
const INSERT_MAX_BYTES = 1_000_000;

export async function up(db: Kysely<any>): Promise<void> {
  // A pure insertion has an empty range, so its thread quotes nothing. A column check cannot see
  // whether a suggestion row exists (and a trigger across two tables, each written in the same
  // transaction, would have to be deferred): the quote is only the fallback text shown when the
  // positions no longer resolve, so the database keeps the upper bound and the non-empty rule for
  // ordinary threads stays where every comment is validated, the contract's AnchorSchema.
  // Same name as before (PostgreSQL's "<table>_<column>_check", on PGlite as on the server).
  await sql`alter table comment_threads drop constraint comment_threads_quote_check`.execute(db);
  await sql`alter table comment_threads add constraint comment_threads_quote_check check (char_length(quote) <= ${sql.lit(QUOTE_MAX_CHARS)})`.execute(db);
  // Lets a suggestion name its thread's draft with a foreign key, so the two can never disagree.
  await sql`alter table comment_threads add constraint comment_threads_id_draft_key unique (id, draft_id)`.execute(db);

  await db.schema
    .createTable("suggestions")
    .addColumn("thread_id", "uuid", (c) => c.primaryKey().references("comment_threads.id").onDelete("cascade"))
    // Denormalised from the thread (the foreign key below keeps it equal): a draft's open
    // suggestions are counted and listed without a join.
    .addColumn("draft_id", "uuid", (c) => c.notNull())
    // The author's organisation when they suggested ("accept all from CDD-Ghana").
    .addColumn("organisation_id", "uuid", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    // Kept so a suggestion still says whose it was once the account is gone, and the Word
    // author's name for an imported tracked change.
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("imported", "boolean", (c) => c.notNull().defaultTo(false))
    // The accepted text the change replaces, as the author saw it: a change to it shows as stale.
    .addColumn("deleted_text", "text", (c) => c.notNull().defaultTo("").check(sql`char_length(deleted_text) <= ${sql.lit(DELETED_MAX_CHARS)}`))
    // ProseMirror Slice JSON; null for a pure deletion.
    .addColumn("insert", "jsonb", (c) => c.check(sql`"insert" is null or (jsonb_typeof("insert") = 'object' and octet_length("insert"::text) <= ${sql.lit(INSERT_MAX_BYTES)})`))
    .addColumn("state", "text", (c) => c.notNull().defaultTo("open").check(sql`state in ('open', 'accepted', 'rejected', 'withdrawn')`))
    // Bumped by every revision and refresh: a decision names the one it was made on.
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0).check(sql`revision >= 0`))
    .addColumn("decided_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint("suggestions_thread_draft_fkey", ["thread_id", "draft_id"], "comment_threads", ["id", "draft_id"], (c) => c.onDelete("cascade"))
    // A change proposes something: it deletes text, inserts some, or both.
    .addCheckConstraint("suggestions_change_check", sql`char_length(deleted_text) > 0 or "insert" is not null`)
    // decided_at says when it stopped being open (accepted, rejected or withdrawn), and exists
    // exactly then; decided_by may be null later, once that account is gone.
    .addCheckConstraint("suggestions_decided_check", sql`(state = 'open') = (decided_at is null)`)
    .addCheckConstraint("suggestions_decided_by_check", sql`state <> 'open' or decided_by is null`)
    .execute();
  // The draft's open suggestions (the "if all are accepted" word count, accept all).
  await db.schema.createIndex("suggestions_draft_state_idx").on("suggestions").columns(["draft_id", "state"]).execute();
  // "All from one person / one organisation", and deleting a user or an organisation sets null
  // without scanning every suggestion.
  await db.schema.createIndex("suggestions_author_idx").on("suggestions").column("author_id").execute();
  await db.schema.createIndex("suggestions_organisation_idx").on("suggestions").column("organisation_id").execute();
  await sql`create index suggestions_decided_by_idx on suggestions (decided_by) where decided_by is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Without its change a suggestion's thread means nothing (and a pure insertion's empty quote
  // would break the old check): the threads go first, their suggestions with them (cascade).
  await sql`delete from comment_threads where id in (select thread_id from suggestions)`.execute(db);
  await db.schema.dropTable("suggestions").execute();
  await sql`alter table comment_threads drop constraint comment_threads_id_draft_key`.execute(db);
  await sql`alter table comment_threads drop constraint comment_threads_quote_check`.execute(db);
  await sql`alter table comment_threads add constraint comment_threads_quote_check check (char_length(quote) between 1 and ${sql.lit(QUOTE_MAX_CHARS)})`.execute(db);
}
