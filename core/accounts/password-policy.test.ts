import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MIN_LENGTH } from "./password-policy";

describe("passwordProblem", () => {
  it("accepts a long, uncommon passphrase", () => {
    expect(passwordProblem("tea kettle harbour 42")).toBeNull();
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters`, () => {
    expect(passwordProblem("Xy7!kq2#z")).toMatch(/at least 10/);
  });

  it("refuses common passwords whatever their case", () => {
    expect(passwordProblem("Password123")).toMatch(/lists attackers try/);
    expect(passwordProblem("QWERTYUIOP")).toMatch(/lists attackers try/);
  });

  it("refuses one repeated character", () => {
    expect(passwordProblem("zzzzzzzzzzzz")).toMatch(/repeated/);
  });

  it("refuses a password built from the email's local part", () => {
    expect(passwordProblem("amina.diallo2026", "amina.diallo@example.org")).toMatch(/email/);
  });

  it("bounds the length so hashing cannot be abused", () => {
    expect(passwordProblem("a".repeat(255) + "b")).toBeNull();
    expect(passwordProblem("ab".repeat(200))).toMatch(/at most/);
  });
});
