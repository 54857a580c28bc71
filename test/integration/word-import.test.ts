import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { inEnglish } from "../i18n/english";
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from "docx";
import { expect, it } from "vitest";
import * as Y from "yjs";
import * as wordFile from "../../app/routes/workspaces.$workspaceId.drafts.import";
import type { WordUploadResult } from "../../app/import/word-upload.server";
import { isDisclosureFinding } from "../../core/checks/disclosure-rules";
import { resolveAnchor } from "../../core/comments/anchors";
import { BODY_FIELD, documentSchema, readCover, UN_HEADING_NUMBERING } from "../../core/editor";
import { loadDraftDocument } from "../../db/queries/draft-documents";
import { exportModel } from "../../core/export/export-model";
import { createOrganisation } from "../../db/queries/organisations";
import { upsertRecommendations } from "../../db/queries/library-recommendations";
import { GHANA_186_60 } from "../draft-content-factories";
import { buildRecommendation } from "../library-factories";
import { renderDocx } from "../../server/export/docx";
import { describeEachDatabase } from "../db/test-database";
import { RICH_COVER, richDraft } from "../fixtures/export/rich-draft";
import { buildWorkspace, buildUser } from "../factories";
import { ownText } from "../fixtures/import/compare";
import { COMMENT_TEXT, handTypedDocx, TYPED_PARAGRAPHS } from "../fixtures/import/other-tools";
import { run, testContext } from "../remix";
import { uploadRequest } from "./library-requests";
import type { Message } from "../../core/i18n/message";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";

// Refusals and the report travel as messages; these tests read them as an English reader does.
const english = createTranslator("en", UI_CATALOGUES.en);

type World = Awaited<ReturnType<typeof buildWorkspace>>;

const docxFile = (bytes: Uint8Array, name = "Ghana joint submission.docx") => new File([bytes as Uint8Array<ArrayBuffer>], name);

/** A file with comments under the importer's name, another member's name and an outsider's, one reply, one inside a table. */
async function commentedDocx(importerName: string, memberName: string): Promise<Uint8Array> {
  const doc = new Document({
    comments: {
      children: [
        { id: 0, author: importerName, date: new Date("2026-11-20T09:00:00Z"), resolved: true, children: [new Paragraph("Add the 2025 figures.")] },
        { id: 1, author: memberName, date: new Date("2026-11-21T09:00:00Z"), children: [new Paragraph("Which law is this?")] },
        { id: 2, author: "Kwame (outside reviewer)", date: new Date("2026-11-22T09:00:00Z"), parentId: 0, children: [new Paragraph("Done: 31 cases.")] },
      ],
    },
    footnotes: { 1: { children: [new Paragraph("A/HRC/37/7, para. 146.12.")] } },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Introduction")] }),
          new Paragraph({ children: [new TextRun("1. Journalists "), new CommentRangeStart(0), new CommentRangeStart(2), new TextRun("were detained in 2024"), new CommentRangeEnd(0), new CommentRangeEnd(2), new TextRun({ children: [new CommentReference(0)] }), new TextRun({ children: [new CommentReference(2)] }), new TextRun("."), new FootnoteReferenceRun(1)] }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph({ children: [new TextRun("Under the "), new CommentRangeStart(1), new TextRun("Cybersecurity Act"), new CommentRangeEnd(1), new TextRun({ children: [new CommentReference(1)] })] })] })] }),
            ],
          }),
          new Paragraph({ children: [new TextRun("2. Reprisals continue.")] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describeEachDatabase("Word files: check and import", (handle) => {
  const ctx = () => testContext(handle());
  const path = (w: World) => `/workspaces/${w.workspace.id}/drafts/import`;
  const post = (w: World, token: string, fields: Record<string, string>, file?: File, headers?: Record<string, string>) =>
    run(wordFile.action, uploadRequest(path(w), { token, fields, file, headers }), ctx(), { workspaceId: w.workspace.id });
  const cover = { stateUnderReview: "GHA", session: "UPR 4th cycle", template: "upr-joint" };
  const draftCount = async (w: World) => (await handle().db.selectFrom("drafts").select("id").where("workspace_id", "=", w.workspace.id).execute()).length;
  const auditCount = async (w: World) => (await handle().db.selectFrom("audit_events").select("id").where("workspace_id", "=", w.workspace.id).execute()).length;

  it("checks a file for any member against the template's rules, and stores nothing", async () => {
    const w = await buildWorkspace(handle());
    const [drafts, audits] = [await draftCount(w), await auditCount(w)];
    const answer = await post(w, w.members.reviewer.token, { intent: "check", template: "upr-joint" }, docxFile(await handTypedDocx()));
    expect(answer.status).toBe(200);
    const result = answer.body as Extract<WordUploadResult, { kind: "check" }>;
    expect(result.kind).toBe("check");
    expect(result.fileName).toBe("Ghana joint submission.docx");
    expect(result.check.template?.slug).toBe("upr-joint");
    expect(result.check.report.words.counted).toBeGreaterThan(20);
    expect(result.check.report.limit).toBe(5630);
    // The file has no template sections: the structure rule names what is missing.
    expect(result.check.report.findings.some((f) => f.rule.startsWith("structure."))).toBe(true);
    expect(result.check.report.findings.every((f) => !f.rule.startsWith("cover."))).toBe(true);
    expect([await draftCount(w), await auditCount(w)]).toEqual([drafts, audits]);
  });

  it("finds in a checked file the workspace's confidential organisations and the templates' placeholders", async () => {
    const w = await buildWorkspace(handle());
    await createOrganisation(handle().db, w.workspace.id, { name: "Hidden Defenders Collective", acronym: "HDC", confidential: true });
    const file = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Introduction")] }),
              new Paragraph("1. Journalists told the hidden defenders collective of their arrests."),
              new Paragraph("2. This report is submitted by [Organisation] ([ACRONYM])."),
            ],
          },
        ],
      }),
    );
    const answer = await post(w, w.members.viewer.token, { intent: "check", template: "upr-joint" }, docxFile(new Uint8Array(file)));
    const { check } = answer.body as Extract<WordUploadResult, { kind: "check" }>;
    expect(check.report.findings.filter(isDisclosureFinding).map((f) => [f.rule, inEnglish(f.where)])).toEqual([
      ["confidential.mention", "para. 1"],
      ["placeholder.left", "para. 2"],
      ["placeholder.left", "para. 2"],
    ]);
  });

  it("checks the recommendations a file cites against the workspace's library, for the State its cover names", async () => {
    const w = await buildWorkspace(handle());
    await upsertRecommendations(handle().db, w.workspace.id, [buildRecommendation({ stateUnderReview: "GHA", recommendingStates: ["Norway"], paragraph: "186.60", text: GHANA_186_60 })]);
    const file = (state: string) =>
      Packer.toBuffer(
        new Document({
          sections: [
            {
              children: [
                new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun("Torture prevention in Ghana")] }),
                ...(state ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`State under review: ${state}`)] })] : []),
                new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun("Follow-up to the previous review")] }),
                new Paragraph("1. Ghana supported recommendation 186.60 (Norway), to “ratify the optional protocol promptly”, and has not done so."),
                new Paragraph("2. It also received recommendation 186.99, on the press."),
              ],
            },
          ],
        }),
      );
    const rules = async (state: string) => {
      const answer = await post(w, w.members.viewer.token, { intent: "check", template: "upr-individual" }, docxFile(new Uint8Array(await file(state))));
      expect(answer.status).toBe(200);
      const { check } = answer.body as Extract<WordUploadResult, { kind: "check" }>;
      return check.report.findings.filter((f) => f.rule.startsWith("recommendation.") && f.rule !== "recommendation.weak-verb").map((f) => `${f.rule} @ ${inEnglish(f.where)}`);
    };
    expect(await rules("Ghana")).toEqual(["recommendation.quote-differs @ para. 1", "recommendation.unknown @ para. 2"]);
    // With no State on the cover there is nothing to look the numbers up against.
    expect(await rules("")).toEqual([]);
  });

  it("imports a file as a draft: body, numbering, notes, cover, comments as threads, audit, report", async () => {
    const w = await buildWorkspace(handle());
    const answer = await post(w, w.members.editor.token, { intent: "import", ...cover, organisations: w.organisation.id, title: "" }, docxFile(await handTypedDocx()));
    expect(answer.status).toBe(200);
    const { outcome } = answer.body as Extract<WordUploadResult, { kind: "import" }>;
    expect(outcome.draft.title).toBe("Ghana joint submission");
    expect(outcome.report).toMatchObject({ numberedParagraphs: 3, manuallyNumberedParagraphs: 3, footnotes: 3, endnotesConverted: 1, headings: 1, trackedChanges: 1, trackedChangesAccepted: 0, imagesDropped: 1 });
    // The tracked replacement is a suggestion; until the suggestions' storage is wired in (word-import.ts), it is counted as not stored.
    expect(outcome.suggestions).toMatchObject({ kept: 1 });
    expect(outcome.comments).toEqual({ threads: 1, comments: 1, yours: 0, resolved: 0, placedNearby: 0 });
    expect(outcome.check.draft.id).toBe(outcome.draft.id);
    expect(outcome.check.template?.slug).toBe("upr-joint");

    const draft = await handle().db.selectFrom("drafts").selectAll().where("id", "=", outcome.draft.id).executeTakeFirstOrThrow();
    expect(draft).toMatchObject({ workspace_id: w.workspace.id, template_slug: "upr-joint", mechanism: "UPR", state_under_review: "GHA", created_by: w.members.editor.id });
    const stored = await loadDraftDocument(handle().db, draft.id);
    const ydoc = new Y.Doc();
    expect(stored.updates).toEqual([]);
    Y.applyUpdate(ydoc, stored.snapshot!);
    expect(readCover(ydoc)).toMatchObject({ title: "Ghana joint submission", stateUnderReview: "GHA", organisations: [w.organisation.id], language: "en", mechanism: "UPR" });
    const body = ydoc.getXmlFragment(BODY_FIELD);
    const { doc, mapping } = initProseMirrorDoc(body, documentSchema());
    const numbered: string[] = [];
    doc.forEach((block) => {
      if (block.type.name === "paragraph" && block.attrs.numbered) numbered.push(ownText(block));
    });
    expect(numbered).toEqual(TYPED_PARAGRAPHS);
    let notes = 0;
    doc.descendants((node) => void (node.type.name === "footnote" && (notes += 1)));
    expect(notes).toBe(4);

    // The file's one tracked change is a suggestion thread of its own; its one Word comment, the other.
    const suggestions = await handle().db.selectFrom("suggestions").select("thread_id").where("draft_id", "=", draft.id).execute();
    expect(suggestions).toHaveLength(1);
    const threads = await handle().db
      .selectFrom("comment_threads")
      .selectAll()
      .where("draft_id", "=", draft.id)
      .where("id", "not in", suggestions.map((s) => s.thread_id))
      .execute();
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ status: "open", quote: "Defenders face reprisals", created_by: null, workspace_id: w.workspace.id });
    const place = resolveAnchor({ doc: ydoc, body, mapping }, { start: threads[0]!.anchor_start, end: threads[0]!.anchor_end });
    expect(place && doc.textBetween(place.from, place.to)).toBe("Defenders face reprisals");
    const comments = await handle().db.selectFrom("comments").selectAll().where("thread_id", "=", threads[0]!.id).execute();
    expect(comments).toEqual([expect.objectContaining({ author_id: null, author_name: "Amina", body: COMMENT_TEXT })]);

    const audit = await handle().db.selectFrom("audit_events").selectAll().where("target_id", "=", draft.id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: "draft.imported", actor_id: w.members.editor.id })]);
    const details = JSON.stringify(audit[0]!.details);
    expect(details).toContain("Ghana joint submission.docx");
    // Counts only: the file's words and the comment's text never reach the audit log.
    expect(details).not.toContain("reprisals");
    expect(details).not.toContain(COMMENT_TEXT);
  });

  it("links only the importer's own comments to an account, keeps every other author's name as text, and keeps replies, dates, resolved threads and a comment in a table", async () => {
    const w = await buildWorkspace(handle());
    const { owner, editor } = w.members;
    const answer = await post(w, owner.token, { intent: "import", ...cover, title: "Press freedom" }, docxFile(await commentedDocx(owner.name.toUpperCase(), editor.name)));
    expect(answer.status).toBe(200);
    const { outcome } = answer.body as Extract<WordUploadResult, { kind: "import" }>;
    expect(outcome.comments).toEqual({ threads: 2, comments: 3, yours: 1, resolved: 1, placedNearby: 0 });
    const rows = await handle()
      .db.selectFrom("comment_threads as t")
      .innerJoin("comments as c", "c.thread_id", "t.id")
      .select(["t.quote", "t.status", "t.created_by", "c.author_id", "c.author_name", "c.body", "c.created_at"])
      .where("t.draft_id", "=", outcome.draft.id)
      .orderBy("t.created_at")
      .orderBy("c.created_at")
      .execute();
    expect(rows).toEqual([
      { quote: "were detained in 2024", status: "resolved", created_by: owner.id, author_id: owner.id, author_name: owner.name.toUpperCase(), body: "Add the 2025 figures.", created_at: new Date("2026-11-20T09:00:00Z") },
      { quote: "were detained in 2024", status: "resolved", created_by: owner.id, author_id: null, author_name: "Kwame (outside reviewer)", body: "Done: 31 cases.", created_at: new Date("2026-11-22T09:00:00Z") },
      // Another member's name typed in Word is only text: the importer cannot put words under a colleague's account.
      { quote: "Cybersecurity Act", status: "open", created_by: null, author_id: null, author_name: editor.name, body: "Which law is this?", created_at: new Date("2026-11-21T09:00:00Z") },
    ]);
  });

  it("fills the cover fields left empty from the file's cover block: a Caucus export imported again", async () => {
    const w = await buildWorkspace(handle());
    const known = (await createOrganisation(handle().db, w.workspace.id, { name: "Coalition for Rights", acronym: "CR", confidential: false }))!;
    const exported = await renderDocx(exportModel(richDraft(), { language: "en", headingNumbering: UN_HEADING_NUMBERING }), RICH_COVER);
    const answer = await post(w, w.members.editor.token, { intent: "import", template: "upr-joint" }, docxFile(new Uint8Array(exported), "china.docx"));
    expect(answer.status).toBe(200);
    const { outcome } = answer.body as Extract<WordUploadResult, { kind: "import" }>;
    // The member organisation this workspace lacks is kept in the subtitle, as the file printed it.
    expect(outcome.coverFromFile.map(english.text)).toEqual(["title", "State under review", "session", "contact", "1 organisation", "subtitle", "date"]);
    expect(outcome.draft.title).toBe(RICH_COVER.title);
    const stored = await loadDraftDocument(handle().db, outcome.draft.id);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, stored.snapshot!);
    expect(readCover(ydoc)).toMatchObject({ title: RICH_COVER.title, stateUnderReview: "CHN", session: RICH_COVER.session, contact: RICH_COVER.contact, organisations: [known.id], date: RICH_COVER.date, subtitle: "By Lawyers' Watch (LW)" });
    // The cover block left the body: the first block is the first heading, not the title.
    const { doc } = initProseMirrorDoc(ydoc.getXmlFragment(BODY_FIELD), documentSchema());
    expect(doc.firstChild?.type.name).toBe("heading");
    const row = await handle().db.selectFrom("drafts").selectAll().where("id", "=", outcome.draft.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: RICH_COVER.title, state_under_review: "CHN" });
  });

  it("refuses what is not a readable .docx with the reader's sentence, storing nothing", async () => {
    const w = await buildWorkspace(handle());
    const before = [await draftCount(w), await auditCount(w)];
    const notZip = await post(w, w.members.editor.token, { intent: "import", ...cover }, new File(["{\\rtf1 hello}"], "old.rtf"));
    expect(notZip.status).toBe(422);
    expect(english.text((notZip.body as { fieldErrors: { file: Message[] } }).fieldErrors.file[0]!)).toMatch(/old\.rtf is not a Word \.docx file/);
    const good = await handTypedDocx();
    const truncated = await post(w, w.members.editor.token, { intent: "import", ...cover }, docxFile(good.slice(0, Math.floor(good.length / 2))));
    expect(truncated.status).toBe(422);
    expect(english.text((truncated.body as { fieldErrors: { file: Message[] } }).fieldErrors.file[0]!)).toMatch(/damaged|cannot be read|could not/i);
    const noFile = await post(w, w.members.editor.token, { intent: "check", template: "upr-joint" });
    expect(noFile.status).toBe(400);
    expect((noFile.body as { fieldErrors: { file: Message[] } }).fieldErrors.file.map(english.text)).toEqual(["Choose a Word file (.docx)."]);
    const noTemplate = await post(w, w.members.editor.token, { intent: "check" }, docxFile(good));
    expect(noTemplate.status).toBe(400);
    expect((noTemplate.body as { fieldErrors: { template: Message[] } }).fieldErrors.template.map(english.text)).toEqual(["Choose the template whose rules apply."]);
    const noState = await post(w, w.members.editor.token, { intent: "import", template: "upr-joint" }, docxFile(good));
    expect(noState.status).toBe(400);
    expect((noState.body as { fieldErrors: Record<string, string[]> }).fieldErrors.stateUnderReview).toBeDefined();
    const tooLarge = await post(w, w.members.editor.token, { intent: "check", template: "upr-joint" }, docxFile(good), { "content-length": String(300 * 1024 * 1024) });
    expect(tooLarge.status).toBe(413);
    expect(english.text((tooLarge.body as { formError: Message }).formError)).toMatch(/larger than 52\.4 MB|larger than 50/);
    const foreignOrganisation = await post(w, w.members.editor.token, { intent: "import", ...cover, organisations: (await buildWorkspace(handle())).organisation.id }, docxFile(good));
    expect(foreignOrganisation.status).toBe(409);
    expect([await draftCount(w), await auditCount(w)]).toEqual(before);
    expect(await handle().db.selectFrom("comment_threads").select("id").where("workspace_id", "=", w.workspace.id).execute()).toEqual([]);
  });

  it("lets reviewers check but not import, and shows strangers nothing", async () => {
    const w = await buildWorkspace(handle());
    const file = docxFile(await handTypedDocx());
    expect((await post(w, w.members.reviewer.token, { intent: "import", ...cover }, file)).status).toBe(403);
    const stranger = await buildUser(handle());
    expect((await post(w, stranger.token, { intent: "check", template: "upr-joint" }, file)).status).toBe(404);
    const page = await run(wordFile.loader, new Request(`http://caucus.test${path(w)}`, { headers: { cookie: `caucus_session=${stranger.token}` } }), ctx(), { workspaceId: w.workspace.id });
    expect(page.status).toBe(404);
    const reviewerPage = await run(wordFile.loader, new Request(`http://caucus.test${path(w)}`, { headers: { cookie: `caucus_session=${w.members.reviewer.token}` } }), ctx(), { workspaceId: w.workspace.id });
    expect(reviewerPage.body).toMatchObject({ canImport: false, organisations: [] });
    expect(await draftCount(w)).toBe(1);
  });
});
