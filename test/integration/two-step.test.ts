import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import * as accountTwoStep from "../../app/routes/account_.two-step";
import * as draftPage from "../../app/routes/workspaces.$workspaceId.drafts.$draftId";
import * as draftComments from "../../app/routes/workspaces.$workspaceId.drafts.$draftId.comments";
import * as login from "../../app/routes/login";
import * as secondStep from "../../app/routes/login_.two-step";
import * as settings from "../../app/routes/workspaces.$workspaceId.settings";
import { CloseCode } from "../../core/collab/close-codes";
import type { DatabaseHandle } from "../../db/client";
import { draftDocName } from "../../core/collab/doc-name";
import { LIMIT_POLICIES } from "../../server/limits/limits";
import { attemptConnection, collabSuite, eventually, synced } from "../collab/harness";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace, TEST_PASSWORD } from "../factories";
import { makeRequest, run, testContext, tokenFromSetCookie } from "../remix";
import { codeAt, enableTotp, passwordStep, requestWith } from "./two-step-requests";

describeEachDatabase("two-step sign-in", (handle) => {
  const ctx = () => testContext(handle());
  const finish = (context: ReturnType<typeof ctx>, token: string | undefined, form: Record<string, string>) =>
    run(secondStep.action, requestWith("/login/two-step", { caucus_sign_in: token }, form), context);

  it("turns the authenticator on only with a right first code, and signs in with password and a code", async () => {
    const context = ctx();
    const user = await buildUser(handle());
    await run(accountTwoStep.loader, requestWith("/account/two-step", { caucus_session: user.token }), context);
    const wrong = await run(accountTwoStep.action, requestWith("/account/two-step", { caucus_session: user.token }, { intent: "confirm-totp", code: "000000" }), context);
    expect(wrong.status).toBe(401);
    const before = await handle().db.selectFrom("users").select("totp_enabled_at").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(before.totp_enabled_at).toBeNull();
    // Without a second step the password alone still signs in.
    const direct = await run(login.action, requestWith("/login", {}, { email: user.email, password: TEST_PASSWORD }), context);
    expect(tokenFromSetCookie(direct.setCookie)).toBeDefined();

    const { key, codes } = await enableTotp(handle(), context, user);
    expect(codes).toHaveLength(10);
    const pending = await passwordStep(context, user, true);
    // Still nobody signed in: the password alone gives no session now.
    const page = await run(secondStep.loader, requestWith("/login/two-step", { caucus_sign_in: pending }), context);
    expect(page.body).toEqual({ totp: true, passkey: false, recoveryCodes: true });
    const signedIn = await finish(context, pending, { intent: "totp", code: codeAt(key, 1) });
    expect(signedIn.status).toBe(302);
    expect(signedIn.location).toBe("/workspaces");
    const token = tokenFromSetCookie(signedIn.setCookie);
    const session = await handle().db.selectFrom("sessions").select(["method", "shared"]).where("user_id", "=", user.id).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(token).toBeDefined();
    expect(session).toEqual({ method: "two-step", shared: true });
  });

  it("refuses a wrong code and a code already used, and keeps the pending sign-in for another try", async () => {
    const context = ctx();
    const user = await buildUser(handle());
    const { key } = await enableTotp(handle(), context, user);
    const pending = await passwordStep(context, user);
    // The code that turned the app on was accepted once already.
    const replayed = await finish(context, pending, { intent: "totp", code: codeAt(key) });
    expect(replayed.status).toBe(401);
    const wrong = await finish(context, pending, { intent: "totp", code: codeAt(key, 5) });
    expect(wrong.status).toBe(401);
    const right = await finish(context, pending, { intent: "totp", code: codeAt(key, 1) });
    expect(right.status).toBe(302);
    // The same code again, in a new sign-in: refused.
    const again = await finish(context, await passwordStep(context, user), { intent: "totp", code: codeAt(key, 1) });
    expect(again.status).toBe(401);
  });

  it(`refuses every code after ${LIMIT_POLICIES["two-step"].points} wrong ones, the right one included`, async () => {
    const context = ctx();
    const user = await buildUser(handle());
    const { key } = await enableTotp(handle(), context, user);
    const pending = await passwordStep(context, user);
    // Confirming the app spent one attempt; a right code does not give it back before sign-in.
    for (let i = 1; i < LIMIT_POLICIES["two-step"].points; i++) expect((await finish(context, pending, { intent: "totp", code: "123456" })).status).toBe(401);
    const blocked = await finish(context, pending, { intent: "totp", code: codeAt(key, 1) });
    expect(blocked.status).toBe(429);
    const recovery = await finish(context, pending, { intent: "recovery-code", code: "aaaa-bbbb-cccc-dddd" });
    expect(recovery.status).toBe(429);
  });

  it("accepts each recovery code once, and stores only their SHA-256", async () => {
    const context = ctx();
    const user = await buildUser(handle());
    const { codes } = await enableTotp(handle(), context, user);
    const rows = await handle().db.selectFrom("recovery_codes").select("code_hash").where("user_id", "=", user.id).execute();
    const normalised = (code: string) => code.replace(/-/g, "");
    expect(rows.map((r) => r.code_hash).sort()).toEqual(codes.map((c) => createHash("sha256").update(normalised(c)).digest("hex")).sort());
    expect(JSON.stringify(rows)).not.toContain(normalised(codes[0]!));

    // Typed back in capitals with spaces: still the same code.
    const first = await finish(context, await passwordStep(context, user), { intent: "recovery-code", code: codes[0]!.toUpperCase().replace(/-/g, " ") });
    expect(first.status).toBe(302);
    const session = await handle().db.selectFrom("sessions").select("method").where("user_id", "=", user.id).orderBy("created_at", "desc").executeTakeFirstOrThrow();
    expect(session.method).toBe("recovery-code");
    const reused = await finish(context, await passwordStep(context, user), { intent: "recovery-code", code: codes[0]! });
    expect(reused.status).toBe(401);
  });

  it("makes the pending sign-in single use and gone after ten minutes", async () => {
    const context = ctx();
    const user = await buildUser(handle());
    const { key, codes } = await enableTotp(handle(), context, user);
    const pending = await passwordStep(context, user);
    expect((await finish(context, pending, { intent: "totp", code: codeAt(key, 1) })).status).toBe(302);
    const used = await finish(context, pending, { intent: "recovery-code", code: codes[1]! });
    expect(used.status).toBe(410);
    const gone = await run(secondStep.loader, requestWith("/login/two-step", { caucus_sign_in: pending }), context);
    expect(gone.location).toBe("/login");

    const stale = await passwordStep(context, user);
    await handle().db.updateTable("auth_challenges").set({ expires_at: new Date(Date.now() - 1000) }).where("user_id", "=", user.id).execute();
    expect((await finish(context, stale, { intent: "recovery-code", code: codes[1]! })).status).toBe(410);
    // The code was not spent on the expired sign-in.
    expect((await finish(context, await passwordStep(context, user), { intent: "recovery-code", code: codes[1]! })).status).toBe(302);
  });

  it("turns two-step off only with the password, and not while a workspace requires it", async () => {
    const context = ctx();
    const { workspace, members } = await buildWorkspace(handle());
    const editor = members.editor;
    await enableTotp(handle(), context, editor);
    const turnOff = (password: string) => run(accountTwoStep.action, requestWith("/account/two-step", { caucus_session: editor.token }, { intent: "turn-off", password }), context);
    expect((await turnOff("not my password")).status).toBe(401);
    await run(settings.action, makeRequest(`/workspaces/${workspace.id}/settings`, { token: members.owner.token, form: { intent: "require-two-step", required: "on" } }), context, { workspaceId: workspace.id });
    const refused = await turnOff(TEST_PASSWORD);
    expect(refused.status).toBe(409);
    expect(await context.services.twoStep.hasSecondStep(editor.id)).toBe(true);
    await run(settings.action, makeRequest(`/workspaces/${workspace.id}/settings`, { token: members.owner.token, form: { intent: "require-two-step" } }), context, { workspaceId: workspace.id });
    const off = await turnOff(TEST_PASSWORD);
    expect(off.location).toBe("/account?twoStep=off");
    expect(await context.services.twoStep.hasSecondStep(editor.id)).toBe(false);
    expect(await handle().db.selectFrom("recovery_codes").select("id").where("user_id", "=", editor.id).execute()).toEqual([]);
  });

  it("sends a member without two-step to set it up when a draft of a requiring workspace opens, pages and resource routes alike", async () => {
    const context = ctx();
    const { workspace, members, draft } = await buildWorkspace(handle());
    const params = { workspaceId: workspace.id, draftId: draft.id };
    const open = (token: string) => run(draftPage.loader, makeRequest(`/workspaces/${workspace.id}/drafts/${draft.id}`, { token }), context, params);
    expect((await open(members.viewer.token)).status).toBe(200);
    // Only the owner may require it.
    const byEditor = await run(settings.action, makeRequest(`/workspaces/${workspace.id}/settings`, { token: members.editor.token, form: { intent: "require-two-step", required: "on" } }), context, { workspaceId: workspace.id });
    expect(byEditor.status).toBe(403);
    await run(settings.action, makeRequest(`/workspaces/${workspace.id}/settings`, { token: members.owner.token, form: { intent: "require-two-step", required: "on" } }), context, { workspaceId: workspace.id });

    const audit = await handle().db.selectFrom("audit_events").select(["actor_id", "details"]).where("workspace_id", "=", workspace.id).where("action", "=", "workspace.two_step_required").execute();
    expect(audit).toEqual([{ actor_id: members.owner.id, details: { required: true } }]);

    const sent = await open(members.viewer.token);
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/account/two-step?required=${workspace.id}&back=${encodeURIComponent(`/workspaces/${workspace.id}/drafts/${draft.id}`)}`);
    const comments = await run(draftComments.loader, makeRequest(`/workspaces/${workspace.id}/drafts/${draft.id}/comments`, { token: members.viewer.token }), context, params);
    expect(comments.status).toBe(302);
    // The set-up page names the workspace that asks.
    const setup = await run(accountTwoStep.loader, requestWith(sent.location!, { caucus_session: members.viewer.token }), context);
    expect(setup.body).toMatchObject({ asking: workspace.name, back: `/workspaces/${workspace.id}/drafts/${draft.id}` });

    await enableTotp(handle(), context, members.viewer);
    expect((await open(members.viewer.token)).status).toBe(200);
  });

  describeSocket(handle);
});

/** The collaboration socket decides for itself: a member without two-step gets no socket on a requiring workspace's draft. */
function describeSocket(handle: () => DatabaseHandle) {
  const suite = collabSuite(handle);
  it("refuses the socket upgrade to a member without two-step, and lets one with it in", async () => {
    const context = testContext(handle());
    const { workspace, members, draft } = await buildWorkspace(handle());
    await context.services.twoStep.setWorkspaceRequirement(members.owner.id, workspace, true);
    const url = `${suite.harness.url}/${draftDocName(draft.id)}`;
    const refused = await attemptConnection(url, { origin: suite.harness.origin, cookie: `caucus_session=${members.editor.token}` });
    expect(refused).toEqual({ code: CloseCode.DocumentNotFound });
    await enableTotp(handle(), context, members.editor);
    const client = suite.connect(members.editor.token, draft.id);
    await synced(client);
    expect(client.closes).toEqual([]);
  });

  it("closes the open editor of a member without two-step when the owner turns the requirement on", async () => {
    const context = testContext(handle(), undefined, suite.harness.collab);
    const { workspace, members, draft } = await buildWorkspace(handle());
    const viewer = suite.connect(members.viewer.token, draft.id);
    await synced(viewer);
    await run(settings.action, makeRequest(`/workspaces/${workspace.id}/settings`, { token: members.owner.token, form: { intent: "require-two-step", required: "on" } }), context, { workspaceId: workspace.id });
    await eventually(() => viewer.closes.length, (n) => n === 1, 3000);
    expect(viewer.closes[0]!.code).toBe(CloseCode.AuthorizationChanged);
  });
}
