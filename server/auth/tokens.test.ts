import { describe, expect, it } from "vitest";
import { readSessionTokenFromCookies } from "./sessions";
import { generateToken, hashToken } from "./tokens";

describe("session token", () => {
  it("is 160 random bits in base32, and only its SHA-256 is stored", () => {
    const token = generateToken();
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is read from the cookie header only when well-formed", () => {
    const token = generateToken();
    expect(readSessionTokenFromCookies(`theme=dark; caucus_session=${token}; other=1`)).toBe(token);
  });
});
