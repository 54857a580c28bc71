import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import { hashRecoveryCode, newRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";
import { matchingTotpStep, newTotpKey } from "./totp";

describe("authenticator codes", () => {
  const key = newTotpKey();
  const now = 1_800_000_015_000; // 15 s into a step
  const step = Math.floor(now / 30_000);
  const code = (s: number) => generateHOTP(key, BigInt(s), 6);

  it("accepts the current step and one step either side, and says which", () => {
    expect(matchingTotpStep(key, code(step), now)).toBe(step);
    expect(matchingTotpStep(key, code(step - 1), now)).toBe(step - 1);
    expect(matchingTotpStep(key, code(step + 1), now)).toBe(step + 1);
  });

  it("refuses codes two steps away, another key's codes, and anything but six digits", () => {
    expect(matchingTotpStep(key, code(step - 2), now)).toBeNull();
    expect(matchingTotpStep(key, code(step + 2), now)).toBeNull();
    expect(matchingTotpStep(newTotpKey(), code(step), now)).toBeNull();
    expect(matchingTotpStep(key, `${code(step)}0`, now)).toBeNull();
    expect(matchingTotpStep(key, "12a456", now)).toBeNull();
  });
});

describe("recovery codes", () => {
  it("are sixteen base32 characters in groups of four, each different", () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it("hash the same however they are typed back", () => {
    const code = newRecoveryCode();
    expect(normaliseRecoveryCode(` ${code.toUpperCase().replace(/-/g, " ")} `)).toBe(code.replace(/-/g, ""));
    expect(hashRecoveryCode(code.toUpperCase())).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
