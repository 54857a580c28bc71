import type { Kysely } from "kysely";
import type { Executor } from "../../db/queries/executor";
import { findUserByEmail, findUserById, normaliseEmail, updatePasswordHash } from "../../db/queries/users";
import type { Database } from "../../db/schema";
import type { Limits } from "../limits/limits";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { invalidateUserSessions } from "./sessions";

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * Checks a password under the limits. Each attempt is spent before the password is verified,
 * atomically in the shared store, so concurrent guesses cannot all pass a check made before any
 * of them was counted. A correct password clears its account's count (not its address's: one
 * valid account must not reset the budget for spraying others). Unknown email and wrong password
 * take the same time and give the same answer.
 */
export async function attemptLogin(db: Executor, limits: Limits, input: { email: string; password: string; clientIp: string }): Promise<LoginResult> {
  const accountKey = normaliseEmail(input.email);
  const byAddress = await limits.consume("sign-in-address", input.clientIp);
  if (!byAddress.ok) return { ok: false, reason: "rate_limited", retryAfterMs: byAddress.retryAfterMs };
  const byAccount = await limits.consume("sign-in-account", accountKey);
  if (!byAccount.ok) return { ok: false, reason: "rate_limited", retryAfterMs: byAccount.retryAfterMs };
  const user = await findUserByEmail(db, input.email);
  const valid = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  await limits.reset("sign-in-account", accountKey);
  return { ok: true, userId: user.id };
}

export type PasswordChange = { ok: true } | { ok: false; reason: "wrong_password" } | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * Replaces a password after checking the current one (each check spends one of the account's
 * password-change attempts: a stolen session cannot guess the password through this form). A
 * changed password ends every session, including ones an attacker may hold (the caller starts
 * a new one for this device).
 */
export async function changePassword(
  db: Kysely<Database>,
  limits: Limits,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<PasswordChange> {
  const attempt = await limits.consume("password-change", userId);
  if (!attempt.ok) return { ok: false, reason: "rate_limited", retryAfterMs: attempt.retryAfterMs };
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) return { ok: false, reason: "wrong_password" };
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    await invalidateUserSessions(tx, user.id);
  });
  return { ok: true };
}
