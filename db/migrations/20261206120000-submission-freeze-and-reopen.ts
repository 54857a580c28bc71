import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Trust (issue 16): what is submitted is exactly what was frozen.
// - drafts.frozen_until: while a submission renders its file, every node refuses edits to the
//   draft; a room opened meanwhile reads this. A time, not a flag, so a submission whose process
//   died lets go by itself.
// - drafts.reopened_at/_by: an owner reopened a submitted draft for a correction; the stored
//   file and its hash stay as they were.
// - exports.content_sha256: SHA-256 of the draft's canonical text when the file was stored, so
//   a reopened draft can say exactly whether it changed since.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("drafts")
    .addColumn("frozen_until", "timestamptz")
    .addColumn("reopened_at", "timestamptz")
    .addColumn("reopened_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
  await db.schema
    .alterTable("exports")
    .addColumn("content_sha256", "text", (c) => c.check(sql`content_sha256 ~ '^[0-9a-f]{64}$'`))
    .execute();
  // Deleting a user sets reopened_by to null: without this it would scan every draft.
  await db.schema.createIndex("drafts_reopened_by_idx").on("drafts").column("reopened_by").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("exports").dropColumn("content_sha256").execute();
  await db.schema.dropIndex("drafts_reopened_by_idx").execute();
  await db.schema.alterTable("drafts").dropColumn("reopened_by").dropColumn("reopened_at").dropColumn("frozen_until").execute();
}
