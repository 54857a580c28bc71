import {
  clearTwoStep,
  deletePasskey,
  enableTotp,
  findTotp,
  findTwoStepState,
  hasSecondStep,
  insertPasskey,
  listPasskeys,
  replaceRecoveryCodes,
  setRequireTwoStep,
  storePendingTotpKey,
  workspacesRequiringTwoStep,
  type TwoStepState,
} from "../../db/queries/two-step";
import { recordAudit } from "../../db/queries/audit";
import { findUserById } from "../../db/queries/users";
import { busyAsHttp } from "../auth/hash-gate";
import { verifyPassword } from "../auth/password";
import type { ServiceDeps } from "../services";
import { attachWebAuthnChallenge, consumeChallenge, openChallenge } from "./challenges";
import { checkTotpCode, type CodeOutcome } from "./codes";
import { registrationOptions, verifyRegistration, type RegistrationResponseJSON } from "./passkeys";
import { hashRecoveryCode, newRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import { createSignInSteps } from "./sign-in";
import { manualEntrySecret, newTotpKey, totpKeyUri } from "./totp";

export type { CodeOutcome } from "./codes";
export type { PendingSignIn } from "./challenges";
export type { TwoStepState } from "../../db/queries/two-step";

const ISSUER = "Caucus";

export interface TwoStepStatus extends TwoStepState {
  /** Workspaces of this person that require two-step sign-in. */
  requiredBy: { id: string; name: string }[];
  passkeyList: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; backedUp: boolean }[];
}

export type TurnOffOutcome =
  | { ok: true }
  | { ok: false; reason: "wrong-password" }
  | { ok: false; reason: "required"; workspaces: string[] }
  | { ok: false; reason: "rate-limited"; retryAfterMs: number };

/**
 * Two-step sign-in (issue 22): an authenticator app (TOTP), passkeys and one-time recovery codes;
 * the sign-in steps (sign-in.ts); an owner's requirement of it for a whole workspace.
 */
export function createTwoStepService(deps: Pick<ServiceDeps, "db" | "limits" | "collab">) {
  const { db, limits, collab } = deps;

  async function newRecoveryCodes(userId: string): Promise<string[]> {
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    // Regenerating replaces every code: old paper copies stop working at once.
    await db.transaction().execute((tx) => replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode)));
    return codes;
  }

  /** Whether removing this second step would leave the person without one while a workspace requires it. */
  async function requiredElsewhere(userId: string): Promise<string[]> {
    return (await workspacesRequiringTwoStep(db, userId)).map((w) => w.name);
  }

  return {
    ...createSignInSteps(deps),

    async status(userId: string): Promise<TwoStepStatus> {
      const [state, requiredBy, passkeys] = await Promise.all([findTwoStepState(db, userId), workspacesRequiringTwoStep(db, userId), listPasskeys(db, userId)]);
      const passkeyList = passkeys.map((p) => ({ id: p.id, name: p.name, createdAt: p.created_at, lastUsedAt: p.last_used_at, backedUp: p.backed_up }));
      return { ...state, requiredBy, passkeyList };
    },

    /** Whether the person has a second step (a confirmed app or a passkey). */
    hasSecondStep: (userId: string) => hasSecondStep(db, userId),

    /** True when the workspace requires two-step sign-in and this person has none yet. */
    async missingFor(userId: string, workspace: { require_two_step: boolean }): Promise<boolean> {
      return workspace.require_two_step && !(await hasSecondStep(db, userId));
    },

    /**
     * An owner's choice, in the audit log (an owner turning it off is worth seeing); turning it on
     * closes open editors of members without two-step (within a second).
     */
    async setWorkspaceRequirement(actorId: string, workspace: { id: string; require_two_step: boolean }, required: boolean): Promise<void> {
      if (workspace.require_two_step === required) return;
      await db.transaction().execute(async (tx) => {
        await setRequireTwoStep(tx, workspace.id, required);
        await recordAudit(tx, { workspaceId: workspace.id, actorId, action: "workspace.two_step_required", targetType: "workspace", targetId: workspace.id, details: { required } });
      });
      if (required) await collab.revalidate({ workspaceId: workspace.id });
    },

    /** The key to put in the app (a new one unless one is waiting for its first code); null once the app is on. */
    async totpSetup(user: { id: string; email: string }): Promise<{ secret: string; uri: string } | null> {
      const totp = await findTotp(db, user.id);
      if (totp?.totp_enabled_at) return null;
      let key = totp?.totp_key ?? null;
      if (!key) {
        key = newTotpKey();
        await storePendingTotpKey(db, user.id, key);
      }
      return { secret: manualEntrySecret(key), uri: totpKeyUri(ISSUER, user.email, key) };
    },

    /** The first code turns the app on; the first second step also brings the recovery codes, shown once. */
    async confirmTotp(userId: string, code: string): Promise<CodeOutcome & { recoveryCodes?: string[] }> {
      const outcome = await checkTotpCode(db, limits, userId, code, true);
      if (!outcome.ok) return outcome;
      await enableTotp(db, userId);
      const { recoveryCodesLeft } = await findTwoStepState(db, userId);
      return recoveryCodesLeft === 0 ? { ok: true, recoveryCodes: await newRecoveryCodes(userId) } : { ok: true };
    },

    regenerateRecoveryCodes: (userId: string) => newRecoveryCodes(userId),

    /** Everything off (app, passkeys, codes): asks for the password, and is refused while a workspace requires it. */
    async turnOff(userId: string, password: string): Promise<TurnOffOutcome> {
      const allowed = await limits.consume("two-step", userId);
      if (!allowed.ok) return { ok: false, reason: "rate-limited", retryAfterMs: allowed.retryAfterMs };
      const user = await findUserById(db, userId);
      if (!user || !(await busyAsHttp(() => verifyPassword(user.password_hash, password)))) return { ok: false, reason: "wrong-password" };
      const workspaces = await requiredElsewhere(userId);
      if (workspaces.length > 0) return { ok: false, reason: "required", workspaces };
      await db.transaction().execute((tx) => clearTwoStep(tx, userId));
      return { ok: true };
    },

    /** Options for the browser's passkey prompt; the challenge waits under a token only this session knows. */
    async passkeyRegistrationOptions(user: { id: string; email: string; name: string }, origin: string) {
      const options = await registrationOptions(origin, user, await listPasskeys(db, user.id));
      const { token } = await openChallenge(db, { userId: user.id, purpose: "passkey-registration", shared: false, redirectTo: "/account/two-step" });
      await attachWebAuthnChallenge(db, token, options.challenge);
      return { options, token };
    },

    /** Stores the passkey the browser made, if it answers the challenge of this person's registration. */
    async registerPasskey(
      userId: string,
      input: { token: string; origin: string; response: RegistrationResponseJSON; name: string },
    ): Promise<{ ok: true; recoveryCodes?: string[] } | { ok: false }> {
      const pending = await consumeChallenge(db, input.token, "passkey-registration");
      if (!pending || pending.userId !== userId || !pending.webauthnChallenge) return { ok: false };
      const info = await verifyRegistration(input.origin, pending.webauthnChallenge, input.response);
      if (!info) return { ok: false };
      const { recoveryCodesLeft } = await findTwoStepState(db, userId);
      await insertPasskey(db, {
        id: info.credential.id,
        userId,
        publicKey: info.credential.publicKey,
        counter: info.credential.counter,
        transports: info.credential.transports ?? input.response.response.transports ?? [],
        name: input.name,
        backedUp: info.credentialBackedUp,
      });
      return recoveryCodesLeft === 0 ? { ok: true, recoveryCodes: await newRecoveryCodes(userId) } : { ok: true };
    },

    /** Removes one passkey; refused when it is the last second step and a workspace requires one. */
    async removePasskey(userId: string, passkeyId: string): Promise<{ ok: true } | { ok: false; reason: "not-found" } | { ok: false; reason: "required"; workspaces: string[] }> {
      const state = await findTwoStepState(db, userId);
      if (!state.totpEnabled && state.passkeys <= 1) {
        const workspaces = await requiredElsewhere(userId);
        if (workspaces.length > 0) return { ok: false, reason: "required", workspaces };
      }
      return (await deletePasskey(db, userId, passkeyId)) ? { ok: true } : { ok: false, reason: "not-found" };
    },
  };
}

export type TwoStepService = ReturnType<typeof createTwoStepService>;
