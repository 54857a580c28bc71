import { expect, it } from "vitest";
import * as signup from "../../app/routes/signup";
import * as login from "../../app/routes/login";
import * as logout from "../../app/routes/logout";
import * as account from "../../app/routes/account";
import * as workspaces from "../../app/routes/workspaces._index";
import { validateSessionToken } from "../../server/auth/sessions";
import { hashToken } from "../../server/auth/tokens";
import { LIMIT_POLICIES } from "../../server/limits/limits";
import { describeEachDatabase, openTestDatabase } from "../db/test-database";
import { buildUser, TEST_PASSWORD } from "../factories";
import { makeRequest, run, testContext, tokenFromSetCookie } from "../remix";

const MAX_FAILURES_PER_ACCOUNT = LIMIT_POLICIES["sign-in-account"].points;
const MAX_FAILURES_PER_IP = LIMIT_POLICIES["sign-in-address"].points;

describeEachDatabase("accounts and sessions", (handle, kind) => {
  const ctx = (ip?: string) => testContext(handle(), ip);

  it("signs up (a fresh install's first account), sets an HttpOnly Lax cookie and stores only the token's hash", async () => {
    const fresh = await openTestDatabase(kind);
    try {
      const email = `amina.${Date.now()}@example.org`;
      const outcome = await run(signup.action, makeRequest("/signup", { form: { intent: "first", name: "Amina Diallo", email, password: "tea kettle harbour 42", redirectTo: "/workspaces" } }), testContext(fresh));
      expect(outcome.status).toBe(302);
      expect(outcome.location).toBe("/workspaces");
      expect(outcome.setCookie).toMatch(/HttpOnly/);
      expect(outcome.setCookie).toMatch(/SameSite=Lax/);
      expect(outcome.setCookie).toMatch(/Max-Age=259\d{4}\b/) // 30 days, give or take the second it took;
      const token = tokenFromSetCookie(outcome.setCookie)!;
      const rows = await fresh.db.selectFrom("sessions").select("id").execute();
      expect(rows.map((r) => r.id)).toContain(hashToken(token));
      expect(rows.map((r) => r.id)).not.toContain(token);
    } finally {
      await fresh.close();
    }
  });

  it("refuses a weak password with a field error, creating nothing; a taken address is never told apart", async () => {
    const before = await handle().db.selectFrom("users").select("id").execute();
    const weak = await run(signup.action, makeRequest("/signup", { form: { intent: "first", name: "A", email: "weak@example.org", password: "password123" } }), ctx());
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ fieldErrors: { password: [{ id: "auth.password.common" }] } });
    const existing = await buildUser(handle());
    // Sign-up is by invitation once accounts exist: the same refusal for a taken address and a new one.
    const taken = await run(signup.action, makeRequest("/signup", { form: { intent: "first", name: "B", email: existing.email.toUpperCase(), password: "tea kettle harbour 42" } }), ctx());
    const unknown = await run(signup.action, makeRequest("/signup", { form: { intent: "first", name: "B", email: "nobody.yet@example.org", password: "tea kettle harbour 42" } }), ctx());
    expect(taken.status).toBe(unknown.status);
    expect(taken.body).toEqual(unknown.body);
    const after = await handle().db.selectFrom("users").select("id").execute();
    expect(after.length).toBe(before.length + 1); // only the factory's user
  });

  it("signs in, and gives one answer for an unknown email and a wrong password", async () => {
    const user = await buildUser(handle());
    const ok = await run(login.action, makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "//evil.example" } }), ctx("198.51.100.1"));
    expect(ok.status).toBe(302);
    expect(ok.location).toBe("/workspaces"); // the open redirect was refused
    const wrong = await run(login.action, makeRequest("/login", { form: { email: user.email, password: "not the password" } }), ctx("198.51.100.1"));
    const unknown = await run(login.action, makeRequest("/login", { form: { email: "nobody@example.org", password: "not the password" } }), ctx("198.51.100.1"));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it("rate-limits an account after repeated failures, even with the right password", async () => {
    const user = await buildUser(handle());
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      // A different address each time: the per-account limit must hold across IPs.
      await run(login.action, makeRequest("/login", { form: { email: user.email, password: `guess ${i}` } }), ctx(`192.0.2.${i}`));
    }
    const blocked = await run(login.action, makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD } }), ctx("192.0.2.200"));
    expect(blocked.status).toBe(429);
  });

  it("rate-limits an address spraying many accounts", async () => {
    const ip = "192.0.2.250";
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await run(login.action, makeRequest("/login", { form: { email: `spray.${i}@example.org`, password: "Winter2026!" } }), ctx(ip));
    }
    const user = await buildUser(handle());
    const blocked = await run(login.action, makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD } }), ctx(ip));
    expect(blocked.status).toBe(429);
    const elsewhere = await run(login.action, makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD } }), ctx("192.0.2.251"));
    expect(elsewhere.status).toBe(302);
  });

  it("signs out: the old cookie no longer opens anything", async () => {
    const user = await buildUser(handle());
    const out = await run(logout.action, makeRequest("/logout", { token: user.token, form: {} }), ctx());
    expect(out.setCookie).toMatch(/Max-Age=0/);
    const after = await run(workspaces.loader, makeRequest("/workspaces", { token: user.token }), ctx());
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/login/);
  });

  it("signs out of all devices", async () => {
    const user = await buildUser(handle());
    const second = await run(login.action, makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD } }), ctx());
    const secondToken = tokenFromSetCookie(second.setCookie)!;
    await run(account.action, makeRequest("/account", { token: user.token, form: { intent: "sign-out-everywhere" } }), ctx());
    expect(await validateSessionToken(handle().db, user.token)).toBeNull();
    expect(await validateSessionToken(handle().db, secondToken)).toBeNull();
  });

  it("changes the password: other sessions end, this device gets a new one, the new password works", async () => {
    const user = await buildUser(handle());
    const other = await run(login.action, makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD } }), ctx());
    const changed = await run(
      account.action,
      makeRequest("/account", { token: user.token, form: { intent: "change-password", currentPassword: TEST_PASSWORD, newPassword: "violet lantern orchard 7", confirmPassword: "violet lantern orchard 7" } }),
      ctx(),
    );
    expect(changed.status).toBe(302);
    expect(await validateSessionToken(handle().db, user.token)).toBeNull();
    expect(await validateSessionToken(handle().db, tokenFromSetCookie(other.setCookie)!)).toBeNull();
    expect(await validateSessionToken(handle().db, tokenFromSetCookie(changed.setCookie)!)).not.toBeNull();
    const relogin = await run(login.action, makeRequest("/login", { form: { email: user.email, password: "violet lantern orchard 7" } }), ctx());
    expect(relogin.status).toBe(302);
  });

  it("refuses a password change with the wrong current password, changing nothing", async () => {
    const user = await buildUser(handle());
    const refused = await run(
      account.action,
      makeRequest("/account", { token: user.token, form: { intent: "change-password", currentPassword: "wrong one here", newPassword: "violet lantern orchard 7", confirmPassword: "violet lantern orchard 7" } }),
      ctx(),
    );
    expect(refused.status).toBe(400);
    expect(await validateSessionToken(handle().db, user.token)).not.toBeNull();
  });

  it("slides the expiry forward in the second half of a session, and drops expired ones", async () => {
    const user = await buildUser(handle());
    const id = hashToken(user.token);
    await handle().db.updateTable("sessions").set({ expires_at: new Date(Date.now() + 5 * 86_400_000) }).where("id", "=", id).execute();
    const renewed = await validateSessionToken(handle().db, user.token);
    expect(renewed?.renewed).toBe(true);
    expect(renewed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await handle().db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", id).execute();
    expect(await validateSessionToken(handle().db, user.token)).toBeNull();
    expect(await handle().db.selectFrom("sessions").select("id").where("id", "=", id).executeTakeFirst()).toBeUndefined();
  });
});
