import type { Kysely } from "kysely";
import { LOGIN_WINDOW_MS, MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from "../../core/accounts/login-limits";
import { clearFailedAttempts, countFailedAttempts, recordFailedAttempts } from "../../db/queries/login-attempts";
import type { Executor } from "../../db/queries/executor";
import { createUser, findUserByEmail, findUserById, normaliseEmail, updatePasswordHash } from "../../db/queries/users";
import type { Database } from "../../db/schema";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password";
import { invalidateUserSessions } from "./sessions";

export type LoginResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "rate_limited" };

/**
 * Checks a password under the rate limits. Unknown email and wrong password take the same time
 * and give the same answer; both count against the account and the client's address.
 */
export async function attemptLogin(db: Executor, input: { email: string; password: string; clientIp: string }): Promise<LoginResult> {
  const accountKey = `email:${normaliseEmail(input.email)}`;
  const ipKey = `ip:${input.clientIp}`;
  const since = new Date(Date.now() - LOGIN_WINDOW_MS);
  const [accountFailures, ipFailures] = await Promise.all([
    countFailedAttempts(db, accountKey, since),
    countFailedAttempts(db, ipKey, since),
  ]);
  if (accountFailures >= MAX_FAILURES_PER_ACCOUNT || ipFailures >= MAX_FAILURES_PER_IP) {
    return { ok: false, reason: "rate_limited" };
  }
  const user = await findUserByEmail(db, input.email);
  const valid = user ? await verifyPassword(user.password_hash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !valid) {
    await recordFailedAttempts(db, [accountKey, ipKey]);
    return { ok: false, reason: "invalid" };
  }
  await clearFailedAttempts(db, accountKey);
  return { ok: true, userId: user.id };
}

/** Creates an account; returns null when the email is taken. */
export async function registerUser(db: Executor, input: { email: string; name: string; password: string }): Promise<{ id: string } | null> {
  const passwordHash = await hashPassword(input.password);
  const user = await createUser(db, { ...input, passwordHash });
  return user ? { id: user.id } : null;
}

export type PasswordChange = { ok: true } | { ok: false; reason: "wrong_password" };

/**
 * Replaces a password after checking the current one. A changed password ends every session,
 * including ones an attacker may hold (the caller starts a new one for this device).
 */
export async function changePassword(
  db: Kysely<Database>,
  userId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<PasswordChange> {
  const user = await findUserById(db, userId);
  if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) return { ok: false, reason: "wrong_password" };
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    await invalidateUserSessions(tx, user.id);
  });
  return { ok: true };
}
