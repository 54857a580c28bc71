import { generateHOTP } from "@oslojs/otp";
import { expect } from "vitest";
import * as accountTwoStep from "../../app/routes/account_.two-step";
import * as login from "../../app/routes/login";
import type { DatabaseHandle } from "../../db/client";
import { TEST_PASSWORD, type TestUser } from "../factories";
import { ORIGIN, run, type TestContext } from "../remix";

/** The code an authenticator app shows for `step` steps from now (0: the current 30 seconds). */
export function codeAt(key: Uint8Array, step = 0): string {
  return generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + step), 6);
}

/** A request carrying any cookies, as the browser sends them after a pending sign-in was opened. */
export function requestWith(path: string, cookies: Record<string, string | undefined>, form?: Record<string, string>): Request {
  const headers = new Headers({ origin: ORIGIN });
  const cookie = Object.entries(cookies)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  if (cookie) headers.set("cookie", cookie);
  return new Request(`${ORIGIN}${path}`, { method: form ? "POST" : "GET", headers, body: form ? new URLSearchParams(form) : undefined });
}

/** The pending sign-in's token from a Set-Cookie header. */
export function challengeFrom(setCookie: string | null): string | undefined {
  return /caucus_sign_in=([a-z2-7]{32})/.exec(setCookie ?? "")?.[1];
}

/** Turns the authenticator app on for `user` through the account page; returns the key and the recovery codes shown. */
export async function enableTotp(handle: DatabaseHandle, context: TestContext, user: TestUser) {
  const page = await run(accountTwoStep.loader, requestWith("/account/two-step", { caucus_session: user.token }), context);
  expect(page.status).toBe(200);
  const { totp_key: key } = await handle.db.selectFrom("users").select("totp_key").where("id", "=", user.id).executeTakeFirstOrThrow();
  const confirmed = await run(accountTwoStep.action, requestWith("/account/two-step", { caucus_session: user.token }, { intent: "confirm-totp", code: codeAt(key!) }), context);
  expect(confirmed.status).toBe(200);
  const codes = (confirmed.body as { recoveryCodes: string[] }).recoveryCodes;
  return { key: key!, codes };
}

/** Email and password for `user`: the pending sign-in's token when a second step is asked for. */
export async function passwordStep(context: TestContext, user: TestUser, shared = false): Promise<string> {
  const form: Record<string, string> = { email: user.email, password: TEST_PASSWORD, redirectTo: "/workspaces" };
  if (shared) form.shared = "on";
  const outcome = await run(login.action, requestWith("/login", {}, form), context);
  expect(outcome.status).toBe(302);
  expect(outcome.location).toBe("/login/two-step");
  expect(outcome.setCookie).toMatch(/HttpOnly/);
  return challengeFrom(outcome.setCookie)!;
}
