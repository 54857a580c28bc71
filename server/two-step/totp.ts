import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";

/** RFC 6238 as every authenticator app reads it by default: 30-second steps, six digits, SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** RFC 4226 asks for at least 128 bits and recommends 160. */
const KEY_BYTES = 20;

export function newTotpKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(KEY_BYTES));
}

/** The otpauth:// URI the QR code carries. */
export function totpKeyUri(issuer: string, accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(issuer, accountName, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The key as people type it into an app by hand, in groups of four. */
export function manualEntrySecret(key: Uint8Array): string {
  return encodeBase32UpperCaseNoPadding(key).replace(/(.{4})(?=.)/g, "$1 ");
}

/**
 * The time step a code belongs to, within one step either side of now (a phone's clock a little
 * off, a code typed as it turned), or null. The step, not just yes or no, so that the caller can
 * accept each step's code once: verifyTOTPWithGracePeriod would not say which step matched, so
 * this asks @oslojs/otp's HOTP check (TOTP is HOTP over the step number) for each step.
 */
export function matchingTotpStep(key: Uint8Array, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const current = Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
  for (const step of [current, current - 1, current + 1]) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}
