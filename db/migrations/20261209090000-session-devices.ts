import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Security for people at risk (issue 22): a person sees the devices they are signed in on and
// signs any one of them out. A session now says which browser it is (the User-Agent, cut short;
// never an IP address), how it was signed in, when it was last used, and whether the person said
// it was a shared computer (then the browser keeps no offline copy).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .addColumn("user_agent", "text")
    .addColumn("shared", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("method", "text", (c) => c.notNull().defaultTo("password"))
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`alter table sessions add constraint sessions_method_check check (method in ('password', 'two-step', 'recovery-code', 'passkey', 'sign-up'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("sessions")
    .dropColumn("user_agent")
    .dropColumn("shared")
    .dropColumn("method")
    .dropColumn("last_seen_at")
    .execute();
}
