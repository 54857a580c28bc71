import type { Kysely } from "kysely";
import { hasAnyUser, lockUsersForFirstAccount } from "../../db/queries/registration";
import { createUser } from "../../db/queries/users";
import type { Database } from "../../db/schema";
import { hashPassword } from "../auth/password";

export type FirstAccountResult = { ok: true; userId: string } | { ok: false; reason: "not_first" };

export interface NewAccount {
  email: string;
  name: string;
  password: string;
}

/**
 * The first account of a fresh install, made by its first visitor (or by the operator's command
 * line, which uses `createAccount`). The users table is locked while the check and the insert
 * run, so of two visitors arriving together exactly one becomes the first; the other is told.
 */
export async function createFirstAccount(db: Kysely<Database>, input: NewAccount): Promise<FirstAccountResult> {
  // Cheap refusal before the costly hash: most visitors after the first land here.
  if (await hasAnyUser(db)) return { ok: false, reason: "not_first" };
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx): Promise<FirstAccountResult> => {
    await lockUsersForFirstAccount(tx);
    if (await hasAnyUser(tx)) return { ok: false, reason: "not_first" };
    const user = await createUser(tx, { ...input, passwordHash });
    if (!user) throw new Error("no user yet, but the address was taken"); // cannot happen under the lock
    return { ok: true, userId: user.id };
  });
}

/** An account made by the operator (the command line): any time, no invitation needed. */
export async function createAccount(db: Kysely<Database>, input: NewAccount): Promise<{ ok: true; userId: string } | { ok: false; reason: "taken" }> {
  const passwordHash = await hashPassword(input.password);
  const user = await createUser(db, { ...input, passwordHash });
  return user ? { ok: true, userId: user.id } : { ok: false, reason: "taken" };
}
