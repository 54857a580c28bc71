import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Export (issue 8): the file stored when a draft is marked as submitted — the exact bytes that
// went to the mechanism, with their SHA-256, who stored them and when. The draft itself becomes
// read-only at the same moment, so the file and the frozen draft stay together.

// Migrations import nothing from the app: the formats as server/export/export-job.ts had them.
const FORMATS = ["docx", "pdf"];
const FILE_NAME_MAX_CHARS = 200;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("exports")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    // Denormalised from the draft, as comment_threads does: a workspace's files need no join.
    .addColumn("workspace_id", "uuid", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("format", "text", (c) => c.notNull().check(sql`format in (${sql.join(FORMATS.map((f) => sql.lit(f)))})`))
    .addColumn("file_name", "text", (c) => c.notNull().check(sql`char_length(file_name) between 1 and ${sql.lit(FILE_NAME_MAX_CHARS)}`))
    // Lower-case hex, as node:crypto writes it: the fingerprint a coalition can quote later.
    .addColumn("sha256", "text", (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn("bytes", "bytea", (c) => c.notNull())
    // Kept beside the bytes so a list of files never reads them; the check keeps the two honest.
    .addColumn("byte_size", "integer", (c) => c.notNull().check(sql`byte_size = octet_length(bytes)`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    // Kept so the record still says who submitted after their account is gone.
    .addColumn("created_by_name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // A draft's files, newest first (the draft page's list).
  await db.schema.createIndex("exports_draft_idx").on("exports").columns(["draft_id", "created_at"]).execute();
  // Deleting a user sets their rows to null: without this it would scan every stored file.
  await db.schema.createIndex("exports_created_by_idx").on("exports").column("created_by").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("exports").execute();
}
