import { sql } from "kysely";
import type { SignUpConfirmation } from "../schema";
import type { Executor } from "./executor";
import { normaliseEmail } from "./users";

/** Whether anyone has an account yet: a fresh install lets its first visitor create one. */
export async function hasAnyUser(db: Executor): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Holds every other writer of users until the transaction ends (reads go on): the first-account
 * check and its insert then happen as one step, so two first visitors cannot both be first.
 */
export async function lockUsersForFirstAccount(tx: Executor): Promise<void> {
  await sql`lock table users in exclusive mode`.execute(tx);
}

export async function createSignUpConfirmation(
  db: Executor,
  input: { email: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("sign_up_confirmations")
    .values({ email: normaliseEmail(input.email), token_hash: input.tokenHash, expires_at: input.expiresAt })
    .execute();
}

export async function findSignUpConfirmation(db: Executor, tokenHash: string): Promise<SignUpConfirmation | undefined> {
  return db.selectFrom("sign_up_confirmations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Locks the row, so one link opened in two tabs creates one account. */
export async function findSignUpConfirmationForUpdate(db: Executor, tokenHash: string): Promise<SignUpConfirmation | undefined> {
  return db.selectFrom("sign_up_confirmations").selectAll().where("token_hash", "=", tokenHash).forUpdate().executeTakeFirst();
}

export async function markSignUpConfirmationUsed(db: Executor, id: string): Promise<void> {
  await db.updateTable("sign_up_confirmations").set({ used_at: new Date() }).where("id", "=", id).execute();
}

/** Links past their time are of no use to anyone; housekeeping drops them. */
export async function deleteExpiredSignUpConfirmations(db: Executor, now = new Date()): Promise<void> {
  await db.deleteFrom("sign_up_confirmations").where("expires_at", "<=", now).execute();
}
