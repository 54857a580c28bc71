import { sql } from "kysely";
import type { AuthChallengePurpose, AuthChallengeRow, PasskeyRow } from "../schema";
import type { Executor } from "./executor";

/** Two-step sign-in (issue 22): the authenticator key, recovery codes, passkeys and pending sign-ins. */

export interface TwoStepState {
  totpEnabled: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

export async function findTwoStepState(db: Executor, userId: string): Promise<TwoStepState> {
  const row = await db
    .selectFrom("users")
    .select((eb) => [
      "users.totp_enabled_at",
      eb.selectFrom("passkeys").whereRef("passkeys.user_id", "=", "users.id").select((e) => e.fn.countAll<string>().as("n")).as("passkeys"),
      eb
        .selectFrom("recovery_codes")
        .whereRef("recovery_codes.user_id", "=", "users.id")
        .where("recovery_codes.used_at", "is", null)
        .select((e) => e.fn.countAll<string>().as("n"))
        .as("codes"),
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  return { totpEnabled: Boolean(row?.totp_enabled_at), passkeys: Number(row?.passkeys ?? 0), recoveryCodesLeft: Number(row?.codes ?? 0) };
}

export async function findTotp(db: Executor, userId: string) {
  return db.selectFrom("users").select(["totp_key", "totp_enabled_at", "totp_last_step"]).where("id", "=", userId).executeTakeFirst();
}

/** A new key waiting for its first code; replaces any earlier one and turns the app off until confirmed. */
export async function storePendingTotpKey(db: Executor, userId: string, key: Uint8Array): Promise<void> {
  await db.updateTable("users").set({ totp_key: key, totp_enabled_at: null, totp_last_step: null }).where("id", "=", userId).execute();
}

export async function enableTotp(db: Executor, userId: string): Promise<void> {
  await db.updateTable("users").set({ totp_enabled_at: new Date() }).where("id", "=", userId).where("totp_key", "is not", null).execute();
}

/**
 * Records that a code for `step` was used, if no code for this step or a later one was: one
 * statement, so two requests with the same code cannot both pass.
 */
export async function claimTotpStep(db: Executor, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable("users")
    .set({ totp_last_step: step })
    .where("id", "=", userId)
    .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

export async function clearTwoStep(db: Executor, userId: string): Promise<void> {
  await db.updateTable("users").set({ totp_key: null, totp_enabled_at: null, totp_last_step: null }).where("id", "=", userId).execute();
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await db.deleteFrom("passkeys").where("user_id", "=", userId).execute();
}

export async function replaceRecoveryCodes(db: Executor, userId: string, hashes: string[]): Promise<void> {
  await db.deleteFrom("recovery_codes").where("user_id", "=", userId).execute();
  await db.insertInto("recovery_codes").values(hashes.map((code_hash) => ({ user_id: userId, code_hash }))).execute();
}

/** Marks an unused code used; false when no such unused code exists. One statement: single use holds under races. */
export async function spendRecoveryCode(db: Executor, userId: string, hash: string): Promise<boolean> {
  const row = await db
    .updateTable("recovery_codes")
    .set({ used_at: new Date() })
    .where("user_id", "=", userId)
    .where("code_hash", "=", hash)
    .where("used_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}

export async function insertPasskey(
  db: Executor,
  passkey: { id: string; userId: string; publicKey: Uint8Array; counter: number; transports: string[]; name: string; backedUp: boolean },
): Promise<void> {
  await db
    .insertInto("passkeys")
    .values({
      id: passkey.id,
      user_id: passkey.userId,
      public_key: passkey.publicKey,
      counter: passkey.counter,
      transports: passkey.transports.join(","),
      name: passkey.name,
      backed_up: passkey.backedUp,
    })
    .execute();
}

export async function listPasskeys(db: Executor, userId: string): Promise<PasskeyRow[]> {
  return db.selectFrom("passkeys").selectAll().where("user_id", "=", userId).orderBy("created_at").execute();
}

export async function findPasskey(db: Executor, id: string): Promise<PasskeyRow | undefined> {
  return db.selectFrom("passkeys").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function recordPasskeyUse(db: Executor, id: string, counter: number): Promise<void> {
  await db.updateTable("passkeys").set({ counter, last_used_at: new Date() }).where("id", "=", id).execute();
}

export async function deletePasskey(db: Executor, userId: string, id: string): Promise<boolean> {
  const row = await db.deleteFrom("passkeys").where("user_id", "=", userId).where("id", "=", id).returning("id").executeTakeFirst();
  return Boolean(row);
}

export async function insertChallenge(
  db: Executor,
  challenge: { id: string; userId: string | null; purpose: AuthChallengePurpose; webauthnChallenge: string | null; shared: boolean; redirectTo: string; expiresAt: Date },
): Promise<void> {
  // Expired rows go on the way in: the table holds only the last ten minutes' sign-ins.
  await db.deleteFrom("auth_challenges").where("expires_at", "<=", new Date()).execute();
  await db
    .insertInto("auth_challenges")
    .values({
      id: challenge.id,
      user_id: challenge.userId,
      purpose: challenge.purpose,
      webauthn_challenge: challenge.webauthnChallenge,
      shared: challenge.shared,
      redirect_to: challenge.redirectTo,
      expires_at: challenge.expiresAt,
    })
    .execute();
}

export async function findChallenge(db: Executor, id: string, purpose: AuthChallengePurpose): Promise<AuthChallengeRow | undefined> {
  return db
    .selectFrom("auth_challenges")
    .selectAll()
    .where("id", "=", id)
    .where("purpose", "=", purpose)
    .where("expires_at", ">", new Date())
    .executeTakeFirst();
}

export async function setChallengeWebAuthn(db: Executor, id: string, webauthnChallenge: string): Promise<void> {
  await db.updateTable("auth_challenges").set({ webauthn_challenge: webauthnChallenge }).where("id", "=", id).execute();
}

/** Takes the challenge out (single use): only the request that deletes it may go on. */
export async function takeChallenge(db: Executor, id: string, purpose: AuthChallengePurpose): Promise<AuthChallengeRow | undefined> {
  return db
    .deleteFrom("auth_challenges")
    .where("id", "=", id)
    .where("purpose", "=", purpose)
    .where("expires_at", ">", new Date())
    .returningAll()
    .executeTakeFirst();
}

/** The workspaces the user belongs to that require two-step sign-in, by name. */
export async function workspacesRequiringTwoStep(db: Executor, userId: string): Promise<{ id: string; name: string }[]> {
  return db
    .selectFrom("memberships")
    .innerJoin("workspaces", "workspaces.id", "memberships.workspace_id")
    .select(["workspaces.id", "workspaces.name"])
    .where("memberships.user_id", "=", userId)
    .where("workspaces.require_two_step", "=", true)
    .orderBy("workspaces.name")
    .execute();
}

/** Whether the user has a second step: a confirmed authenticator app or a passkey. */
export async function hasSecondStep(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select(sql<boolean>`users.totp_enabled_at is not null or exists (select 1 from passkeys where passkeys.user_id = users.id)`.as("has"))
    .where("id", "=", userId)
    .executeTakeFirst();
  return Boolean(row?.has);
}

export async function setRequireTwoStep(db: Executor, workspaceId: string, required: boolean): Promise<void> {
  await db.updateTable("workspaces").set({ require_two_step: required, updated_at: new Date() }).where("id", "=", workspaceId).execute();
}

/** True when the workspace requires two-step sign-in and the user has no second step: one query, for the socket upgrade. */
export async function missesRequiredTwoStep(db: Executor, userId: string, workspaceId: string): Promise<boolean> {
  const row = await db
    .selectFrom("workspaces")
    .select(
      sql<boolean>`workspaces.require_two_step and not exists (select 1 from users where users.id = ${userId} and users.totp_enabled_at is not null) and not exists (select 1 from passkeys where passkeys.user_id = ${userId})`.as(
        "misses",
      ),
    )
    .where("id", "=", workspaceId)
    .executeTakeFirst();
  return Boolean(row?.misses);
}
