import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { beforeAll, expect, it } from "vitest";
import { describeAuditEvent } from "../../app/components/audit/describe-event";
import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import * as exportRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.export";
import { anchorFor } from "../../core/comments/anchors";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { createThread } from "../../db/queries/comment-threads";
import { createComment } from "../../db/queries/comments";
import { readStoredYDoc } from "../../server/drafts/draft-content";
import { readDocx, textOf } from "../fixtures/export/read-docx";
import { describeEachDatabase } from "../db/test-database";
import { buildCleanDraft } from "../draft-content-factories";
import { makeRequest } from "../remix";
import { draftPath, exportContext, fetchFile } from "./export-requests";

type Built = Awaited<ReturnType<typeof buildCleanDraft>>;

/** An open comment thread on `words`, anchored as the editor anchors one, with its first comment. */
async function commentOn(handle: Parameters<typeof buildCleanDraft>[0], built: Built, words: string, body: string) {
  const anchor = await readStoredYDoc(handle.db, built.draft.id, (ydoc) => {
    const fragment = ydoc.getXmlFragment(BODY_FIELD);
    const { doc, mapping } = initProseMirrorDoc(fragment, documentSchema());
    let at = -1;
    doc.descendants((node, pos) => {
      if (at < 0 && node.isText && node.text!.includes(words)) at = pos + node.text!.indexOf(words);
    });
    return anchorFor({ doc: ydoc, body: fragment, mapping }, at, at + words.length, words);
  });
  const owner = built.world.members.owner;
  const thread = await createThread(handle.db, { draftId: built.draft.id, workspaceId: built.world.workspace.id, anchor, createdBy: owner.id });
  await createComment(handle.db, { threadId: thread.id, authorId: owner.id, authorName: owner.name, body, mentions: [] });
}

// The review copy through the export route (issue 20): variant=review, Word only, audited.
describeEachDatabase("the review copy route", (handle) => {
  let built: Built;
  const ids = () => ({ workspaceId: built.world.workspace.id, draftId: built.draft.id });
  const download = (query: string) =>
    fetchFile(exportRoute.loader, makeRequest(draftPath(built.world.workspace.id, built.draft.id, `/export${query}`), { token: built.world.members.viewer.token }), exportContext(handle()).context, ids());

  beforeAll(async () => {
    built = await buildCleanDraft(handle());
    await commentOn(handle(), built, "Three journalists", "Name the outlets.");
  });

  it("answers a Word file with the open thread as a Word comment, named as a review copy, and audits it", async () => {
    const answer = await download("?format=docx&variant=review");
    expect(answer.status).toBe(200);
    expect(decodeURIComponent(answer.headers.get("content-disposition")!)).toContain("Ghana-clean-copy (review copy).docx");
    const parts = readDocx(answer.bytes);
    expect(textOf(parts["word/comments.xml"]!)).toContain("Name the outlets.");
    expect(textOf(/<w:commentRangeStart w:id="0"\/>([\s\S]*?)<w:commentRangeEnd/.exec(parts["word/document.xml"]!)![1]!)).toBe("Three journalists");
    const events = await handle().db.selectFrom("audit_events").selectAll().where("workspace_id", "=", built.world.workspace.id).where("action", "=", "draft.exported").execute();
    expect(events.at(-1)!.details).toMatchObject({ format: "docx", variant: "review", placed: { suggestions: 0, threads: 1 } });
    expect(JSON.stringify(events.at(-1)!.details)).not.toContain("Name the outlets");
    const english = createTranslator("en", UI_CATALOGUES.en);
    expect(describeAuditEvent(english, "draft.exported", events.at(-1)!.details as Record<string, unknown>)).toBe(
      "exported the draft “Ghana: clean copy” as a Word (.docx) review copy (open suggestions and comments)",
    );
  });

  it("keeps the clean download clean: no comment, the usual name", async () => {
    const answer = await download("?format=docx");
    expect(answer.status).toBe(200);
    expect(decodeURIComponent(answer.headers.get("content-disposition")!)).toContain("Ghana-clean-copy.docx");
    expect(Object.keys(readDocx(answer.bytes)).filter((name) => /comment/i.test(name))).toEqual([]);
  });

  it("refuses a review copy as PDF or an unknown variant (400)", async () => {
    expect((await download("?format=pdf&variant=review")).status).toBe(400);
    const unknown = await download("?format=docx&variant=draft");
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({ error: "variant is clean or review." });
  });
});
