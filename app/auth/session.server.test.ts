import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { clearedSessionCookie, readSessionToken, sessionCookie } from "./session.server";

const context = (publicOrigin?: string) => ({ publicOrigin }) as AppLoadContext;
const inAWeek = new Date(Date.now() + 7 * 86_400_000);

describe("session cookie", () => {
  it("is HttpOnly, Lax, site-wide, and Secure when the public origin is https", () => {
    const cookie = sessionCookie(new Request("http://internal:3000/"), context("https://caucus.example.org"), "t", inAWeek);
    expect(cookie).toMatch(/^caucus_session=t; Max-Age=60\d{4}; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
  });

  it("is not Secure on plain-http localhost, where the browser would drop it", () => {
    expect(sessionCookie(new Request("http://localhost:3000/"), context(), "t", inAWeek)).not.toMatch(/Secure/);
  });

  it("clears with Max-Age=0", () => {
    expect(clearedSessionCookie(new Request("https://caucus.example.org/"), context())).toMatch(/^caucus_session=; Max-Age=0;.*Secure$/);
  });
});

describe("session token in the cookie header", () => {
  it("is read from the cookie header only when well-formed", () => {
    // A token as server/auth/tokens.ts makes them: 32 base32 characters.
    const token = "abcdefghijklmnopqrstuvwxyz234567";
    const read = (cookie: string) => readSessionToken(new Request("http://x/", { headers: { cookie } }));
    expect(read(`theme=dark; caucus_session=${token}; other=1`)).toBe(token);
    expect(read("caucus_session=' OR 1=1 --")).toBeNull();
    expect(read("caucus_sessionx=abc")).toBeNull();
  });
});
