import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Open sign-up (issue 22): the sign-up form asks only an address and mails it a one-time link;
// the account is created from the link. Only the token's hash is kept, and a link works once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sign_up_confirmations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull().check(sql`email = lower(btrim(email))`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("sign_up_confirmations_expires_at_idx").on("sign_up_confirmations").column("expires_at").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("sign_up_confirmations").execute();
}
