import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it, describe } from "vitest";
import * as exportRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.export";
import * as storedRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.exports.$exportId";
import * as submitRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.submit";
import * as draftPage from "../../app/routes/workspaces.$workspaceId.drafts.$draftId";
import * as reopenRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.reopen";
import { CHANGED_WHILE_PREPARING_MESSAGE } from "../../server/export/submit";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { findDraft } from "../../db/queries/drafts";
import { createOrganisation } from "../../db/queries/organisations";
import { JobPool } from "../../server/jobs/job-pool";
import type { PoolJob } from "../../server/jobs/pool-job";
import { describeEachDatabase } from "../db/test-database";
import { buildCleanDraft, buildTemplatedDraft, paragraph, storeDraftContent } from "../draft-content-factories";
import { buildUser } from "../factories";
import { makeRequest, run } from "../remix";
import { draftPath, exportContext, fetchFile, fileText, submitRequest } from "./export-requests";
import { approveStoredText } from "./sign-off-requests";
import { pdfToolsAvailable } from "../export-tools";

type Built = Awaited<ReturnType<typeof buildCleanDraft>>;
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The export routes over real databases and the real worker pool: downloads, "Mark as
// submitted" and the stored file (who may call each, for every role, is in authz-matrix.test.ts).
describe.runIf(pdfToolsAvailable())("export routes (PDF made and read)", () => {
describeEachDatabase("export routes", (handle) => {
  let built: Built;
  const pools: JobPool[] = [];
  const ids = (b: Built = built) => ({ workspaceId: b.world.workspace.id, draftId: b.draft.id });
  const download = (token: string | undefined, query: string, b: Built = built, context = exportContext(handle()).context) =>
    fetchFile(exportRoute.loader, makeRequest(draftPath(b.world.workspace.id, b.draft.id, `/export${query}`), { token }), context, ids(b));
  const submit = (token: string, context = exportContext(handle()).context, b: Built = built, form?: Record<string, string>) =>
    fetchFile(submitRoute.action, submitRequest(b.world.workspace.id, b.draft.id, token, form), context, ids(b));
  const stored = (token: string, draftId: string, exportId: string, b: Built = built) =>
    fetchFile(storedRoute.loader, makeRequest(draftPath(b.world.workspace.id, draftId, `/exports/${exportId}`), { token }), exportContext(handle()).context, { ...ids(b), draftId, exportId });
  const auditOf = (b: Built, action: string) =>
    handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", b.world.workspace.id).where("action", "=", action).orderBy("id").execute();

  beforeAll(async () => {
    built = await buildCleanDraft(handle());
    // Every co-submitting organisation approved this text (issue 21): sign-off is test/integration/sign-off.test.ts.
    await approveStoredText(handle(), built.draft.id, built.world.members.owner.id);
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("gives a member the draft as DOCX and PDF, with download headers, and audits the format only", async () => {
    const word = await download(built.world.members.editor.token, "?format=docx");
    expect(word.status).toBe(200);
    expect(word.bytes.subarray(0, 2).toString()).toBe("PK");
    expect(word.headers.get("content-type")).toBe(DOCX_TYPE);
    expect(word.headers.get("content-disposition")).toBe(`attachment; filename="Ghana-clean-copy.docx"; filename*=UTF-8''Ghana-clean-copy.docx`);
    expect(word.headers.get("cache-control")).toBe("private, no-store");
    expect(fileText(word.bytes, "docx")).toContain("Three journalists were detained in 2024");

    // A viewer may export (docs/design.md §5), with a table of contents.
    const print = await download(built.world.members.viewer.token, "?format=pdf&toc=1");
    expect(print.status).toBe(200);
    expect(print.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(print.headers.get("content-type")).toBe("application/pdf");
    expect(print.headers.get("content-disposition")).toContain("filename*=UTF-8''Ghana-clean-copy.pdf");

    // PDF/A-2b when asked: the XMP metadata declares it.
    const archival = await download(built.world.members.viewer.token, "?format=pdf&pdfa=1");
    expect(archival.status).toBe(200);
    expect(archival.bytes.toString("latin1")).toMatch(/pdfaid:part>2</);
    expect(print.bytes.toString("latin1")).not.toMatch(/pdfaid:part/);

    const events = await auditOf(built, "draft.exported");
    expect(events.map((e) => [e.actor_id, e.target_id, e.details])).toEqual([
      [built.world.members.editor.id, built.draft.id, { title: "Ghana: clean copy", format: "docx", tableOfContents: false, pdfA: false }],
      [built.world.members.viewer.id, built.draft.id, { title: "Ghana: clean copy", format: "pdf", tableOfContents: true, pdfA: false }],
      [built.world.members.viewer.id, built.draft.id, { title: "Ghana: clean copy", format: "pdf", tableOfContents: false, pdfA: true }],
    ]);
  });

  it("answers 404 to a stranger and 400 to a format it does not make", async () => {
    const stranger = await buildUser(handle(), "Stranger");
    expect((await download(stranger.token, "?format=pdf")).status).toBe(404);
    const odt = await download(built.world.members.owner.token, "?format=odt");
    expect(odt.status).toBe(400);
    expect(odt.json).toEqual({ error: "Choose Word (.docx) or PDF." });
    expect((await download(built.world.members.owner.token, "")).status).toBe(400);
    expect((await download(built.world.members.owner.token, "?format=pdf&toc=yes")).status).toBe(400);
  });

  it("answers 422 with the pool's sentence when a render fails, and submits nothing", async () => {
    const tiny = new JobPool({ size: 1, timeoutMs: 60_000, maxOutputBytes: 100 });
    pools.push(tiny);
    const { context } = exportContext(handle(), tiny);
    const failed = await download(built.world.members.owner.token, "?format=docx", built, context);
    expect(failed.status).toBe(422);
    expect(failed.json).toEqual({ error: expect.stringMatching(/^The file would be .* over the 0\.0001 MB limit\.$/) });
    const refused = await submit(built.world.members.owner.token, context);
    expect(refused.status).toBe(422);
    expect((await findDraft(handle().db, built.draft.id))?.status).toBe("drafting");
  });

  it("lets owners and editors mark a draft as submitted, not reviewers or viewers (403)", async () => {
    const other = await buildCleanDraft(handle());
    for (const role of ["reviewer", "viewer"] as const) expect((await submit(other.world.members[role].token, undefined, other)).status).toBe(403);
    const stranger = await buildUser(handle(), "Stranger");
    expect((await submit(stranger.token, undefined, other)).status).toBe(404);
    const bad = await submit(other.world.members.owner.token, undefined, other, { intent: "submit", format: "rtf" });
    expect(bad.status).toBe(400);
    expect((await findDraft(handle().db, other.draft.id))?.status).toBe("drafting");
  });

  it("stores the file with its SHA-256, freezes the draft, announces it and closes editors, once (then 409)", async () => {
    const { context, announced, revalidated } = exportContext(handle());
    const editor = built.world.members.editor;
    const answer = await submit(editor.token, context);
    expect(answer.status).toBe(200);
    const body = answer.json as { ok: true; export: { id: string; sha256: string; byteSize: number; createdBy: string; fileName: string } };
    expect(body.ok).toBe(true);

    const row = await handle().db.selectFrom("exports").selectAll().where("draft_id", "=", built.draft.id).executeTakeFirstOrThrow();
    const bytes = Buffer.from(row.bytes);
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(row.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(row).toMatchObject({ id: body.export.id, format: "pdf", file_name: "Ghana-clean-copy.pdf", byte_size: bytes.length, created_by: editor.id, created_by_name: editor.name, workspace_id: built.world.workspace.id });
    expect(body.export).toMatchObject({ sha256: row.sha256, byteSize: bytes.length, createdBy: editor.name, fileName: "Ghana-clean-copy.pdf" });
    expect((await findDraft(handle().db, built.draft.id))?.status).toBe("submitted");
    expect(announced).toEqual([{ draftId: built.draft.id, event: { type: "status" } }]);
    expect(revalidated).toEqual([{ workspaceId: built.world.workspace.id }]);
    const [event, ...more] = await auditOf(built, "draft.submitted");
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actor_id: editor.id, target_type: "draft", target_id: built.draft.id });
    expect(event!.details).toEqual({ title: "Ghana: clean copy", from: "drafting", exportId: row.id, format: "pdf", fileName: "Ghana-clean-copy.pdf", sha256: row.sha256, byteSize: bytes.length });

    const again = await submit(built.world.members.owner.token, context);
    expect(again.status).toBe(409);
    expect(again.json).toEqual({ ok: false, error: "This draft was submitted; its status can no longer change." });
    expect(await handle().db.selectFrom("exports").select("id").where("draft_id", "=", built.draft.id).execute()).toHaveLength(1);
    expect(announced).toHaveLength(1);

    // Still exportable once submitted; the page lists the stored file and offers no second submission.
    expect((await download(built.world.members.reviewer.token, "?format=docx")).status).toBe(200);
    const page = await run(draftPage.loader, makeRequest(draftPath(built.world.workspace.id, built.draft.id, ""), { token: built.world.members.owner.token }), context, ids());
    const pageData = page.body as { storedExports: Array<{ id: string; sha256: string }>; exportAccess: { canExport: boolean; canSubmit: boolean } };
    expect(pageData.storedExports).toEqual([expect.objectContaining({ id: row.id, sha256: row.sha256, format: "pdf", createdBy: editor.name })]);
    expect(pageData.exportAccess).toEqual({ canExport: true, canSubmit: false, canOverride: true });
  });

  it("serves the stored file byte for byte to members, and 404 through another draft or to a stranger", async () => {
    const row = await handle().db.selectFrom("exports").selectAll().where("draft_id", "=", built.draft.id).executeTakeFirstOrThrow();
    const file = await stored(built.world.members.viewer.token, built.draft.id, row.id);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(Buffer.from(row.bytes))).toBe(true);
    expect(createHash("sha256").update(file.bytes).digest("hex")).toBe(row.sha256);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toContain("filename*=UTF-8''Ghana-clean-copy.pdf");
    expect(file.headers.get("cache-control")).toBe("private, no-store");
    const audited = (await auditOf(built, "draft.exported")).at(-1);
    expect(audited?.details).toEqual({ title: "Ghana: clean copy", format: "pdf", stored: true, exportId: row.id });

    // Another draft of the same workspace: its URL must not reach this draft's file.
    const sibling = await buildTemplatedDraft(handle(), { workspaceId: built.world.workspace.id, createdBy: built.world.members.owner.id, template: "upr-individual", stateUnderReview: "GHA" });
    expect((await stored(built.world.members.owner.token, sibling.id, row.id)).status).toBe(404);
    expect((await stored(built.world.members.owner.token, built.draft.id, "not-a-uuid")).status).toBe(404);
    expect((await stored(built.world.members.owner.token, built.draft.id, "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const stranger = await buildUser(handle(), "Stranger");
    expect((await stored(stranger.token, built.draft.id, row.id)).status).toBe(404);
  });

  it("lets an owner reopen a submitted draft for a correction: the file stays, the page says whether the draft changed", async () => {
    const { context, announced, settled, revalidated } = exportContext(handle());
    const reopen = (token: string) => fetchFile(reopenRoute.action, makeRequest(draftPath(built.world.workspace.id, built.draft.id, "/reopen"), { token, form: { intent: "reopen" } }), context, ids());
    const page = async () =>
      (await run(draftPage.loader, makeRequest(draftPath(built.world.workspace.id, built.draft.id, ""), { token: built.world.members.owner.token }), context, ids())).body as {
        canReopen: boolean;
        reopened: { reopenedBy: string | null; submitted: { sha256: string }; changedSince: boolean | null } | null;
      };
    const before = await handle().db.selectFrom("exports").selectAll().where("draft_id", "=", built.draft.id).execute();
    expect((await page()).canReopen).toBe(true);
    for (const role of ["editor", "reviewer", "viewer"] as const) expect((await reopen(built.world.members[role].token)).status).toBe(403);

    const answer = await reopen(built.world.members.owner.token);
    expect(answer.status).toBe(200);
    expect((await findDraft(handle().db, built.draft.id))?.status).toBe("drafting");
    // Every node thaws, open pages look again, sockets are re-checked.
    expect(settled).toEqual([built.draft.id]);
    expect(announced).toEqual([{ draftId: built.draft.id, event: { type: "status" } }]);
    expect(revalidated).toEqual([{ workspaceId: built.world.workspace.id }]);
    // What went to Geneva stays on record, byte for byte.
    expect(await handle().db.selectFrom("exports").selectAll().where("draft_id", "=", built.draft.id).execute()).toEqual(before);
    const [event] = await auditOf(built, "draft.reopened");
    expect(event).toMatchObject({ actor_id: built.world.members.owner.id, target_id: built.draft.id, details: { title: "Ghana: clean copy", exportId: before[0]!.id, sha256: before[0]!.sha256 } });

    expect(await page()).toMatchObject({ canReopen: false, reopened: { reopenedBy: built.world.members.owner.name, submitted: { sha256: before[0]!.sha256 }, changedSince: false } });
    await storeDraftContent(handle(), built.draft.id, [paragraph("A corrected figure: four journalists were detained in 2024.")], {});
    expect((await page()).reopened?.changedSince).toBe(true);
    expect((await reopen(built.world.members.owner.token)).status).toBe(409);
  });

  it("refuses to store a file of a draft that changed while it was rendered (409), and stores nothing", async () => {
    const other = await buildCleanDraft(handle());
    await approveStoredText(handle(), other.draft.id, other.world.members.owner.id);
    const pool = new JobPool({ size: 1, timeoutMs: 60_000, maxOutputBytes: 50_000_000 });
    pools.push(pool);
    // A co-author's edit saved while the worker renders: the file would no longer be the draft.
    const typing = {
      async run<J extends PoolJob>(job: J, options?: { timeoutMs?: number }) {
        await storeDraftContent(handle(), other.draft.id, [paragraph("Typed while the file was rendered.")], {});
        return pool.run(job, options);
      },
    };
    const answer = await submit(other.world.members.owner.token, exportContext(handle(), typing).context, other);
    expect(answer.status).toBe(409);
    // The route answers in the asker's language: English for a request that names none.
    expect(answer.json).toEqual({ ok: false, error: createTranslator("en", UI_CATALOGUES.en).t(CHANGED_WHILE_PREPARING_MESSAGE) });
    expect((await findDraft(handle().db, other.draft.id))?.status).toBe("drafting");
    expect(await handle().db.selectFrom("exports").select("id").where("draft_id", "=", other.draft.id).execute()).toEqual([]);
  });

  it("never prints a confidential organisation of the cover, in DOCX or PDF", async () => {
    const { world } = await buildCleanDraft(handle());
    const db = handle().db;
    const open = (await createOrganisation(db, world.workspace.id, { name: "Ghana Press Freedom Network", acronym: "GPFN", confidential: false }))!;
    const hidden = (await createOrganisation(db, world.workspace.id, { name: "Underground Shelter Collective", acronym: "USC", confidential: true }))!;
    const draft = await buildTemplatedDraft(handle(), { workspaceId: world.workspace.id, createdBy: world.members.owner.id, template: "upr-individual", stateUnderReview: "GHA", title: "Cover test" });
    await storeDraftContent(handle(), draft.id, [paragraph("A submission by two organisations, one of them confidential.")], { title: "Cover test", stateUnderReview: "GHA", organisations: [open.id, hidden.id], language: "en" });
    for (const format of ["docx", "pdf"] as const) {
      const file = await download(world.members.owner.token, `?format=${format}`, { world, draft });
      expect(file.status).toBe(200);
      const text = fileText(file.bytes, format).replace(/\s+/g, " ");
      expect(text).toContain("Ghana Press Freedom Network");
      expect(text).not.toMatch(/Underground|Shelter Collective|USC/);
    }
  });
});
});
