import { beforeAll, describe, expect, it } from "vitest";
import { EMPTY_COVER } from "../../../core/editor/cover";
import { NO_HEADING_NUMBERING } from "../../../core/editor/numbering";
import { exportModel } from "../../../core/export/export-model";
import { footnotes, readDocx, textOf, xmlError, type Parts } from "../../../test/fixtures/export/read-docx";
import { commentThread, CONFIDENTIAL, OPEN_ORG, ORGANISATIONS, remark, reviewDraft, suggestionThread } from "../../../test/fixtures/export/review-draft";
import { libreOfficeAvailable, readWithLibreOffice } from "../../../test/export-tools";
import { placeReviewThreads } from "../review-placement";
import { renderDocx } from "./docx-document";

// The review copy (issue 20) as Word reads it: suggestions as w:ins / w:del signed and dated,
// open threads as Word comments with their replies; and the clean file of the same draft.

const options = { language: "en", headingNumbering: NO_HEADING_NUMBERING };
const cover = { ...EMPTY_COVER, title: "Arrests of journalists", organisations: [] };

function reviewCopy() {
  const drafted = reviewDraft();
  const threads = [
    suggestionThread(drafted, "twelve", "fourteen", { authorName: "Amina Mensah", organisationId: OPEN_ORG.id, comments: [remark("Amina Mensah", "Per the police statement.")] }),
    suggestionThread(drafted, " in Accra", null, { authorName: "Kofi Boateng", organisationId: CONFIDENTIAL.id }),
    suggestionThread(drafted, "police, 3", "Interior Ministry, 3", { authorName: "Efua Asante", organisationId: null }),
    commentThread(drafted, "journalists", [remark("Yaw Owusu", "Which outlets?"), remark("Amina Mensah", "Two asked not to be named.", "2026-12-01T11:00:00.000Z")]),
    commentThread(drafted, "Statement", [remark("Yaw Owusu", "Link the statement.")]),
  ];
  const placement = placeReviewThreads(drafted.binding, drafted.doc, threads, ORGANISATIONS);
  return { drafted, model: { ...exportModel(placement.doc, options), comments: placement.comments } };
}

describe("a review copy as a Word file", () => {
  const { drafted, model } = reviewCopy();
  let buffer: Buffer;
  let parts: Parts;
  beforeAll(async () => {
    buffer = await renderDocx(model, cover);
    parts = readDocx(buffer);
  });

  it("is a package of well-formed XML parts", () => {
    for (const [name, xml] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) expect([name, xmlError(xml)]).toEqual([name, null]);
  });

  it("writes each suggestion as w:del then w:ins, signed with the author and dated", () => {
    const document = parts["word/document.xml"]!;
    const del = /<w:del w:id="(\d+)" w:author="Amina Mensah \(CR\)" w:date="2026-12-02T10:05:00Z">([\s\S]*?)<\/w:del>/.exec(document);
    expect(del?.[2]).toMatch(/<w:delText[^>]*>twelve<\/w:delText>/);
    const ins = /<w:ins w:id="(\d+)" w:author="Amina Mensah \(CR\)" w:date="2026-12-02T10:05:00Z">([\s\S]*?)<\/w:ins>/.exec(document);
    expect(textOf(ins![2]!)).toBe("fourteen");
    expect(document).toMatch(/<w:del w:id="\d+" w:author="Kofi Boateng" w:date="[^"]+">[\s\S]*?<w:delText[^>]*> in Accra<\/w:delText>/);
    // Every revision has an id of its own.
    const revisionIds = [...Object.values(parts).join("").matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(revisionIds).size).toBe(revisionIds.length);
  });

  it("writes a suggestion inside a footnote as a tracked change inside the note", () => {
    const note = footnotes(parts["word/footnotes.xml"]!)[0]!;
    expect(note.xml).toMatch(/<w:del w:id="\d+" w:author="Efua Asante"[^>]*>[\s\S]*?<w:delText[^>]*>police, 3<\/w:delText>/);
    expect(note.xml).toMatch(/<w:ins w:id="\d+" w:author="Efua Asante"[^>]*>[\s\S]*?<w:t[^>]*>Interior Ministry, 3<\/w:t>/);
  });

  it("writes the open threads as Word comments over their text, replies threaded, a note's comment on its marker", () => {
    const comments = parts["word/comments.xml"]!;
    const byId = new Map([...comments.matchAll(/<w:comment w:id="(\d+)" w:initials="[^"]*" w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) => [Number(m[1]), { author: m[2], text: textOf(m[3]!) }]));
    expect(byId.get(0)).toEqual({ author: "Amina Mensah", text: "Per the police statement." });
    expect(byId.get(1)).toEqual({ author: "Yaw Owusu", text: "Which outlets?" });
    expect(byId.get(2)).toEqual({ author: "Amina Mensah", text: "Two asked not to be named." });
    expect(parts["word/commentsExtended.xml"]).toMatch(/w15:paraIdParent=/);
    const document = parts["word/document.xml"]!;
    const range = /<w:commentRangeStart w:id="1"\/>([\s\S]*?)<w:commentRangeEnd w:id="1"\/>/.exec(document);
    expect(textOf(range![1]!)).toBe("journalists");
    expect(document).toContain('<w:commentReference w:id="2"/>');
    // A comment on a note's words is on the note's marker (LibreOffice refuses comments inside notes).
    expect(parts["word/footnotes.xml"]).not.toContain("<w:commentRangeStart");
    expect(document).toMatch(/<w:commentRangeStart w:id="3"\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r><w:commentRangeEnd w:id="3"\/>/);
  });

  it("never names the confidential organisation, and names no person in the file's properties", () => {
    const all = Object.values(parts).join("\n");
    expect(all).not.toMatch(/Hidden Defenders|HDC/);
    expect(parts["docProps/core.xml"]).not.toMatch(/Amina|Kofi|Efua|Yaw/);
  });

  it("has a clean sibling: the same draft exported clean carries no suggestion, change or comment", async () => {
    const clean = readDocx(await renderDocx(exportModel(drafted.doc, options), cover));
    const all = Object.values(clean).join("\n");
    expect(all).not.toMatch(/fourteen|Interior Ministry|Which outlets|<w:ins |<w:del |<w:delText|<w:comment[ >]|<w:commentRangeStart|<w:commentReference/);
    expect(Object.keys(clean).filter((name) => /comment/i.test(name))).toEqual([]);
    expect(textOf(clean["word/document.xml"]!)).toContain("Police detained twelve journalists in Accra last May.");
  });

  it("deletes the paragraph break of a suggestion deleting across two paragraphs", async () => {
    const drafted = reviewDraft();
    const across = suggestionThread(drafted, ["last May.", "The courts"], "Courts", { authorName: "Efua Asante", organisationId: null });
    const placement = placeReviewThreads(drafted.binding, drafted.doc, [across], ORGANISATIONS);
    expect(placement.placed.suggestions).toBe(1);
    const bytes = await renderDocx({ ...exportModel(placement.doc, options), comments: placement.comments }, cover);
    const document = readDocx(bytes)["word/document.xml"]!;
    const first = /<w:p>(?:(?!<\/w:p>)[\s\S])*?last May\.[\s\S]*?<\/w:p>/.exec(document)![0];
    expect(first).toMatch(/<w:pPr>[\s\S]*<w:rPr><w:del w:id="\d+" w:author="Efua Asante" w:date="2026-12-02T10:05:00Z"\/><\/w:rPr>[\s\S]*<\/w:pPr>/);
    expect(document).toMatch(/<w:delText[^>]*>The courts<\/w:delText>/);
  });

  // Partners outside Caucus may read it in LibreOffice: its own reader must see the changes and comments.
  it.runIf(libreOfficeAvailable())("opens in LibreOffice with the tracked changes and the comments", () => {
    const { content, regions, annotations } = readWithLibreOffice(buffer);
    expect(content).toContain("<text:tracked-changes");
    expect(regions.some((r) => r.includes("<text:deletion>") && r.includes("Amina Mensah (CR)") && r.includes("twelve"))).toBe(true);
    expect(regions.some((r) => r.includes("<text:insertion>") && r.includes("Amina Mensah (CR)"))).toBe(true);
    expect(regions.some((r) => r.includes("<text:deletion>") && r.includes("Kofi Boateng"))).toBe(true);
    expect(annotations.some((a) => a.includes("Yaw Owusu") && a.includes("Which outlets?"))).toBe(true);
    expect(annotations.some((a) => a.includes("Per the police statement."))).toBe(true);
    expect(content).not.toMatch(/Hidden Defenders|HDC/);
  }, 180_000);
});
