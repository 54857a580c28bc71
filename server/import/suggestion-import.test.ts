import { Slice, type Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import { fromBase64 } from "lib0/buffer";
import { DeletedTextRun, Document, InsertedTextRun, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { SuggestionChangeSchema } from "../../core/suggestions/contract";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { list, numberingOf, p, r, rawDocx } from "../../test/fixtures/import/raw-docx";
import { findTemplate } from "../../templates";
import { readDocx } from "./docx";
import { buildWordDraft, type WordDraft } from "./word-draft";

const template = findTemplate("upr-individual")!;
const DATE = "2026-11-27T10:00:00Z";

/** Raw OOXML of tracked changes, as Word writes them. */
const att = (id: number, author: string) => `w:id="${id}" w:author="${author}" w:date="${DATE}"`;
const ins = (id: number, text: string, author = "Amina") => `<w:ins ${att(id, author)}>${r(text)}</w:ins>`;
const del = (id: number, text: string, author = "Amina") => `<w:del ${att(id, author)}><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
/** A paragraph whose mark was inserted or deleted by `author`. */
const markP = (kind: "ins" | "del", id: number, runs: string[], author = "Amina", pPr = "") => `<w:p><w:pPr>${pPr}<w:rPr><w:${kind} ${att(id, author)}/></w:rPr></w:pPr>${runs.join("")}</w:p>`;

/** The built draft's body as the Y.Doc holds it, and each suggestion's range resolved from its anchors. */
function opened(built: WordDraft) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, built.state);
  const body = ydoc.getXmlFragment(BODY_FIELD);
  const { doc, mapping } = initProseMirrorDoc(body, documentSchema());
  // resolveAnchor reports an empty range (an insertion's) as gone: each end is resolved here.
  const position = (encoded: string) => relativePositionToAbsolutePosition(ydoc, body, Y.decodeRelativePosition(fromBase64(encoded)), mapping as Parameters<typeof relativePositionToAbsolutePosition>[3]);
  const ranges = built.suggestions.map((s) => {
    const from = position(s.anchor.start);
    const to = position(s.anchor.end);
    return from === null || to === null ? null : { from, to };
  });
  return { doc, ydoc, body, mapping, ranges };
}

/** Paragraph texts, a footnote's text in brackets where it stands. */
function texts(doc: PMNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let text = "";
    node.forEach((child) => {
      if (child.isText) text += child.text;
      else if (child.type.name === "footnote") text += `[${child.textContent}]`;
    });
    out.push(`${node.type.name === "heading" ? "# " : ""}${text}`);
    return false;
  });
  return out;
}

/** The document with every suggestion accepted (the editor's accept is this replace), last first so earlier positions hold. */
function allAccepted(built: WordDraft): PMNode {
  const { doc, ranges } = opened(built);
  const schema = documentSchema();
  const tr = new Transform(doc);
  // Insertions resolve to one position: their range is empty.
  const placed = built.suggestions.map((s, i) => ({ from: ranges[i]!.from, to: s.deleted ? ranges[i]!.to : ranges[i]!.from, insert: s.insert }));
  // Last first; of two at one place, the later first, so the earlier ends up before it.
  const order = placed.map((change, index) => ({ ...change, index })).sort((a, b) => b.from - a.from || b.index - a.index);
  for (const { from, to, insert } of order) tr.replace(from, to, insert ? Slice.fromJSON(schema, insert) : Slice.empty);
  tr.doc.check();
  return tr.doc;
}

const docxOf = async (children: Paragraph[]) => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));

describe("Word tracked changes imported as suggestions", () => {
  it("keeps the text as it was and proposes the change: a deletion and an insertion by one author are one replacement", async () => {
    const bytes = await docxOf([
      new Paragraph({
        children: [
          new TextRun("The law was "),
          new DeletedTextRun({ id: 1, author: "Amina", date: DATE, text: "never" }),
          new InsertedTextRun({ id: 2, author: "Amina", date: DATE, text: "recently" }),
          new TextRun(" amended in "),
          new InsertedTextRun({ id: 3, author: "Kofi", date: "2026-11-28T08:30:00Z", text: "March " }),
          new TextRun("2024"),
          new DeletedTextRun({ id: 4, author: "Kofi", date: "2026-11-28T08:31:00Z", text: ", reportedly" }),
          new TextRun("."),
        ],
      }),
    ]);
    const built = buildWordDraft(bytes, template);
    const { doc, ranges } = opened(built);
    expect(texts(doc)).toEqual(["The law was never amended in 2024, reportedly."]);
    expect(built.report).toMatchObject({ trackedChanges: 3, trackedChangesAccepted: 0, trackedChangesLeftOut: 0, formattingChanges: 0 });
    expect(built.suggestions.map(({ anchor, ...rest }) => ({ ...rest, quote: anchor.quote }))).toEqual([
      { deleted: "never", quote: "never", insert: { content: [{ type: "text", text: "recently" }], openStart: 0, openEnd: 0 }, authorName: "Amina", date: "2026-11-27T10:00:00.000Z", ownChange: false },
      { deleted: "", quote: "", insert: { content: [{ type: "text", text: "March " }], openStart: 0, openEnd: 0 }, authorName: "Kofi", date: "2026-11-28T08:30:00.000Z", ownChange: false },
      { deleted: ", reportedly", quote: ", reportedly", insert: null, authorName: "Kofi", date: "2026-11-28T08:31:00.000Z", ownChange: false },
    ]);
    // The anchors resolve on the stored Y.Doc to the words each change replaces.
    expect(ranges.map((range) => range && doc.textBetween(range.from, range.to))).toEqual(["never", "", ", reportedly"]);
    expect(texts(allAccepted(built))).toEqual(["The law was recently amended in March 2024."]);
    // Every placed change is a valid suggestion change for the contract.
    for (const s of built.suggestions) expect(SuggestionChangeSchema.safeParse(s).success).toBe(true);
  });

  it("keeps a deletion and an insertion by two authors apart, and links only the importer's own changes", async () => {
    const bytes = rawDocx({ body: p([r("Police "), del(1, "arrested", "Amina"), ins(2, "detained", "KOFI  Mensah"), r(" twelve.")]) });
    const built = buildWordDraft(bytes, template, "Kofi Mensah");
    expect(built.suggestions.map((s) => [s.authorName, s.deleted, s.ownChange])).toEqual([
      ["Amina", "arrested", false],
      ["KOFI  Mensah", "", true],
    ]);
    expect(texts(allAccepted(built))).toEqual(["Police detained twelve."]);
  });

  it("deletes across two paragraphs as one suggestion, and whole paragraphs as blocks", () => {
    const bytes = rawDocx({
      body: [
        markP("del", 1, [r("Arrests rose. "), del(2, "Police detained twelve")]),
        p([del(3, "journalists in Accra "), r("last May.")]),
        p("Second paragraph."),
        markP("del", 4, [del(5, "A paragraph to drop.", "Kofi")], "Kofi"),
        p("# Heading", { style: "Heading1" }),
      ].join(""),
      styles: `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`,
    });
    const built = buildWordDraft(bytes, template);
    const { doc } = opened(built);
    expect(texts(doc)).toEqual(["Arrests rose. Police detained twelve", "journalists in Accra last May.", "Second paragraph.", "A paragraph to drop.", "# # Heading"]);
    expect(built.suggestions.map((s) => [s.authorName, s.deleted])).toEqual([
      ["Amina", "Police detained twelve\njournalists in Accra "],
      ["Kofi", "A paragraph to drop."],
    ]);
    // The heading after the deleted paragraph stays a heading.
    expect(texts(allAccepted(built))).toEqual(["Arrests rose. last May.", "Second paragraph.", "# # Heading"]);
  });

  it("proposes an inserted paragraph as a paragraph, whether Word marked its own break or the one before", () => {
    const bytes = rawDocx({
      body: [
        // Enter at the end of the first paragraph, then typed: Word marks the first paragraph's break as inserted.
        markP("ins", 1, [r("First paragraph.")]),
        p([ins(2, "A new paragraph after it.")]),
        // Enter at the start of the third, typed, then the break: the new paragraph's own break is inserted.
        markP("ins", 3, [ins(4, "A new paragraph before the third.", "Kofi")], "Kofi"),
        p("Third paragraph."),
      ].join(""),
    });
    const built = buildWordDraft(bytes, template);
    const { doc } = opened(built);
    expect(texts(doc)).toEqual(["First paragraph.", "Third paragraph."]);
    expect(built.suggestions.map((s) => [s.authorName, s.deleted, s.insert?.content.map((n) => n.type), s.insert?.openStart])).toEqual([
      ["Amina", "", ["paragraph"], 0],
      ["Kofi", "", ["paragraph"], 0],
    ]);
    expect(texts(allAccepted(built))).toEqual(["First paragraph.", "A new paragraph after it.", "A new paragraph before the third.", "Third paragraph."]);
  });

  it("proposes a new numbered paragraph of the body's numbering as a numbered paragraph", () => {
    const numPr = `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`;
    const bytes = rawDocx({
      numbering: numberingOf(list(1, [["decimal", "%1."]])),
      body: [p("First numbered.", { numId: 1 }), markP("ins", 1, [ins(2, "A new numbered paragraph.")], "Amina", numPr), p("Second numbered.", { numId: 1 }), p("Third numbered.", { numId: 1 })].join(""),
    });
    const built = buildWordDraft(bytes, template);
    expect(built.report.numberedParagraphs).toBe(3);
    expect(built.suggestions[0]!.insert).toEqual({ content: [{ type: "paragraph", attrs: { numbered: true }, content: [{ type: "text", text: "A new numbered paragraph." }] }], openStart: 0, openEnd: 0 });
    const numbered: string[] = [];
    allAccepted(built).forEach((block) => void (block.attrs.numbered && numbered.push(block.textContent)));
    expect(numbered).toEqual(["First numbered.", "A new numbered paragraph.", "Second numbered.", "Third numbered."]);
  });

  it("still finds numbers typed as text when a renumbering was tracked in them, leaving those changes out (Caucus numbers)", () => {
    const renumbered = (from: number, to: number, text: string, id: number) => p([del(id, String(from)), ins(id + 1, String(to)), r(`. ${text}`)]);
    const bytes = rawDocx({
      body: [
        p("1. Arrests rose in the capital."),
        markP("ins", 1, [ins(2, "2. A new paragraph on the north.")]),
        renumbered(2, 3, "Journalists were detained.", 3),
        renumbered(3, 4, "Reprisals continue.", 5),
      ].join(""),
    });
    const built = buildWordDraft(bytes, template);
    expect(built.report).toMatchObject({ manuallyNumberedParagraphs: 3, numberedParagraphs: 3, trackedChanges: 3, trackedChangesLeftOut: 2 });
    expect(texts(opened(built).doc)).toEqual(["Arrests rose in the capital.", "Journalists were detained.", "Reprisals continue."]);
    expect(built.suggestions.map((s) => s.insert?.content[0]?.type)).toEqual(["paragraph"]);
  });

  it("splits a paragraph where a break was inserted inside it, and joins it back in the accepted text", () => {
    const bytes = rawDocx({ body: [markP("ins", 1, [r("Before the break,"), ins(2, " and more")]), p([ins(3, "Inserted start. "), r("after the break.")])].join("") });
    const built = buildWordDraft(bytes, template);
    expect(texts(opened(built).doc)).toEqual(["Before the break,after the break."]);
    expect(built.suggestions).toHaveLength(1);
    expect(built.suggestions[0]!.insert).toMatchObject({ openStart: 1, openEnd: 1 });
    expect(texts(allAccepted(built))).toEqual(["Before the break, and more", "Inserted start. after the break."]);
  });

  it("keeps changes inside table cells, each cell's apart, and keeps an inserted break at a cell's end", () => {
    const cell = (content: string) => `<w:tc>${content}</w:tc>`;
    const bytes = rawDocx({
      body: [
        `<w:tbl><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid><w:tr>`,
        cell(p([r("Ghana "), del(1, "2024"), ins(2, "2025")])),
        cell(markP("del", 3, [r("Left "), del(4, "across")], "Kofi")),
        `</w:tr><w:tr>`,
        cell(p([del(5, "cells", "Kofi"), r(" right")])),
        cell(markP("ins", 6, [r("Last cell")], "Kofi")),
        `</w:tr></w:tbl>`,
        p("After the table."),
      ].join(""),
    });
    const built = buildWordDraft(bytes, template);
    expect(texts(opened(built).doc)).toEqual(["Ghana 2024", "Left across", "cells right", "Last cell", "After the table."]);
    // A cell's last break, deleted, joins nothing; a change stops at the cell's edge, so Kofi's deletion in the next cell is its own.
    expect(built.suggestions.map((s) => [s.authorName, s.deleted, s.insert?.content])).toEqual([
      ["Amina", "2024", [{ type: "text", text: "2025" }]],
      ["Amina", "across", undefined],
      ["Kofi", "cells", undefined],
    ]);
    expect(built.report).toMatchObject({ trackedChanges: 3, trackedChangesLeftOut: 0, trackedChangesAccepted: 1 });
  });

  it("keeps changes inside a footnote, and a footnote inserted with its reference, as suggestions", () => {
    const footnotes = [
      `<w:footnote w:id="1"><w:p>${r("Report, ")}${ins(10, "p. 4")}${r(".")}</w:p></w:footnote>`,
      `<w:footnote w:id="2"><w:p>${r("A/HRC/43/4, para. 12.")}</w:p></w:footnote>`,
    ].join("");
    const noteRef = (id: number) => `<w:r><w:footnoteReference w:id="${id}"/></w:r>`;
    const bytes = rawDocx({ footnotes, body: p([r("A claim."), noteRef(1), r(" Another claim."), `<w:ins ${att(11, "Kofi")}>${noteRef(2)}</w:ins>`]) });
    const built = buildWordDraft(bytes, template);
    const { doc, ranges } = opened(built);
    expect(texts(doc)).toEqual(["A claim.[Report, .] Another claim."]);
    expect(built.report).toMatchObject({ footnotes: 1, trackedChanges: 2 });
    const [inNote, newNote] = built.suggestions;
    expect(inNote).toMatchObject({ authorName: "Amina", deleted: "", insert: { content: [{ type: "text", text: "p. 4" }] } });
    // The insertion's place is inside the note's text.
    expect(doc.resolve(ranges[0]!.from).parent.type.name).toBe("footnote");
    expect(newNote).toMatchObject({ authorName: "Kofi", deleted: "", insert: { content: [{ type: "footnote", content: [{ type: "text", text: "A/HRC/43/4, para. 12." }] }] } });
    expect(texts(allAccepted(built))).toEqual(["A claim.[Report, p. 4.] Another claim.[A/HRC/43/4, para. 12.]"]);
  });

  it("treats a move as a deletion where the text was and an insertion where it went", () => {
    const bytes = rawDocx({
      body: [
        p([r("Alpha. "), `<w:moveFrom ${att(1, "Amina")}><w:r><w:t>Moved words. </w:t></w:r></w:moveFrom>`, r("Beta.")]),
        p([r("Gamma. "), `<w:moveTo ${att(2, "Amina")}><w:r><w:t>Moved words. </w:t></w:r></w:moveTo>`, r("Delta.")]),
      ].join(""),
    });
    const built = buildWordDraft(bytes, template);
    expect(texts(opened(built).doc)).toEqual(["Alpha. Moved words. Beta.", "Gamma. Delta."]);
    expect(built.suggestions.map((s) => [s.deleted, s.insert?.content])).toEqual([
      ["Moved words. ", undefined],
      ["", [{ type: "text", text: "Moved words. " }]],
    ]);
    expect(texts(allAccepted(built))).toEqual(["Alpha. Beta.", "Gamma. Moved words. Delta."]);
  });

  it("keeps the new formatting of a tracked formatting change and counts it; inserted text keeps its marks", () => {
    const bytes = rawDocx({
      body: p([r("Bold now", "<w:b/><w:rPrChange w:id=\"1\" w:author=\"Amina\"><w:rPr/></w:rPrChange>"), r(" and "), `<w:ins ${att(2, "Amina")}>${r("italic", "<w:i/>")}</w:ins>`]),
    });
    const built = buildWordDraft(bytes, template);
    expect(built.report).toMatchObject({ formattingChanges: 1, trackedChanges: 1 });
    expect(JSON.stringify(built.content)).toContain('"marks":[{"type":"bold"}],"text":"Bold now"');
    expect(built.suggestions[0]!.insert?.content).toEqual([{ type: "text", text: "italic", marks: [{ type: "italic" }] }]);
  });

  it("leaves text inserted and then deleted out of both texts, and drops text deleted in an insertion", () => {
    const bytes = rawDocx({ body: p([r("Keep. "), `<w:ins ${att(1, "Amina")}><w:del ${att(2, "Kofi")}><w:r><w:delText>Gone.</w:delText></w:r></w:del>${r("Stays.")}</w:ins>`]) });
    const built = buildWordDraft(bytes, template);
    expect(texts(opened(built).doc)).toEqual(["Keep. "]);
    expect(built.suggestions.map((s) => s.insert?.content)).toEqual([[{ type: "text", text: "Stays." }]]);
  });

  it("takes a change in the cover block out with the cover, counting it as left out", () => {
    const bytes = rawDocx({
      body: [p([r("Joint submission by "), ins(1, "CDD-Ghana and ")], { jc: "center" }), p("Contact: info@example.org", { jc: "center" }), p("# Introduction", { style: "Heading1" }), p([r("Body "), del(2, "text")])].join(""),
      styles: `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>`,
    });
    const imported = readDocx(bytes);
    expect(imported.cover).not.toBeNull();
    expect(JSON.stringify(imported.cover)).not.toMatch(/[\uFDD0-\uFDEF]/);
    expect(imported.report).toMatchObject({ trackedChanges: 2, trackedChangesLeftOut: 1 });
    expect(imported.suggestions).toHaveLength(1);
    expect(JSON.stringify(imported.doc)).not.toMatch(/[\uFDD0-\uFDEF]/);
  });

  it("removes the noncharacters the marks are made of from a file's own text", () => {
    const bytes = rawDocx({ body: p([r("Odd \uFDD0\uFDE0\uFDE0\uFDE0\uFDE0text"), del(1, "gone")]) });
    const imported = readDocx(bytes);
    expect(imported.suggestions).toHaveLength(1);
    expect(JSON.stringify(imported.doc)).toContain("Odd textgone");
  });

  it("keeps at most the limit as suggestions and accepts the rest, counting them (a hostile file's thousands of changes)", () => {
    const body = Array.from({ length: 30 }, (_, i) => p([r(`Para ${i} `), ins(2 * i, "new"), r(" "), del(2 * i + 1, "old", "Kofi")])).join("");
    const limited = readDocx(rawDocx({ body }), { maxSuggestions: 10 });
    expect(limited.report).toMatchObject({ trackedChanges: 10, trackedChangesAccepted: 50, trackedChangesLeftOut: 0 });
    expect(limited.suggestions).toHaveLength(10);
    const text = (limited.doc.content as Array<{ content: Array<{ text: string }> }>).map((b) => b.content.map((c) => c.text).join(""));
    // The first five paragraphs as they were (their changes are suggestions); past the limit, insertions kept and deletions made.
    expect(text[0]).toBe("Para 0  old");
    expect(text[29]).toBe("Para 29 new ");
  });

  it("bounds the default limit at 5,000 suggestions a file, the rest counted", () => {
    const body = Array.from({ length: 2_501 }, (_, i) => p([r(`Paragraph ${i} of a long submission, `), ins(2 * i, "a"), r(" "), del(2 * i + 1, "b", "Kofi")])).join("");
    const imported = readDocx(rawDocx({ body }));
    expect(imported.report).toMatchObject({ trackedChanges: 5_000, trackedChangesAccepted: 2 });
    expect(imported.suggestions).toHaveLength(5_000);
  });
});
