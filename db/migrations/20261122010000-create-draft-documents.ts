import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // Append-only log of Yjs updates; every app node appends what its own clients send.
  await db.schema
    .createTable("draft_updates")
    .addColumn("seq", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("update", "bytea", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("draft_updates_draft_seq_idx").on("draft_updates").columns(["draft_id", "seq"]).execute();

  // Compaction result: merged Yjs state plus the canonical reading of it (JSON and plain text).
  await db.schema
    .createTable("draft_snapshots")
    .addColumn("draft_id", "uuid", (c) => c.primaryKey().references("drafts.id").onDelete("cascade"))
    .addColumn("state", "bytea", (c) => c.notNull())
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("up_to_seq", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("draft_snapshots").execute();
  await db.schema.dropTable("draft_updates").execute();
}
