import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Languages (issue 19): the person's own interface language and digits.
// - users.locale: "en", "fr", "es" or "ar"; null until the person chooses, so a new account keeps
//   following the browser's preferred language.
// - users.numerals: "latn" (0–9) or "arab" (٠–٩); only Arabic offers the choice, and it is kept
//   when the person switches language and back.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("locale", "text", (c) => c.check(sql`locale in ('en', 'fr', 'es', 'ar')`))
    .addColumn("numerals", "text", (c) => c.notNull().defaultTo("latn").check(sql`numerals in ('latn', 'arab')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("numerals").dropColumn("locale").execute();
}
