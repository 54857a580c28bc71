import { sql } from "kysely";
import { expect, it } from "vitest";
import * as login from "../../app/routes/login";
import * as signup from "../../app/routes/signup";
import * as logout from "../../app/routes/logout";
import * as account from "../../app/routes/account";
import * as endSession from "../../app/routes/account_.sessions";
import * as offlineCopies from "../../app/routes/account_.offline-copies";
import * as root from "../../app/root";
import * as layout from "../../app/routes/workspaces.$workspaceId";
import * as notifications from "../../app/routes/workspaces.$workspaceId.notifications";
import { createInvitation } from "../../db/queries/invitations";
import { createWorkspace } from "../../db/queries/workspaces";
import type { CollabControl } from "../../server/context";
import { LAST_SEEN_RESOLUTION_MS, validateSessionToken } from "../../server/auth/sessions";
import { generateToken, hashToken } from "../../server/auth/tokens";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace, TEST_PASSWORD, type TestUser } from "../factories";
import { makeRequest, run, runJson, testContext, tokenFromSetCookie } from "../remix";

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** A request from a named browser (makeRequest sends no User-Agent). */
function fromBrowser(request: Request, userAgent = FIREFOX): Request {
  const headers = new Headers(request.headers);
  headers.set("user-agent", userAgent);
  return new Request(request, { headers });
}

/** Runs a route function and returns its Response, thrown or returned (headers included). */
async function response(fn: (args: never) => unknown, request: Request, context: unknown, params: Record<string, string> = {}): Promise<Response> {
  try {
    const value = await (fn as (args: unknown) => unknown)({ request, context, params });
    if (value instanceof Response) return value;
    const init = (value as { init?: ResponseInit }).init;
    return new Response(null, { status: init?.status ?? 200, headers: init?.headers });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describeEachDatabase("signed-in devices and sign-in notifications", (handle) => {
  const revalidated: unknown[] = [];
  const collab: CollabControl = { revalidate: async (filter) => void revalidated.push(filter), announce: () => {}, settle: async () => {}, applyStoredChange: () => {} };
  const ctx = () => testContext(handle(), undefined, collab);

  async function signIn(user: TestUser, form: Record<string, string> = {}): Promise<string> {
    const outcome = await run(login.action, fromBrowser(makeRequest("/login", { form: { email: user.email, password: TEST_PASSWORD, ...form } })), ctx());
    expect(outcome.status).toBe(302);
    return tokenFromSetCookie(outcome.setCookie)!;
  }

  const devicesOf = async (token: string) => {
    const outcome = await run(account.loader, makeRequest("/account", { token }), ctx());
    return (outcome.body as Awaited<ReturnType<typeof account.loader>>).devices;
  };

  it("lists the person's own sessions only: browser, how, shared, this device; no address", async () => {
    const amina = await buildUser(handle());
    const stranger = await buildUser(handle());
    const laptop = await signIn(amina);
    await signIn(amina, { shared: "on" });
    const devices = await devicesOf(laptop);
    expect(devices).toHaveLength(3); // the factory's session and two sign-ins
    const mine = await handle().db.selectFrom("sessions").select("id").where("user_id", "=", amina.id).execute();
    expect(devices.map((d) => d.id).sort()).toEqual(mine.map((m) => m.id).sort());
    expect(devices.map((d) => d.id)).not.toContain(hashToken(stranger.token));
    expect(devices.filter((d) => d.current).map((d) => d.id)).toEqual([hashToken(laptop)]);
    expect(devices.filter((d) => d.shared)).toHaveLength(1);
    expect(devices.find((d) => d.current)).toMatchObject({ userAgent: FIREFOX, method: "password", shared: false });
    expect(JSON.stringify(devices)).not.toMatch(/203\.0\.113\.7/);
  });

  it("signs out one device: its token stops working and its sockets are re-checked; a stranger's session is a 404", async () => {
    const amina = await buildUser(handle());
    const stranger = await buildUser(handle());
    const laptop = await signIn(amina);
    const phone = await signIn(amina);
    revalidated.length = 0;

    const ended = await run(endSession.action, makeRequest("/account/sessions", { token: laptop, form: { intent: "sign-out-device", sessionId: hashToken(phone) } }), ctx());
    expect(ended).toMatchObject({ status: 302, location: "/account?ended=device" });
    expect(await validateSessionToken(handle().db, phone)).toBeNull();
    expect(await validateSessionToken(handle().db, laptop)).not.toBeNull();
    expect(revalidated).toEqual([{ userId: amina.id }]);

    const foreign = await run(endSession.action, makeRequest("/account/sessions", { token: laptop, form: { intent: "sign-out-device", sessionId: hashToken(stranger.token) } }), ctx());
    expect(foreign.status).toBe(404);
    expect(await validateSessionToken(handle().db, stranger.token)).not.toBeNull();
    const again = await run(endSession.action, makeRequest("/account/sessions", { token: laptop, form: { intent: "sign-out-device", sessionId: hashToken(phone) } }), ctx());
    expect(again.status).toBe(404);
    const malformed = await run(endSession.action, makeRequest("/account/sessions", { token: laptop, form: { intent: "sign-out-device", sessionId: "x' or 1=1" } }), ctx());
    expect(malformed.status).toBe(404);
    const signedOut = await run(endSession.action, makeRequest("/account/sessions", { form: { intent: "sign-out-device", sessionId: hashToken(laptop) } }), ctx());
    expect(signedOut.status).toBe(302);
    expect(signedOut.location).toMatch(/^\/login\?redirectTo=/);

    // This device: signed out like the Sign out button, and told to forget what it holds.
    const self = await response(endSession.action, makeRequest("/account/sessions", { token: laptop, form: { intent: "sign-out-device", sessionId: hashToken(laptop) } }), ctx());
    expect(self.status).toBe(302);
    expect(self.headers.get("location")).toBe("/login");
    expect(self.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect(self.headers.get("set-cookie")).toMatch(/caucus_session=;/);
    expect(await validateSessionToken(handle().db, laptop)).toBeNull();
  });

  it("records last use at most every five minutes, not on every request", async () => {
    const amina = await buildUser(handle());
    const id = hashToken(amina.token);
    const lastSeen = async () => (await handle().db.selectFrom("sessions").select("last_seen_at").where("id", "=", id).executeTakeFirstOrThrow()).last_seen_at.getTime();
    const recent = new Date(Date.now() - 2 * 60 * 1000);
    await handle().db.updateTable("sessions").set({ last_seen_at: recent }).where("id", "=", id).execute();
    await validateSessionToken(handle().db, amina.token);
    expect(await lastSeen()).toBe(recent.getTime());
    await handle().db.updateTable("sessions").set({ last_seen_at: new Date(Date.now() - LAST_SEEN_RESOLUTION_MS - 1000) }).where("id", "=", id).execute();
    const before = Date.now();
    await validateSessionToken(handle().db, amina.token);
    expect(await lastSeen()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("tells the person of a new sign-in in every workspace, with the browser and how; not of a new account's first session", async () => {
    const { workspace, members } = await buildWorkspace(handle());
    const owner = members.owner;
    const second = await createWorkspace(handle().db, { name: "Second coalition", description: "", ownerId: owner.id });
    const countSignIns = async (userId: string) =>
      (await handle().db.selectFrom("notifications").select("id").where("user_id", "=", userId).where("kind", "=", "sign-in").execute()).length;
    expect(await countSignIns(owner.id)).toBe(0); // the factory's session stands for sign-up

    await signIn(owner);
    expect(await countSignIns(owner.id)).toBe(1);
    for (const workspaceId of [workspace.id, second.id]) {
      const page = await run(notifications.loader, makeRequest(`/workspaces/${workspaceId}/notifications`, { token: owner.token }), ctx(), { workspaceId });
      const list = (page.body as Awaited<ReturnType<typeof notifications.loader>>).notifications;
      expect(list).toEqual([expect.objectContaining({ kind: "sign-in", device: FIREFOX, signInMethod: "password", href: "/account#devices-heading", unread: true })]);
      const bell = await run(layout.loader, makeRequest(`/workspaces/${workspaceId}`, { token: owner.token }), ctx(), { workspaceId });
      expect((bell.body as { unreadNotifications: number }).unreadNotifications).toBe(1);
    }
    // Read in one workspace is read everywhere: it is one notification.
    await run(notifications.action, makeRequest(`/workspaces/${second.id}/notifications`, { token: owner.token, form: { intent: "mark-all-read" } }), ctx(), { workspaceId: second.id });
    const bell = await run(layout.loader, makeRequest(`/workspaces/${workspace.id}`, { token: owner.token }), ctx(), { workspaceId: workspace.id });
    expect((bell.body as { unreadNotifications: number }).unreadNotifications).toBe(0);
    // The other members' lists are untouched by the owner's sign-in.
    const editorPage = await run(notifications.loader, makeRequest(`/workspaces/${workspace.id}/notifications`, { token: members.editor.token }), ctx(), { workspaceId: workspace.id });
    expect((editorPage.body as Awaited<ReturnType<typeof notifications.loader>>).notifications).toEqual([]);

    // A newcomer's account is made from an invitation (accounts are by invitation): its first session tells nobody.
    const email = `new.${Date.now()}@example.org`;
    const invitation = generateToken();
    await createInvitation(handle().db, {
      workspaceId: workspace.id,
      email,
      role: "reviewer",
      organisationId: null,
      tokenHash: hashToken(invitation),
      invitedBy: owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const created = await run(
      signup.action,
      fromBrowser(makeRequest("/signup", { form: { intent: "invitation", invitation, name: "New Person", password: "tea kettle harbour 42" } })),
      ctx(),
    );
    expect(created.status).toBe(302);
    const newcomer = await handle().db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    expect(await countSignIns(newcomer.id)).toBe(0);
  });

  it("does not notify the device that changed its password and signed straight back in", async () => {
    const amina = await buildUser(handle());
    const changed = await run(
      account.action,
      makeRequest("/account", { token: amina.token, form: { intent: "change-password", currentPassword: TEST_PASSWORD, newPassword: "tea kettle harbour 42", confirmPassword: "tea kettle harbour 42" } }),
      ctx(),
    );
    expect(changed.status).toBe(302);
    expect(await handle().db.selectFrom("notifications").select("id").where("user_id", "=", amina.id).execute()).toEqual([]);
  });

  it("keeps no IP address in sessions or notifications", async () => {
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns where table_name in ('sessions', 'notifications')
    `.execute(handle().db);
    const names = columns.rows.map((c) => c.column_name);
    expect(names).toContain("user_agent");
    expect(names.filter((name) => /(^|_)ip($|_)|addr/i.test(name))).toEqual([]);
  });

  it("sends Clear-Site-Data when signing out, and to a browser whose session ended elsewhere", async () => {
    const amina = await buildUser(handle());
    const phone = await signIn(amina);
    const out = await response(logout.action, makeRequest("/logout", { token: amina.token, form: {} }), ctx());
    expect(out.headers.get("location")).toBe("/login");
    expect(out.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect(await validateSessionToken(handle().db, amina.token)).toBeNull();

    const everywhere = await response(account.action, makeRequest("/account", { token: phone, form: { intent: "sign-out-everywhere" } }), ctx());
    expect(everywhere.headers.get("clear-site-data")).toBe('"cache", "storage"');

    // The stale cookie reaches any page (the root loader) or a page that needs a session.
    const anyPage = await response(root.loader, makeRequest("/", { token: amina.token }), ctx());
    expect(anyPage.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect(anyPage.headers.get("set-cookie")).toMatch(/caucus_session=; Max-Age=0/);
    const protectedPage = await response(account.loader, makeRequest("/account", { token: phone }), ctx());
    expect(protectedPage.status).toBe(302);
    expect(protectedPage.headers.get("clear-site-data")).toBe('"cache", "storage"');
    // A live session, or none at all, is not told to forget anything.
    const fresh = await buildUser(handle());
    expect((await response(root.loader, makeRequest("/", { token: fresh.token }), ctx())).headers.get("clear-site-data")).toBeNull();
    expect((await response(root.loader, makeRequest("/"), ctx())).headers.get("clear-site-data")).toBeNull();
  });

  it("answers which offline copies the person may still read (removed from a workspace: not those)", async () => {
    const { workspace, members, draft } = await buildWorkspace(handle());
    const other = await buildWorkspace(handle());
    const editor = members.editor;
    const ask = (token: string, ids: string[]) => runJson(offlineCopies.action, makeRequest("/account/offline-copies", { token, form: { draftId: ids } }), ctx());
    expect(await ask(editor.token, [draft.id, other.draft.id])).toEqual({ status: 200, body: { ok: true, readable: [draft.id] } });
    await handle().db.deleteFrom("memberships").where("workspace_id", "=", workspace.id).where("user_id", "=", editor.id).execute();
    expect(await ask(editor.token, [draft.id])).toEqual({ status: 200, body: { ok: true, readable: [] } });
    expect((await ask(editor.token, ["not-an-id"])).status).toBe(400);
    const signedOut = await run(offlineCopies.action, makeRequest("/account/offline-copies", { form: { draftId: draft.id } }), ctx());
    expect(signedOut.status).toBe(302);
  });
});
