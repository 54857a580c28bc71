import type { User } from "../schema";
import type { Executor } from "./executor";

/** Emails compare lower-cased and trimmed everywhere; the column has a check for it. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
}

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Inserts a user; returns undefined when the email is taken (no exception to catch). */
export async function createUser(
  db: Executor,
  input: { email: string; name: string; passwordHash: string },
): Promise<User | undefined> {
  return db
    .insertInto("users")
    .values({ email: normaliseEmail(input.email), name: input.name.trim(), password_hash: input.passwordHash })
    .onConflict((oc) => oc.column("email").doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

/** The person's interface language (null: follow the browser) and digits. */
export async function updateUserPreferences(db: Executor, userId: string, preferences: { locale: string | null; numerals: string }): Promise<void> {
  await db
    .updateTable("users")
    .set({ locale: preferences.locale, numerals: preferences.numerals, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}
