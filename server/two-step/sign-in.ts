import { findPasskey, findTwoStepState, hasSecondStep, listPasskeys, recordPasskeyUse } from "../../db/queries/two-step";
import type { SignInMethod } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { attachWebAuthnChallenge, consumeChallenge, openChallenge, peekChallenge } from "./challenges";
import { checkRecoveryCode, checkTotpCode, type CodeOutcome } from "./codes";
import { authenticationOptions, verifyAuthentication, type AuthenticationResponseJSON } from "./passkeys";

export interface SignInTarget {
  shared: boolean;
  redirectTo: string;
}

export type SecondStep = { kind: "totp"; code: string } | { kind: "recovery-code"; code: string } | { kind: "passkey"; response: AuthenticationResponseJSON };

export type SignInOutcome =
  | { ok: true; userId: string; method: SignInMethod; shared: boolean; redirectTo: string }
  | { ok: false; reason: "expired" }
  | Exclude<CodeOutcome, { ok: true }>;

/**
 * The sign-in side of two-step: after the password, a pending sign-in waits (ten minutes, single
 * use) for an authenticator code, a recovery code or a passkey; a passkey alone signs in too.
 */
export function createSignInSteps({ db, limits }: Pick<ServiceDeps, "db" | "limits">) {
  /** The passkey's answer to `challenge`, and whose passkey it is; null for anything else. */
  async function provePasskey(origin: string, challenge: string, response: AuthenticationResponseJSON, userId: string | null) {
    const passkey = await findPasskey(db, response.id);
    if (!passkey || (userId !== null && passkey.user_id !== userId)) return null;
    const info = await verifyAuthentication(origin, challenge, response, passkey);
    if (!info) return null;
    await recordPasskeyUse(db, passkey.id, info.newCounter);
    return passkey.user_id;
  }

  return {
    /** After a right password: a pending sign-in when the person has a second step, else null (sign in now). */
    async beginSecondStep(userId: string, target: SignInTarget): Promise<{ token: string; expiresAt: Date } | null> {
      if (!(await hasSecondStep(db, userId))) return null;
      return openChallenge(db, { userId, purpose: "second-step", ...target });
    },

    /** The ways this pending sign-in can finish, or null when it expired or was used. */
    async pendingSecondStep(token: string): Promise<{ totp: boolean; passkey: boolean; recoveryCodes: boolean } | null> {
      const pending = await peekChallenge(db, token, "second-step");
      if (!pending?.userId) return null;
      const state = await findTwoStepState(db, pending.userId);
      return { totp: state.totpEnabled, passkey: state.passkeys > 0, recoveryCodes: state.recoveryCodesLeft > 0 };
    },

    /** Passkey prompt options for the second step, limited to this person's passkeys. */
    async secondStepPasskeyOptions(token: string, origin: string) {
      const pending = await peekChallenge(db, token, "second-step");
      if (!pending?.userId) return null;
      const options = await authenticationOptions(origin, await listPasskeys(db, pending.userId));
      await attachWebAuthnChallenge(db, token, options.challenge);
      return options;
    },

    /** Finishes the pending sign-in with a code or a passkey; the pending sign-in is then used up. */
    async completeSecondStep(token: string, step: SecondStep, origin: string): Promise<SignInOutcome> {
      const pending = await peekChallenge(db, token, "second-step");
      if (!pending?.userId) return { ok: false, reason: "expired" };
      const userId = pending.userId;
      let method: SignInMethod = "two-step";
      if (step.kind === "passkey") {
        const proven = pending.webauthnChallenge ? await provePasskey(origin, pending.webauthnChallenge, step.response, userId) : null;
        if (!proven) return { ok: false, reason: "wrong-code" };
        method = "passkey";
      } else {
        const outcome = step.kind === "totp" ? await checkTotpCode(db, limits, userId, step.code) : await checkRecoveryCode(db, limits, userId, step.code);
        if (!outcome.ok) return outcome;
        if (step.kind === "recovery-code") method = "recovery-code";
      }
      // Whoever deletes the pending row signs in; a second request racing with the same row does not.
      const taken = await consumeChallenge(db, token, "second-step");
      if (!taken) return { ok: false, reason: "expired" };
      await limits.reset("two-step", userId);
      return { ok: true, userId, method, shared: taken.shared, redirectTo: taken.redirectTo };
    },

    /**
     * A username-less passkey sign-in: options for any passkey of this site, the challenge under a
     * fresh token. Anyone may ask, so each ask spends one of the address's sign-in attempts: the
     * table of challenges cannot be flooded from one place.
     */
    async passkeySignInOptions(origin: string, target: SignInTarget, clientIp: string) {
      const allowed = await limits.consume("sign-in-address", clientIp);
      if (!allowed.ok) return { ok: false as const, retryAfterMs: allowed.retryAfterMs };
      const options = await authenticationOptions(origin, []);
      const { token, expiresAt } = await openChallenge(db, { userId: null, purpose: "passkey-sign-in", webauthnChallenge: options.challenge, ...target });
      return { ok: true as const, options, token, expiresAt };
    },

    /** The passkey alone: whose it is decides who signs in. */
    async completePasskeySignIn(token: string, response: AuthenticationResponseJSON, origin: string): Promise<SignInOutcome> {
      const pending = await consumeChallenge(db, token, "passkey-sign-in");
      if (!pending?.webauthnChallenge) return { ok: false, reason: "expired" };
      const userId = await provePasskey(origin, pending.webauthnChallenge, response, null);
      if (!userId) return { ok: false, reason: "wrong-code" };
      return { ok: true, userId, method: "passkey", shared: pending.shared, redirectTo: pending.redirectTo };
    },
  };
}
