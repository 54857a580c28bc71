import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Two-step sign-in (issue 22): an authenticator app (TOTP), passkeys, one-time recovery codes, a
// short-lived pending sign-in between the password and the second step, and an owner's choice to
// require two-step sign-in of everyone in a workspace.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    // The shared secret the authenticator app holds; TOTP needs it in the clear to compute codes.
    .addColumn("totp_key", "bytea")
    // Set once the person proved with a first code that the app holds the key; null: not in use.
    .addColumn("totp_enabled_at", "timestamptz")
    // The last 30-second step a code was accepted for: a code (or an older one) is accepted once.
    // An integer lasts: step 2^31 is two thousand years away.
    .addColumn("totp_last_step", "integer")
    .execute();

  await db.schema
    .createTable("recovery_codes")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    // Hex SHA-256 of the code. A code carries 80 random bits, so a fast hash cannot be reversed by
    // guessing, and a slow password hash would buy nothing.
    .addColumn("code_hash", "text", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("recovery_codes_user_hash_unique", ["user_id", "code_hash"])
    .execute();

  await db.schema
    .createTable("passkeys")
    // The credential id (base64url) the authenticator chose: unique across every user.
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("public_key", "bytea", (c) => c.notNull())
    .addColumn("counter", "bigint", (c) => c.notNull().defaultTo(0))
    .addColumn("transports", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("backed_up", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("passkeys_user_id_idx").on("passkeys").column("user_id").execute();

  await db.schema
    .createTable("auth_challenges")
    // Hex SHA-256 of the token in the HttpOnly cookie; the token itself is never stored.
    .addColumn("id", "text", (c) => c.primaryKey())
    // Null for a passkey sign-in: nobody is known until the passkey answers.
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('second-step', 'passkey-sign-in', 'passkey-registration')`))
    .addColumn("webauthn_challenge", "text")
    .addColumn("shared", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("redirect_to", "text", (c) => c.notNull().defaultTo("/workspaces"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .alterTable("workspaces")
    .addColumn("require_two_step", "boolean", (c) => c.notNull().defaultTo(false))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("workspaces").dropColumn("require_two_step").execute();
  await db.schema.dropTable("auth_challenges").execute();
  await db.schema.dropTable("passkeys").execute();
  await db.schema.dropTable("recovery_codes").execute();
  await db.schema.alterTable("users").dropColumn("totp_key").dropColumn("totp_enabled_at").dropColumn("totp_last_step").execute();
}
