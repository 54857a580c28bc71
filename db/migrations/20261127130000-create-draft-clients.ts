import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Who each Yjs client of a draft is (issue 6, words by organisation). Every Yjs item carries the
// id of the client that created it; the collaboration server knows which signed-in user sent
// each update, so it records client → user the first time a client's changes arrive. Clients
// with no row (the template's first snapshot, edits older than this table) belong to nobody.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("draft_clients")
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    // A Yjs client id is a random uint32: bigint, as integer would overflow past 2^31.
    .addColumn("client_id", "bigint", (c) => c.notNull().check(sql`client_id >= 0`))
    // Kept when the account goes: the words stay, attributed to an unknown author.
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("first_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("draft_clients_pkey", ["draft_id", "client_id"])
    .execute();
  // Deleting a user sets their rows to null: without this it would scan every draft's clients.
  await db.schema.createIndex("draft_clients_user_idx").on("draft_clients").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("draft_clients").execute();
}
