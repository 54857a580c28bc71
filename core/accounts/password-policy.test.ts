import { describe, expect, it } from "vitest";
import { passwordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

describe("passwordProblem", () => {
  it("accepts a long, uncommon passphrase", () => {
    expect(passwordProblem("tea kettle harbour 42")).toBeNull();
  });

  it(`refuses fewer than ${PASSWORD_MIN_LENGTH} characters, with the number for the message`, () => {
    expect(passwordProblem("Xy7!kq2#z")).toEqual({ id: "auth.password.tooShort", values: { min: 10 } });
  });

  it("refuses common passwords whatever their case", () => {
    expect(passwordProblem("Password123")).toEqual({ id: "auth.password.common" });
    expect(passwordProblem("QWERTYUIOP")).toEqual({ id: "auth.password.common" });
  });

  it("refuses one repeated character", () => {
    expect(passwordProblem("zzzzzzzzzzzz")).toEqual({ id: "auth.password.repeated" });
  });

  it("refuses a password built from the email's local part", () => {
    expect(passwordProblem("amina.diallo2026", "amina.diallo@example.org")).toEqual({ id: "auth.password.fromEmail" });
  });

  it("bounds the length so hashing cannot be abused", () => {
    expect(passwordProblem("a".repeat(255) + "b")).toBeNull();
    expect(passwordProblem("ab".repeat(200))).toEqual({ id: "auth.password.tooLong", values: { max: PASSWORD_MAX_LENGTH } });
  });
});
