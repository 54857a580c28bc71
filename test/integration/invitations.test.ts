import { expect, it } from "vitest";
import * as members from "../../app/routes/workspaces.$workspaceId.members";
import * as invite from "../../app/routes/invite.$token";
import * as draftsIndex from "../../app/routes/workspaces.$workspaceId._index";
import * as newDraft from "../../app/routes/workspaces.$workspaceId.drafts.new";
import * as settings from "../../app/routes/workspaces.$workspaceId.settings";
import * as auditPage from "../../app/routes/workspaces.$workspaceId.audit";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { findMembership } from "../../db/queries/memberships";
import { createOrganisation } from "../../db/queries/organisations";
import { describeEachDatabase } from "../db/test-database";
import { buildUser, buildWorkspace } from "../factories";
import { makeRequest, run, testContext } from "../remix";

describeEachDatabase("invitations, roles and the audit log", (handle) => {
  const ctx = () => testContext(handle());

  async function createInvite(world: Awaited<ReturnType<typeof buildWorkspace>>, email: string, organisationId = "") {
    const outcome = await run(
      members.action,
      makeRequest(`/workspaces/${world.workspace.id}/members`, { token: world.members.owner.token, form: { intent: "invite", email, role: "reviewer", organisationId } }),
      ctx(),
      { workspaceId: world.workspace.id },
    );
    expect(outcome.status).toBe(200);
    const link = (outcome.body as { invite: { link: string } }).invite.link;
    return link.split("/invite/")[1]!;
  }

  it("lets the invited person join with the invited role, once", async () => {
    const world = await buildWorkspace(handle());
    const invitee = await buildUser(handle(), "Invitee");
    const token = await createInvite(world, invitee.email);
    const page = await run(invite.loader, makeRequest(`/invite/${token}`, { token: invitee.token }), ctx(), { token });
    expect(page.body).toMatchObject({ problem: null, invite: { role: "reviewer" }, user: { matches: true } });
    const accepted = await run(invite.action, makeRequest(`/invite/${token}`, { token: invitee.token, form: {} }), ctx(), { token });
    expect(accepted).toMatchObject({ status: 302, location: `/workspaces/${world.workspace.id}` });
    expect((await findMembership(handle().db, world.workspace.id, invitee.id))?.role).toBe("reviewer");
    const again = await run(invite.action, makeRequest(`/invite/${token}`, { token: invitee.token, form: {} }), ctx(), { token });
    expect(again.status).toBe(404);
  });

  it("refuses someone signed in with another address (a forwarded link)", async () => {
    const world = await buildWorkspace(handle());
    const token = await createInvite(world, "intended@example.org");
    const other = await buildUser(handle(), "Someone Else");
    const refused = await run(invite.action, makeRequest(`/invite/${token}`, { token: other.token, form: {} }), ctx(), { token });
    expect(refused.status).toBe(403);
    expect(await findMembership(handle().db, world.workspace.id, other.id)).toBeUndefined();
  });

  it("never names a confidential organisation on the invitation page", async () => {
    const world = await buildWorkspace(handle());
    const secret = await createOrganisation(handle().db, world.workspace.id, { name: "Hidden Defenders Network", acronym: "HDN", confidential: true });
    const token = await createInvite(world, "field.monitor@example.org", secret!.id);
    const page = await run(invite.loader, makeRequest(`/invite/${token}`), ctx(), { token });
    expect(JSON.stringify(page.body)).not.toContain("Hidden Defenders");
    expect(page.body).toMatchObject({ invite: { organisationName: null } });
  });

  it("makes a revoked or unknown link useless", async () => {
    const world = await buildWorkspace(handle());
    const invitee = await buildUser(handle());
    const token = await createInvite(world, invitee.email);
    const pending = await handle().db.selectFrom("invitations").select("id").where("workspace_id", "=", world.workspace.id).executeTakeFirstOrThrow();
    await run(members.action, makeRequest("/m", { token: world.members.owner.token, form: { intent: "revoke-invitation", invitationId: pending.id } }), ctx(), { workspaceId: world.workspace.id });
    const revoked = await run(invite.action, makeRequest(`/invite/${token}`, { token: invitee.token, form: {} }), ctx(), { token });
    expect(revoked.status).toBe(404);
    const unknown = await run(invite.loader, makeRequest("/invite/x"), ctx(), { token: "a".repeat(32) });
    expect(unknown.status).toBe(404);
  });

  it("refuses an invalid draft with field errors and writes no row", async () => {
    const world = await buildWorkspace(handle());
    const before = await handle().db.selectFrom("drafts").select("id").where("workspace_id", "=", world.workspace.id).execute();
    const refused = await run(
      newDraft.action,
      makeRequest("/d", { token: world.members.editor.token, form: { title: "x", template: "upr-unknown", stateUnderReview: "ZZZ", deadline: "31/12" } }),
      ctx(),
      { workspaceId: world.workspace.id },
    );
    expect(refused.status).toBe(400);
    expect(Object.keys((refused.body as { fieldErrors: object }).fieldErrors).sort()).toEqual(["deadline", "stateUnderReview", "template", "title"]);
    const after = await handle().db.selectFrom("drafts").select("id").where("workspace_id", "=", world.workspace.id).execute();
    expect(after).toHaveLength(before.length);
  });

  it("deletes a workspace only with its name typed, taking everything in it", async () => {
    const world = await buildWorkspace(handle());
    const form = (confirmName: string) => ({ intent: "delete-workspace", confirmName });
    const params = { workspaceId: world.workspace.id };
    const wrong = await run(settings.action, makeRequest("/s", { token: world.members.owner.token, form: form("nope") }), ctx(), params);
    expect(wrong.status).toBe(400);
    const done = await run(settings.action, makeRequest("/s", { token: world.members.owner.token, form: form(world.workspace.name) }), ctx(), params);
    expect(done).toMatchObject({ status: 302, location: "/workspaces" });
    const left = await handle().db.selectFrom("drafts").select("id").where("workspace_id", "=", world.workspace.id).execute();
    expect(left).toEqual([]);
    const editorView = await run(draftsIndex.loader, makeRequest("/w", { token: world.members.editor.token }), ctx(), params);
    expect(editorView.status).toBe(404);
  });

  it("keeps at least one owner, and writes nothing when refusing", async () => {
    const world = await buildWorkspace(handle());
    const owner = world.members.owner;
    const ownMembership = await findMembership(handle().db, world.workspace.id, owner.id);
    const demote = await run(
      members.action,
      makeRequest("/m", { token: owner.token, form: { intent: "update-member", membershipId: ownMembership!.id, role: "viewer", organisationId: "" } }),
      ctx(),
      { workspaceId: world.workspace.id },
    );
    expect(demote.status).toBe(409);
    const remove = await run(members.action, makeRequest("/m", { token: owner.token, form: { intent: "remove-member", membershipId: ownMembership!.id } }), ctx(), { workspaceId: world.workspace.id });
    expect(remove.status).toBe(409);
    expect((await findMembership(handle().db, world.workspace.id, owner.id))?.role).toBe("owner");
  });

  it("records role changes and removals in the audit log the owner reads", async () => {
    const world = await buildWorkspace(handle());
    const { owner, viewer, editor } = world.members;
    const viewerMembership = await findMembership(handle().db, world.workspace.id, viewer.id);
    const editorMembership = await findMembership(handle().db, world.workspace.id, editor.id);
    await run(members.action, makeRequest("/m", { token: owner.token, form: { intent: "update-member", membershipId: viewerMembership!.id, role: "reviewer", organisationId: "" } }), ctx(), { workspaceId: world.workspace.id });
    await run(members.action, makeRequest("/m", { token: owner.token, form: { intent: "remove-member", membershipId: editorMembership!.id } }), ctx(), { workspaceId: world.workspace.id });
    const log = await run(auditPage.loader, makeRequest("/a", { token: owner.token }), ctx(), { workspaceId: world.workspace.id });
    // The loader hands over the events' facts; the page says them in the owner's language (English here).
    const english = createTranslator("en", UI_CATALOGUES.en);
    const lines = (log.body as { events: Array<{ action: string; details: Record<string, unknown> }> }).events.map((e) => describeAuditEvent(english, e.action, e.details));
    expect(lines[0]).toBe("removed Editor (Editor)");
    expect(lines[1]).toBe("changed Viewer from Viewer to Reviewer");
    // The removed editor's open session no longer reaches the workspace.
    const gone = await run(auditPage.loader, makeRequest("/a", { token: editor.token }), ctx(), { workspaceId: world.workspace.id });
    expect(gone.status).toBe(404);
  });
});
