import type { Executor } from "../../db/queries/executor";
import { claimTotpStep, findTotp, spendRecoveryCode } from "../../db/queries/two-step";
import type { Limits } from "../limits/limits";
import { hashRecoveryCode } from "./recovery-codes";
import { matchingTotpStep } from "./totp";

export type CodeOutcome = { ok: true } | { ok: false; reason: "wrong-code" } | { ok: false; reason: "rate-limited"; retryAfterMs: number };

/**
 * Every code attempt, right or wrong, spends one of the account's two-step attempts first: a
 * six-digit code has a million values, and ten tries in fifteen minutes keep guessing hopeless.
 */
async function underLimit(limits: Limits, userId: string, check: () => Promise<boolean>): Promise<CodeOutcome> {
  const allowed = await limits.consume("two-step", userId);
  if (!allowed.ok) return { ok: false, reason: "rate-limited", retryAfterMs: allowed.retryAfterMs };
  return (await check()) ? { ok: true } : { ok: false, reason: "wrong-code" };
}

/**
 * An authenticator code, accepted once: the step it belongs to must be later than the last step
 * accepted, so a code seen over a shoulder cannot be used again. `confirming` accepts the code of
 * a key not yet enabled (the first code that proves the app holds it).
 */
export function checkTotpCode(db: Executor, limits: Limits, userId: string, code: string, confirming = false): Promise<CodeOutcome> {
  return underLimit(limits, userId, async () => {
    const totp = await findTotp(db, userId);
    if (!totp?.totp_key || Boolean(totp.totp_enabled_at) === confirming) return false;
    const step = matchingTotpStep(totp.totp_key, code.replace(/\s/g, ""));
    return step !== null && (await claimTotpStep(db, userId, step));
  });
}

export function checkRecoveryCode(db: Executor, limits: Limits, userId: string, code: string): Promise<CodeOutcome> {
  return underLimit(limits, userId, () => spendRecoveryCode(db, userId, hashRecoveryCode(code)));
}
