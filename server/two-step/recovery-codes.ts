import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

export const RECOVERY_CODE_COUNT = 10;
/** 10 random bytes: 80 bits, sixteen base32 characters. */
const CODE_BYTES = 10;

/** A fresh code, written in four groups of four so it can be copied by hand from paper. */
export function newRecoveryCode(): string {
  const raw = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(CODE_BYTES)));
  return raw.replace(/(.{4})(?=.)/g, "$1-");
}

/** Case, spaces and dashes do not matter when a person types a code back. */
export function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

/**
 * What is stored. SHA-256 suffices (no argon2 as for passwords): a code has 80 random bits, so
 * even a stolen table cannot be searched code by code, unlike a person-chosen password.
 */
export function hashRecoveryCode(code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(code))));
}
