import { beforeAll, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import type { Message } from "../../core/i18n/message";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import * as checksRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.checks";
import * as exportRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.export";
import * as submitRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.submit";
import { findDraft } from "../../db/queries/drafts";
import type { DatabaseHandle } from "../../db/client";
import { createOrganisation } from "../../db/queries/organisations";
import type { DraftCheck } from "../../server/checks/check-draft";
import { describeEachDatabase } from "../db/test-database";
import { buildCleanDraft, buildTemplatedDraft, footnote, heading, letteredList, paragraph, storeDraftContent } from "../draft-content-factories";
import { makeRequest, runJson } from "../remix";
import { draftPath, exportContext, fetchFile, fileText, submitRequest } from "./export-requests";
import { approveStoredText } from "./sign-off-requests";

/** The audit log as an English-reading owner sees it. */
const english = createTranslator("en", UI_CATALOGUES.en);

type Built = Awaited<ReturnType<typeof buildCleanDraft>>;
const HIDDEN = "Hidden Defenders Collective";
const OVERRIDDEN = { "confidential.mention": 2, "cover.confidential-mention": 1, "placeholder.left": 1 };

/**
 * A clean UPR draft of Ghana but for what must not leave: the confidential member named in para. 2
 * and by acronym in its note, by acronym on the cover's contact line, and a placeholder in para. 3.
 */
async function buildDisclosingDraft(handle: DatabaseHandle) {
  const { world } = await buildCleanDraft(handle);
  await createOrganisation(handle.db, world.workspace.id, { name: HIDDEN, acronym: "HDC", confidential: true });
  const draft = await buildTemplatedDraft(handle, { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-individual", stateUnderReview: "GHA", title: "Ghana: detentions" });
  await storeDraftContent(
    handle,
    draft.id,
    [
      heading("Introduction", "introduction"),
      paragraph("This submission by a coalition of journalists concerns freedom of expression in Ghana."),
      paragraph(`The ${HIDDEN} documented the arrests.`, footnote("n1", "Interview by HDC staff, March 2024.")),
      heading("Follow-up to the previous review", "follow-up"),
      paragraph("This report is submitted by [Organisation]."),
      heading("Implementation", "implementation"),
      paragraph("Three journalists were detained in 2024 for their reporting."),
      heading("Recommendations", "recommendations"),
      letteredList("Repeal section 208 of the Criminal Offences Act by 2027."),
    ],
    { title: "Ghana: detentions", stateUnderReview: "GHA", organisations: [world.organisation.id], contact: "Amina Diallo (HDC), amina@example.org", language: "en" },
  );
  return { world, draft };
}

// Nothing confidential leaves (issue 16): the export and submit routes re-check what they render
// and stop at a confidential organisation's name or a template placeholder unless an owner chose
// to export anyway. Word files only here: the check runs before any render, whatever the format.
describeEachDatabase("exports that would disclose a confidential organisation", (handle) => {
  let built: Built;
  const ids = (b: Built = built) => ({ workspaceId: b.world.workspace.id, draftId: b.draft.id });
  const download = (token: string, query: string, b: Built = built) =>
    fetchFile(exportRoute.loader, makeRequest(draftPath(b.world.workspace.id, b.draft.id, `/export${query}`), { token }), exportContext(handle()).context, ids(b));
  const submit = (token: string, form: Record<string, string>, b: Built = built) =>
    fetchFile(submitRoute.action, submitRequest(b.world.workspace.id, b.draft.id, token, { intent: "submit", format: "docx", ...form }), exportContext(handle()).context, ids(b));
  const auditOf = (b: Built, action: string) =>
    handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", b.world.workspace.id).where("action", "=", action).orderBy("id").execute();
  const storedFiles = (b: Built) => handle().db.selectFrom("exports").select("id").where("draft_id", "=", b.draft.id).execute();

  beforeAll(async () => {
    built = await buildDisclosingDraft(handle());
    // Every co-submitting organisation approved this text (issue 21): only disclosures stop it here.
    await approveStoredText(handle(), built.draft.id, built.world.members.owner.id);
  });

  it("shows every mention and placeholder, placed, as errors in the export screen's pre-flight report", async () => {
    const answer = await runJson(checksRoute.loader, makeRequest(draftPath(built.world.workspace.id, built.draft.id, "/checks"), { token: built.world.members.viewer.token }), exportContext(handle()).context, ids());
    const check = answer.body as DraftCheck;
    const disclosures = check.report.findings.filter((f) => Object.keys(OVERRIDDEN).includes(f.rule));
    // Errors without a place (the cover's) come first, as in every pre-flight report.
    expect(disclosures.map((f) => [f.rule, f.severity, inEnglish(f.where)])).toEqual([
      ["cover.confidential-mention", "error", "cover"],
      ["confidential.mention", "error", "para. 2"],
      ["confidential.mention", "error", "note 1"],
      ["placeholder.left", "error", "para. 3"],
    ]);
  });

  it("exports nothing without an override (409), naming what to fix, for any member", async () => {
    for (const role of ["owner", "editor", "viewer"] as const) {
      const refused = await download(built.world.members[role].token, "?format=docx");
      expect(refused.status, role).toBe(409);
      const body = refused.json as { error: string; disclosures: Array<{ rule: string; where: Message; message: Message }> };
      expect(body.error).toBe(
        "Nothing was exported: the draft names a confidential organisation 3 times and keeps 1 template placeholder (para. 2, note 1, para. 3, cover). Fix them in the draft (the Checks tab goes to each), or an owner can export it anyway.",
      );
      // Places and messages travel as messages; the page puts them into the reader's words.
      expect(body.disclosures.map((d) => inEnglish(d.where))).toEqual(["para. 2", "note 1", "para. 3", "cover"]);
      expect(inEnglish(body.disclosures[0]!.message)).toContain(`“${HIDDEN}”`);
    }
    const submitted = await submit(built.world.members.owner.token, {});
    expect(submitted.status).toBe(409);
    expect(submitted.json).toMatchObject({ ok: false, error: expect.stringMatching(/^Nothing was exported: the draft names/), disclosures: expect.any(Array) });
    expect(await auditOf(built, "draft.exported")).toEqual([]);
    expect(await storedFiles(built)).toEqual([]);
  });

  it("refuses an override from an editor or a viewer (403): only owners may choose to disclose", async () => {
    for (const role of ["editor", "viewer"] as const) {
      const refused = await download(built.world.members[role].token, "?format=docx&override=1");
      expect(refused.status, role).toBe(403);
      expect((refused.json as { error: string }).error).toMatch(/^Only an owner of the workspace can export a draft that names a confidential organisation/);
    }
    const submitted = await submit(built.world.members.editor.token, { override: "on" });
    expect(submitted.status).toBe(403);
    expect(submitted.json).toMatchObject({ ok: false, disclosures: expect.arrayContaining([expect.objectContaining({ rule: "placeholder.left", where: { id: "checks.place.para", values: { n: 3 } } })]) });
    expect((await findDraft(handle().db, built.draft.id))?.status).toBe("drafting");
    expect(await auditOf(built, "draft.exported")).toEqual([]);
    expect(await storedFiles(built)).toEqual([]);
  });

  it("lets an owner export anyway, and audits the override as counts by rule, never the text", async () => {
    const file = await download(built.world.members.owner.token, "?format=docx&override=1");
    expect(file.status).toBe(200);
    // Their choice: the body is exported as written; the cover's list still leaves the member out.
    expect(fileText(file.bytes, "docx")).toContain(`The ${HIDDEN} documented the arrests.`);
    const [event, ...more] = await auditOf(built, "draft.exported");
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actor_id: built.world.members.owner.id, target_id: built.draft.id });
    expect(event!.details).toEqual({ title: "Ghana: detentions", format: "docx", tableOfContents: false, pdfA: false, overridden: OVERRIDDEN });
    expect(JSON.stringify(event!.details)).not.toMatch(/Hidden|HDC|Organisation\]/);
    expect(describeAuditEvent(english, event!.action, event!.details as Record<string, unknown>)).toBe(
      "exported the draft “Ghana: detentions” as Word (.docx), exporting anyway 3 mentions of a confidential organisation and 1 template placeholder",
    );
  });

  it("lets an owner submit anyway: the file is stored and the submission audited with the override", async () => {
    const answer = await submit(built.world.members.owner.token, { override: "on" });
    expect(answer.status).toBe(200);
    expect(await storedFiles(built)).toHaveLength(1);
    const [event] = await auditOf(built, "draft.submitted");
    expect(event!.details).toMatchObject({ format: "docx", overridden: OVERRIDDEN });
    expect(describeAuditEvent(english, event!.action, event!.details as Record<string, unknown>)).toMatch(/as submitted and stored its Word \(\.docx\) file \(SHA-256 [0-9a-f]{12}…\), exporting anyway 3 mentions/);
  });

  it("ignores an override on a draft with nothing to disclose: exported, no override recorded", async () => {
    const clean = await buildCleanDraft(handle());
    const file = await download(clean.world.members.editor.token, "?format=docx&override=1", clean);
    expect(file.status).toBe(200);
    expect((await auditOf(clean, "draft.exported"))[0]!.details).toEqual({ title: "Ghana: clean copy", format: "docx", tableOfContents: false, pdfA: false });
  });
});
