import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import * as signup from "../../app/routes/signup";
import * as confirm from "../../app/routes/signup_.confirm.$token";
import * as login from "../../app/routes/login";
import * as home from "../../app/routes/_index";
import { createInvitation } from "../../db/queries/invitations";
import { generateToken, hashToken } from "../../server/auth/tokens";
import { validateSessionToken } from "../../server/auth/sessions";
import { describeEachDatabase, openTestDatabase } from "../db/test-database";
import { buildUser, buildWorkspace } from "../factories";
import { makeRequest, run, tokenFromSetCookie } from "../remix";
import { linkIn, readOutbox, registrationContext } from "../registration-context";
import type { DatabaseHandle } from "../../db/client";

const PASSWORD = "tea kettle harbour 42";
const outboxes: string[] = [];
const newOutbox = async () => {
  const dir = await mkdtemp(join(tmpdir(), "caucus-outbox-"));
  outboxes.push(dir);
  return dir;
};
afterAll(async () => {
  for (const dir of outboxes) await rm(dir, { recursive: true, force: true });
});
const unique = () => Math.random().toString(36).slice(2, 10);
const countUsers = async (handle: DatabaseHandle) => (await handle.db.selectFrom("users").select("id").execute()).length;

async function invitationFor(handle: DatabaseHandle, email: string) {
  const world = await buildWorkspace(handle);
  const token = generateToken();
  const invitation = await createInvitation(handle.db, {
    workspaceId: world.workspace.id,
    email,
    role: "reviewer",
    organisationId: null,
    tokenHash: hashToken(token),
    invitedBy: world.members.owner.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { world, token, invitation };
}

describeEachDatabase("creating accounts", (handle, kind) => {
  it("a fresh install: the first visitor makes the first account, and then accounts are by invitation", async () => {
    const fresh = await openTestDatabase(kind);
    try {
      const ctx = registrationContext(fresh);
      expect((await run(home.loader, makeRequest("/"), ctx)).body).toEqual({ signUp: "first" });
      expect((await run(login.loader, makeRequest("/login"), ctx)).body).toEqual({ canSignUp: true });
      expect((await run(signup.loader, makeRequest("/signup"), ctx)).body).toEqual({ view: "first" });
      const first = await run(signup.action, makeRequest("/signup", { form: { intent: "first", name: "Amina Diallo", email: "amina@example.org", password: PASSWORD } }), ctx);
      expect(first.status).toBe(302);
      expect(first.location).toBe("/workspaces");
      const session = await validateSessionToken(fresh.db, tokenFromSetCookie(first.setCookie)!);
      expect(session?.user.email).toBe("amina@example.org");
      expect((await fresh.db.selectFrom("sessions").select("method").executeTakeFirstOrThrow()).method).toBe("sign-up");

      expect((await run(signup.loader, makeRequest("/signup"), ctx)).body).toEqual({ view: "invitation" });
      expect((await run(login.loader, makeRequest("/login"), ctx)).body).toEqual({ canSignUp: false });
      expect((await run(home.loader, makeRequest("/"), ctx)).body).toEqual({ signUp: "invitation" });
      const second = await run(signup.action, makeRequest("/signup", { form: { intent: "first", name: "Sam", email: "sam@example.org", password: PASSWORD } }), ctx);
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ formError: { id: "signup.first.taken" } });
      const open = await run(signup.action, makeRequest("/signup", { form: { intent: "open", email: "sam@example.org" } }), ctx);
      expect(open.status).toBe(403);
      expect(await countUsers(fresh)).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it("two first visitors at the same moment: exactly one becomes the first", async () => {
    const fresh = await openTestDatabase(kind);
    try {
      // Separate servers' worth of services (two nodes), each sure no account exists yet.
      const attempts = await Promise.all(
        [1, 2, 3, 4].map((i) =>
          run(
            signup.action,
            makeRequest("/signup", { form: { intent: "first", name: `Visitor ${i}`, email: `visitor${i}@example.org`, password: PASSWORD } }),
            registrationContext(fresh, { clientIp: `198.51.100.${i}` }),
          ),
        ),
      );
      expect(attempts.map((a) => a.status).sort()).toEqual([302, 409, 409, 409]);
      expect(await countUsers(fresh)).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it("by invitation (the default): no form, nothing created, whatever is posted", async () => {
    await buildUser(handle());
    const ctx = registrationContext(handle());
    const before = await countUsers(handle());
    expect((await run(signup.loader, makeRequest("/signup"), ctx)).body).toEqual({ view: "invitation" });
    const posted = await run(signup.action, makeRequest("/signup", { form: { intent: "open", email: `x.${unique()}@example.org` } }), ctx);
    expect(posted.status).toBe(403);
    const noIntent = await run(signup.action, makeRequest("/signup", { form: { name: "X", email: `x.${unique()}@example.org`, password: PASSWORD } }), ctx);
    expect(noIntent.status).toBe(403);
    expect(await countUsers(handle())).toBe(before);
  });

  it("an invitation makes its account and joins the workspace in one step; the link then is spent", async () => {
    const email = `rita.${unique()}@example.org`;
    const { world, token, invitation } = await invitationFor(handle(), email);
    const ctx = registrationContext(handle());
    const page = await run(signup.loader, makeRequest(`/signup?invitation=${token}`), ctx);
    expect(page.body).toMatchObject({ view: "invited", invite: { email, workspaceName: world.workspace.name }, hasAccount: false });
    const weak = await run(signup.action, makeRequest("/signup", { form: { intent: "invitation", invitation: token, name: "Rita", password: "password123" } }), ctx);
    expect(weak.status).toBe(400);
    // An address field in the form changes nothing: the invitation's address is the account's.
    const made = await run(signup.action, makeRequest("/signup", { form: { intent: "invitation", invitation: token, name: "Rita Mensah", email: "other@example.org", password: PASSWORD } }), ctx);
    expect(made.status).toBe(302);
    expect(made.location).toBe(`/workspaces/${world.workspace.id}`);
    const session = await validateSessionToken(handle().db, tokenFromSetCookie(made.setCookie)!);
    expect(session?.user.email).toBe(email);
    const membership = await handle().db.selectFrom("memberships").select("role").where("workspace_id", "=", world.workspace.id).where("user_id", "=", session!.user.id).executeTakeFirst();
    expect(membership?.role).toBe("reviewer");
    const row = await handle().db.selectFrom("invitations").select(["accepted_at", "accepted_by"]).where("id", "=", invitation.id).executeTakeFirstOrThrow();
    expect(row.accepted_by).toBe(session!.user.id);
    const again = await run(signup.action, makeRequest("/signup", { form: { intent: "invitation", invitation: token, name: "Rita again", password: PASSWORD } }), ctx);
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ formError: { id: "auth.invite.problemUsed" } });
  });

  it("one invitation used from two tabs at once makes one account and one membership", async () => {
    const email = `twice.${unique()}@example.org`;
    const { world, token } = await invitationFor(handle(), email);
    const ctx = registrationContext(handle());
    const both = await Promise.all(
      ["Tab one", "Tab two"].map((name) => run(signup.action, makeRequest("/signup", { form: { intent: "invitation", invitation: token, name, password: PASSWORD } }), ctx)),
    );
    expect(both.filter((o) => o.status === 302)).toHaveLength(1);
    const users = await handle().db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(1);
    const memberships = await handle().db.selectFrom("memberships").select("id").where("workspace_id", "=", world.workspace.id).where("user_id", "=", users[0]!.id).execute();
    expect(memberships).toHaveLength(1);
  });

  it("an invitation to an address that has an account asks its holder to sign in to accept", async () => {
    const existing = await buildUser(handle());
    const { token, invitation } = await invitationFor(handle(), existing.email);
    const ctx = registrationContext(handle());
    expect((await run(signup.loader, makeRequest(`/signup?invitation=${token}`), ctx)).body).toMatchObject({ view: "invited", hasAccount: true });
    const posted = await run(signup.action, makeRequest("/signup", { form: { intent: "invitation", invitation: token, name: "Impostor", password: PASSWORD } }), ctx);
    expect(posted.status).toBe(409);
    const row = await handle().db.selectFrom("invitations").select("accepted_at").where("id", "=", invitation.id).executeTakeFirstOrThrow();
    expect(row.accepted_at).toBeNull();
    expect((await run(signup.loader, makeRequest(`/signup?invitation=${"a".repeat(32)}`), ctx)).status).toBe(404);
  });

  it("open sign-up answers an address with an account and one without alike; only the mails differ", async () => {
    const outbox = await newOutbox();
    const existing = await buildUser(handle());
    const ctx = registrationContext(handle(), { signUp: "open", outbox });
    expect((await run(signup.loader, makeRequest("/signup"), ctx)).body).toEqual({ view: "open" });
    const newcomer = `newcomer.${unique()}@example.org`;
    const ask = async (email: string) => {
      const started = performance.now();
      const outcome = await run(signup.action, makeRequest("/signup", { form: { intent: "open", email } }), ctx);
      return { outcome, ms: performance.now() - started };
    };
    const taken = await ask(existing.email.toUpperCase());
    const fresh = await ask(newcomer);
    expect(taken.outcome.status).toBe(200);
    expect(fresh.outcome.status).toBe(200);
    expect(taken.outcome.body).toEqual({ ok: true, sentTo: existing.email });
    expect(fresh.outcome.body).toEqual({ ok: true, sentTo: newcomer });
    expect(taken.outcome.setCookie).toBeNull();
    // The answer comes before any lookup or mail: its time does not depend on the address.
    const times: Record<"taken" | "fresh", number[]> = { taken: [], fresh: [] };
    for (let i = 0; i < 4; i++) {
      times.taken.push((await ask(existing.email)).ms);
      times.fresh.push((await ask(`n${i}.${newcomer}`)).ms);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    expect(Math.abs(median(times.taken) - median(times.fresh))).toBeLessThan(50);

    await ctx.services.registration.settled();
    const mails = await readOutbox(outbox);
    const toExisting = mails.filter((m) => m.to === existing.email);
    const toNewcomer = mails.filter((m) => m.to === newcomer);
    expect(toExisting[0]?.subject).toBe("You already have a Caucus account");
    expect(linkIn(toExisting[0]!)).toBe("http://caucus.test/login");
    expect(toNewcomer[0]?.subject).toBe("Create your Caucus account");
    expect(linkIn(toNewcomer[0]!)).toMatch(/^http:\/\/caucus\.test\/signup\/confirm\/[a-z2-7]{32}$/);
    // Only the token's hash is kept.
    const token = linkIn(toNewcomer[0]!).split("/").pop()!;
    const stored = await handle().db.selectFrom("sign_up_confirmations").select("token_hash").where("email", "=", newcomer).execute();
    expect(stored.map((r) => r.token_hash)).toEqual([hashToken(token)]);
  });

  it("a confirmation link makes the account once, in the requester's language, and an expired one is refused", async () => {
    const outbox = await newOutbox();
    const ctx = registrationContext(handle(), { signUp: "open", outbox });
    const email = `lea.${unique()}@example.org`;
    const french = makeRequest("/signup", { form: { intent: "open", email } });
    french.headers.set("accept-language", "fr-FR,fr;q=0.9");
    await run(signup.action, french, ctx);
    await ctx.services.registration.settled();
    const [mail] = (await readOutbox(outbox)).filter((m) => m.to === email);
    expect(mail?.subject).toBe("Créez votre compte Caucus");
    const token = linkIn(mail!).split("/").pop()!;
    const page = await run(confirm.loader, makeRequest(`/signup/confirm/${token}`), ctx, { token });
    expect(page.body).toEqual({ problem: null, email });
    const made = await run(confirm.action, makeRequest(`/signup/confirm/${token}`, { form: { name: "Léa Martin", password: PASSWORD } }), ctx, { token });
    expect(made.status).toBe(302);
    expect(made.location).toBe("/workspaces");
    expect((await validateSessionToken(handle().db, tokenFromSetCookie(made.setCookie)!))?.user.email).toBe(email);
    const reused = await run(confirm.action, makeRequest(`/signup/confirm/${token}`, { form: { name: "Someone", password: PASSWORD } }), ctx, { token });
    expect(reused.status).toBe(404);
    expect((await run(confirm.loader, makeRequest(`/signup/confirm/${token}`), ctx, { token })).body).toMatchObject({ problem: "signup.confirm.used" });

    const late = `late.${unique()}@example.org`;
    await run(signup.action, makeRequest("/signup", { form: { intent: "open", email: late } }), ctx);
    await ctx.services.registration.settled();
    const lateToken = linkIn((await readOutbox(outbox)).find((m) => m.to === late)!).split("/").pop()!;
    await handle().db.updateTable("sign_up_confirmations").set({ expires_at: new Date(Date.now() - 1000) }).where("email", "=", late).execute();
    const expired = await run(confirm.loader, makeRequest(`/signup/confirm/${lateToken}`), ctx, { token: lateToken });
    expect(expired.status).toBe(410);
    const refused = await run(confirm.action, makeRequest(`/signup/confirm/${lateToken}`, { form: { name: "Late", password: PASSWORD } }), ctx, { token: lateToken });
    expect(refused.status).toBe(404);
    expect(await handle().db.selectFrom("users").select("id").where("email", "=", late).execute()).toHaveLength(0);
    // Closing open sign-up closes the links already sent.
    const closed = registrationContext(handle(), { signUp: "invitation", outbox });
    expect((await run(confirm.loader, makeRequest(`/signup/confirm/${token}`), closed, { token })).status).toBe(404);
  });

  it("limits sign-up per client address, before any hashing or mail", async () => {
    const outbox = await newOutbox();
    const ctx = registrationContext(handle(), { signUp: "open", outbox, clientIp: "192.0.2.77" });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await run(signup.action, makeRequest("/signup", { form: { intent: "open", email: `flood${i}.${unique()}@example.org` } }), ctx)).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    await ctx.services.registration.settled();
    expect(await readOutbox(outbox)).toHaveLength(10);
  });
});
