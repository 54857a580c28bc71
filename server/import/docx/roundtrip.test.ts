import type { Node as PMNode } from "@tiptap/pm/model";
import { beforeAll, describe, expect, it } from "vitest";
import { newFootnoteId, UN_HEADING_NUMBERING } from "../../../core/editor";
import { exportModel } from "../../../core/export/export-model";
import { footnoteTexts, headings, numberedParagraphs, ownText, textBeforeNotes, toNode } from "../../../test/fixtures/import/compare";
import { ARABIC_TEXT, RICH_COVER, richDraft } from "../../../test/fixtures/export/rich-draft";
import { renderDocx } from "../../export/docx";
import { readDocx, type DocxImport } from "./index";

/** The draft exported by our own DOCX writer, read back. */
describe("readDocx on our own export of the rich draft", () => {
  const draft = richDraft();
  let imported: DocxImport;
  let doc: PMNode;

  beforeAll(async () => {
    const bytes = await renderDocx(exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), RICH_COVER);
    imported = readDocx(bytes);
    doc = toNode(imported.doc);
  });

  it("gives a valid document of the editor's schema, in the export's language", () => {
    expect(() => doc.check()).not.toThrow();
    expect(imported.language).toBe("en");
  });

  it("takes the cover block out of the body and reads it back into the cover's fields", () => {
    // The exporter prints the cover above the body; Caucus keeps it in a form beside the body, so it must not come back as text.
    expect(doc.firstChild!.type.name).toBe("heading");
    const { mechanism: _printedBeforeTheSession, ...fields } = RICH_COVER;
    expect(imported.cover).toMatchObject(fields);
    expect(imported.cover!.lines).toEqual([
      RICH_COVER.title,
      `${RICH_COVER.mechanism}, ${RICH_COVER.session}`,
      `State under review: ${RICH_COVER.stateUnderReview}`,
      "Joint submission by:",
      ...RICH_COVER.organisations,
      `Contact: ${RICH_COVER.contact}`,
      "27 November 2026",
    ]);
    expect(imported.report.coverLines).toBe(8);
  });

  it("keeps every numbered paragraph with the same number and text, in order", () => {
    const before = numberedParagraphs(draft);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(numberedParagraphs(doc)).toEqual(before);
    expect(imported.report.numberedParagraphs).toBe(before.length);
  });

  it("keeps the headings' text and level, without the exported labels", () => {
    expect(headings(doc)).toEqual(headings(draft));
    expect(imported.report.headings).toBe(4);
  });

  it("brings every footnote back with its text, at the same place", () => {
    expect(footnoteTexts(doc)).toEqual(footnoteTexts(draft));
    expect(imported.report.footnotes).toBe(50);
    const before = textBeforeNotes(draft);
    const after = textBeforeNotes(doc);
    expect(after).toHaveLength(before.length);
    // A recommendation block comes back as paragraphs whose provenance line now precedes its note.
    const compared = before.flatMap((note, i) => (note.parent === "recommendation" ? [] : [[note.before, after[i]!.before]]));
    expect(compared.length).toBe(49);
    for (const [was, is] of compared) expect(is).toBe(was);
  });

  it("gives every footnote its own id, shaped like the ids the editor makes", () => {
    const ids: string[] = [];
    doc.descendants((node) => {
      if (node.type.name === "footnote") ids.push(node.attrs.id as string);
      return true;
    });
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(new RegExp(`^[0-9a-f]{${newFootnoteId().length}}$`));
  });

  it("keeps links and italics inside footnotes", () => {
    const notes: PMNode[] = [];
    doc.descendants((node) => {
      if (node.type.name === "footnote") notes.push(node);
      return true;
    });
    const hrefs = (note: PMNode) => {
      const out: string[] = [];
      note.descendants((n) => {
        for (const mark of n.marks) if (mark.type.name === "link") out.push(mark.attrs.href as string);
      });
      return out;
    };
    expect(hrefs(notes[0]!)).toEqual(["http://www.ohchr.org/en/hrbodies/upr/pages/uprmain.aspx"]);
    let italic = false;
    notes[2]!.descendants((n) => {
      italic ||= n.marks.some((m) => m.type.name === "italic");
    });
    expect(italic).toBe(true);
  });

  it("keeps the (a) list with its nested (i) list and the list restarting at (c)", () => {
    const lists: Array<{ style: string; start: number; depth: number }> = [];
    doc.descendants((node, _pos, parent) => {
      if (node.type.name === "orderedList") lists.push({ style: node.attrs.listStyle as string, start: node.attrs.start as number, depth: parent?.type.name === "listItem" ? 1 : 0 });
      return true;
    });
    expect(lists.slice(0, 3)).toEqual([
      { style: "lower-alpha", start: 1, depth: 0 },
      { style: "lower-roman", start: 1, depth: 1 },
      { style: "lower-alpha", start: 3, depth: 0 },
    ]);
  });

  it("keeps the table with its header row, and the Arabic paragraph right to left in Arabic", () => {
    const tables: PMNode[] = [];
    doc.forEach((node) => {
      if (node.type.name === "table") tables.push(node);
    });
    expect(tables).toHaveLength(1);
    expect(tables[0]!.childCount).toBe(3);
    expect(tables[0]!.firstChild!.firstChild!.type.name).toBe("tableHeader");
    expect(ownText(tables[0]!.firstChild!.firstChild!)).toBe("Recommendation");
    let arabic: PMNode | undefined;
    doc.forEach((node) => {
      if (ownText(node) === ARABIC_TEXT) arabic = node;
    });
    expect(arabic?.attrs).toMatchObject({ dir: "rtl", lang: "ar", numbered: true });
  });
});

describe("readDocx on an export with a table of contents", () => {
  it("drops the TOC field's entries and page numbers, keeping headings and numbered paragraphs", async () => {
    const draft = richDraft();
    const imported = readDocx(await renderDocx(exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), RICH_COVER, { tableOfContents: true }));
    const doc = toNode(imported.doc);
    expect(headings(doc)).toEqual(headings(draft));
    expect(numberedParagraphs(doc)).toEqual(numberedParagraphs(draft));
    const texts: string[] = [];
    doc.forEach((node) => texts.push(ownText(node)));
    expect(texts.filter((t) => t.includes("Introduction"))).toEqual(["Introduction"]);
    expect(imported.report.fieldsDropped).toBeGreaterThan(0);
  });
});
