import { beforeAll, describe, expect, it } from "vitest";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import * as submitRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.submit";
import { createTranslator } from "../../core/i18n/translator";
import type { DatabaseHandle } from "../../db/client";
import { createOrganisation } from "../../db/queries/organisations";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { describeEachDatabase } from "../db/test-database";
import { buildTemplatedDraft, heading, letteredList, paragraph, storeDraftContent } from "../draft-content-factories";
import { addMember, buildUser, buildWorkspace, type TestUser } from "../factories";
import { exportContext, fetchFile, fileText, submitRequest } from "./export-requests";
import { postSignOff, readSignOff, setFocalPoint, typeAtStart } from "./sign-off-requests";

const english = createTranslator("en", UI_CATALOGUES.en);
const HIDDEN = "Hidden Partners Network";

/**
 * A coalition of two organisations co-submitting: the lead (on every factory workspace) and a
 * confidential partner. Each has a focal point (a reviewer and a viewer: signing is not editing)
 * and another member; the draft names both organisations on its cover.
 */
async function buildCoalition(handle: DatabaseHandle) {
  const world = await buildWorkspace(handle);
  const lead = world.organisation;
  const partner = (await createOrganisation(handle.db, world.workspace.id, { name: HIDDEN, acronym: "HPN", confidential: true }))!;
  const people = {
    leadFocal: await addMember(handle, world.workspace.id, "reviewer", lead.id),
    leadOther: await addMember(handle, world.workspace.id, "editor", lead.id),
    partnerFocal: await addMember(handle, world.workspace.id, "viewer", partner.id),
    stranger: await buildUser(handle, "Stranger"),
  };
  const draftOn = async (organisations: string[], title: string) => {
    const draft = await buildTemplatedDraft(handle, { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-individual", stateUnderReview: "GHA", title });
    await storeDraftContent(
      handle,
      draft.id,
      [
        heading("Introduction", "introduction"),
        paragraph("This joint submission by a coalition of journalists concerns freedom of expression in Ghana."),
        heading("Follow-up to the previous review", "follow-up"),
        paragraph("Ghana has not yet decriminalised defamation, as it undertook to do."),
        heading("Implementation", "implementation"),
        paragraph("Three journalists were detained in 2024 for their reporting."),
        heading("Recommendations", "recommendations"),
        letteredList("Repeal section 208 of the Criminal Offences Act by 2027."),
      ],
      { title, stateUnderReview: "GHA", organisations, contact: "lead@example.org", language: "en" },
    );
    return draft;
  };
  return { world, lead, partner, people, draftOn };
}

describeEachDatabase("sign-off by the co-submitting organisations", (handle) => {
  let c: Awaited<ReturnType<typeof buildCoalition>>;
  let draftId: string;
  const ctx = () => exportContext(handle()).context;
  const w = () => c.world.workspace.id;
  const read = (user: TestUser, id = draftId) => readSignOff(ctx(), w(), id, user.token);
  const post = (user: TestUser, form: Record<string, string>, id = draftId) => postSignOff(ctx(), w(), id, user.token, form);
  const owner = () => c.world.members.owner;
  const requestId = async (id = draftId) => (await read(owner(), id)).state.request!.id;
  const sign = async (user: TestUser, organisationId: string, intent: "approve" | "request-changes", comment = "", id = draftId) =>
    post(user, { intent, requestId: await requestId(id), organisationId, comment }, id);
  const audit = (action: string) => handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", w()).where("action", "=", action).orderBy("created_at").execute();
  const submit = (user: TestUser, form: Record<string, string>, id = draftId) =>
    fetchFile(submitRoute.action, submitRequest(w(), id, user.token, { intent: "submit", format: "docx", ...form }), ctx(), { workspaceId: w(), draftId: id });

  beforeAll(async () => {
    c = await buildCoalition(handle());
    draftId = (await c.draftOn([c.lead.id, c.partner.id], "Ghana: joint submission")).id;
  });

  it("names focal points on the Organisations page: owners, members of the organisation only, audited", async () => {
    const { leadFocal, leadOther, partnerFocal } = c.people;
    // A member of the organisation who is not its focal point may not name one (themselves included).
    expect((await setFocalPoint(ctx(), w(), leadOther.token, c.lead.id, leadOther.id)).status).toBe(403);
    // Someone outside the organisation cannot be its focal point.
    expect((await setFocalPoint(ctx(), w(), owner().token, c.lead.id, c.world.members.editor.id)).status).toBe(409);
    expect((await setFocalPoint(ctx(), w(), owner().token, c.lead.id, leadFocal.id)).status).toBe(200);
    expect((await setFocalPoint(ctx(), w(), owner().token, c.partner.id, partnerFocal.id)).status).toBe(200);
    const events = await audit("organisation.focal_point_set");
    expect(events.map((e) => [e.target_id, (e.details as { focalPointId: string }).focalPointId])).toEqual([
      [c.lead.id, leadFocal.id],
      [c.partner.id, partnerFocal.id],
    ]);
    expect(describeAuditEvent(english, "organisation.focal_point_set", events[0]!.details as Record<string, unknown>)).toBe(`named ${leadFocal.name} focal point of ${c.lead.name}`);
    // The focal point (a reviewer) hands over to a colleague, who hands back; the colleague could not before.
    expect((await setFocalPoint(ctx(), w(), leadFocal.token, c.lead.id, leadOther.id)).status).toBe(200);
    expect((await setFocalPoint(ctx(), w(), leadFocal.token, c.lead.id, leadFocal.id)).status).toBe(403);
    expect((await setFocalPoint(ctx(), w(), leadOther.token, c.lead.id, leadFocal.id)).status).toBe(200);
    expect((await audit("organisation.focal_point_set")).length).toBe(4);
  });

  it("lets only the owner ask, on a named version, and tells the focal points", async () => {
    expect((await read(c.people.stranger)).status).toBe(404);
    expect((await post(c.people.stranger, { intent: "request", name: "Sent to partners" })).status).toBe(404);
    expect((await post(c.world.members.editor, { intent: "request", name: "Sent to partners" })).status).toBe(403);
    const asked = await post(owner(), { intent: "request", name: "Sent to partners, 12 March", message: "Please read by Friday." });
    expect(asked.status).toBe(200);
    const state = asked.body.ok ? asked.body.state : undefined;
    expect(state?.request).toMatchObject({ versionName: "Sent to partners, 12 March", message: "Please read by Friday." });
    expect(state?.organisations.map((o) => [o.id, o.status, o.focalPoint?.id])).toEqual([
      [c.lead.id, "waiting", c.people.leadFocal.id],
      [c.partner.id, "waiting", c.people.partnerFocal.id],
    ]);
    const notified = await handle().db.selectFrom("notifications").select(["user_id", "kind"]).where("draft_id", "=", draftId).execute();
    expect(notified.map((n) => n.user_id).sort()).toEqual([c.people.leadFocal.id, c.people.partnerFocal.id].sort());
    expect(notified.every((n) => n.kind === "sign-off-request")).toBe(true);
    expect((await audit("draft.sign_off_requested")).length).toBe(1);
  });

  it("lets only the organisation's focal point sign for it: another member 403, a stranger 404", async () => {
    expect((await sign(c.people.leadOther, c.lead.id, "approve")).status).toBe(403);
    expect((await sign(owner(), c.lead.id, "approve")).status).toBe(403);
    expect((await sign(c.people.partnerFocal, c.lead.id, "approve")).status).toBe(403);
    expect((await sign(c.people.stranger, c.lead.id, "approve")).status).toBe(404);
  });

  it("requires a comment to request changes, and shows it", async () => {
    const empty = await sign(c.people.leadFocal, c.lead.id, "request-changes", "   ");
    expect(empty.status).toBe(400);
    const changes = await sign(c.people.leadFocal, c.lead.id, "request-changes", "Paragraph 2 should name the 2019 law.");
    expect(changes.status).toBe(200);
    const lead = (await read(owner())).state.organisations.find((o) => o.id === c.lead.id);
    expect(lead).toMatchObject({ status: "changes_requested", signOff: { comment: "Paragraph 2 should name the 2019 law.", signedBy: c.people.leadFocal.name, earlier: false } });
  });

  it("supersedes a request with a new one: answers to the old one are refused and no longer shown", async () => {
    const old = await requestId();
    const versions = (await read(owner())).state.namedVersions;
    expect(versions.map((v) => v.name)).toEqual(["Sent to partners, 12 March"]);
    expect((await post(owner(), { intent: "request", versionId: versions[0]!.id })).status).toBe(200);
    const stale = await post(c.people.partnerFocal, { intent: "approve", requestId: old, organisationId: c.partner.id, comment: "" });
    expect(stale.status).toBe(409);
    expect((await read(owner())).state.organisations.map((o) => o.status)).toEqual(["waiting", "waiting"]);
  });

  it("approves, and after a text change reads as signed on an earlier version", async () => {
    expect((await sign(c.people.leadFocal, c.lead.id, "approve")).status).toBe(200);
    expect((await sign(c.people.partnerFocal, c.partner.id, "approve")).status).toBe(200);
    let state = (await read(owner())).state;
    expect(state.organisations.map((o) => [o.status, o.signOff?.earlier])).toEqual([
      ["approved", false],
      ["approved", false],
    ]);
    expect(state.complete).toBe(true);
    await typeAtStart(handle(), draftId, "Revised: ");
    state = (await read(c.people.partnerFocal)).state;
    expect(state.organisations.map((o) => [o.status, o.signOff?.earlier])).toEqual([
      ["approved", true],
      ["approved", true],
    ]);
    expect(state.complete).toBe(false);
    expect(state.viewer).toEqual({ canRequest: false, signsFor: [c.partner.id] });
  });

  it("refuses the submission listing the organisations missing, an editor's override 403; an owner's override is recorded", async () => {
    const refused = await submit(owner(), {});
    expect(refused.status).toBe(409);
    expect((refused.json as { missingSignOffs: Array<{ id: string }> }).missingSignOffs.map((o) => o.id).sort()).toEqual([c.lead.id, c.partner.id].sort());
    expect((refused.json as { error: string }).error).toContain(HIDDEN);
    expect((await submit(c.world.members.editor, { signOffOverride: "on" })).status).toBe(403);
    expect(await handle().db.selectFrom("exports").select("id").where("draft_id", "=", draftId).execute()).toEqual([]);

    const done = await submit(owner(), { signOffOverride: "on" });
    expect(done.status).toBe(200);
    // The page's list of stored files says who overrode and how many had not signed, never which.
    expect((done.json as { export: { signOffOverride: unknown } }).export.signOffOverride).toEqual({ byName: owner().name, missing: 2 });
    const row = await handle().db.selectFrom("exports").selectAll().where("draft_id", "=", draftId).executeTakeFirstOrThrow();
    expect(row.sign_off_override).toEqual({ by: owner().id, byName: owner().name, missing: expect.arrayContaining([c.lead.id, c.partner.id]) });
    expect(row.sign_off_override!.missing).toHaveLength(2);
    const [event] = await audit("draft.submitted");
    expect((event!.details as { signOffOverride: unknown }).signOffOverride).toEqual(row.sign_off_override);
    expect(describeAuditEvent(english, "draft.submitted", event!.details as Record<string, unknown>)).toMatch(/, without the sign-off of 2 organisations$/);
    const submitted = await handle().db.selectFrom("draft_versions").select(["kind", "export_id"]).where("draft_id", "=", draftId).where("kind", "=", "submitted").execute();
    expect(submitted).toEqual([{ kind: "submitted", export_id: row.id }]);

    // Nothing about sign-off, and never the confidential partner, goes into the file.
    const text = fileText(Buffer.from(row.bytes), "docx");
    expect(text).toContain("Revised: This joint submission");
    for (const absent of [HIDDEN, "HPN", c.people.leadFocal.name, c.people.partnerFocal.name, "sign-off", "Approved"]) expect(text).not.toContain(absent);
    // After submission the sign-off no longer changes.
    expect((await sign(c.people.leadFocal, c.lead.id, "approve")).status).toBe(409);
  });

  describe("a submission every organisation approved, and one nobody co-submits", () => {
    it("passes without an override when every organisation approved the current text", async () => {
      const id = (await c.draftOn([c.lead.id, c.partner.id], "Ghana: approved text")).id;
      expect((await post(owner(), { intent: "request", name: "Final" }, id)).status).toBe(200);
      expect((await sign(c.people.leadFocal, c.lead.id, "approve", "", id)).status).toBe(200);
      expect((await submit(owner(), {}, id)).status).toBe(409);
      expect((await sign(c.people.partnerFocal, c.partner.id, "approve", "", id)).status).toBe(200);
      expect((await submit(c.world.members.editor, {}, id)).status).toBe(200);
      const row = await handle().db.selectFrom("exports").select("sign_off_override").where("draft_id", "=", id).executeTakeFirstOrThrow();
      expect(row.sign_off_override).toBeNull();
    });

    it("needs no sign-off for a draft with no organisation on its cover", async () => {
      const id = (await c.draftOn([], "Ghana: one voice")).id;
      expect((await read(owner(), id)).state).toMatchObject({ organisations: [], complete: true });
      expect((await submit(owner(), {}, id)).status).toBe(200);
    });
  });
});
