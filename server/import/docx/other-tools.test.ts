import type { Node as PMNode } from "@tiptap/pm/model";
import { beforeAll, describe, expect, it } from "vitest";
import { UN_HEADING_NUMBERING } from "../../../core/editor";
import { exportModel } from "../../../core/export/export-model";
import { RICH_COVER, richDraft } from "../../../test/fixtures/export/rich-draft";
import { footnoteTexts, headings, numberedParagraphs, ownText, toNode } from "../../../test/fixtures/import/compare";
import { COMMENT_TEXT, handTypedDocx, NOTE_URL, throughLibreOffice, TYPED_PARAGRAPHS, wordListsDocx } from "../../../test/fixtures/import/other-tools";
import { renderDocx } from "../../export/docx";
import { readDocx, type DocxImport } from "./index";
import { libreOfficeAvailable } from "../../../test/export-tools";

const blocks = (doc: PMNode) => {
  const out: PMNode[] = [];
  doc.forEach((node) => out.push(node));
  return out;
};

describe("readDocx on a file written with the docx package (typed numbers, notes, comments, changes)", () => {
  let imported: DocxImport;
  let doc: PMNode;

  beforeAll(async () => {
    imported = readDocx(await handTypedDocx());
    doc = toNode(imported.doc);
  });

  it("turns typed '1.', '2.', '3.' into numbered paragraphs without the typed numbers", () => {
    expect(numberedParagraphs(doc)).toEqual(TYPED_PARAGRAPHS.map((text, i) => [i + 1, text]));
    expect(imported.report).toMatchObject({ numberedParagraphs: 3, manuallyNumberedParagraphs: 3, headings: 1 });
    expect(blocks(doc).find((b) => ownText(b) === "This paragraph has no number.")?.attrs.numbered).toBe(false);
  });

  it("places footnotes with their links and italics, and turns the endnote into a footnote", () => {
    expect(footnoteTexts(doc)).toEqual([`UPR Info, database, ${NOTE_URL}`, "A/HRC/43/4, para. 12.", "Report of the Special Rapporteur.", "Interview with a defender, 2026."]);
    expect(imported.report).toMatchObject({ footnotes: 3, endnotesConverted: 1 });
    const json = JSON.stringify(imported.doc);
    expect(json).toContain(`{"type":"link","attrs":{"href":"${NOTE_URL}"`);
    expect(json).toMatch(/"marks":\[\{"type":"italic"\}\],"text":"Report"/);
  });

  it("keeps tracked changes as a suggestion: the text as it was before them, the replacement proposed", () => {
    expect(blocks(doc).map(ownText)).toContain("The law was never amended.");
    expect(imported.report).toMatchObject({ trackedChanges: 1, trackedChangesAccepted: 0, trackedChangesLeftOut: 0 });
    expect(imported.suggestions).toEqual([expect.objectContaining({ author: "Amina", date: "2026-11-27T10:00:00.000Z", pieces: [expect.objectContaining({ content: [{ type: "text", text: "recently " }] })] })]);
    const { from, to } = imported.suggestions[0]!;
    expect(doc.textBetween(from, to)).toBe("never ");
  });

  it("drops the image, the text box and the page-number fields, counting them", () => {
    expect(imported.report).toMatchObject({ imagesDropped: 1, textBoxesDropped: 1, fieldsDropped: 2 });
    const texts = blocks(doc).map(ownText);
    expect(texts).toContain("Page  and ");
    expect(texts).toContain("A chart:");
    expect(texts.join(" ")).not.toContain("Boxed aside");
  });

  it("returns the comment with its author, text, quoted text and anchor", () => {
    const index = blocks(doc).findIndex((b) => ownText(b) === TYPED_PARAGRAPHS[1]);
    expect(imported.report.comments).toEqual([
      { author: "Amina", text: COMMENT_TEXT, date: "2026-11-27T10:00:00.000Z", replyTo: null, resolved: false, quotedText: "Defenders face reprisals", anchor: { paragraphIndex: index, offset: 0 } },
    ]);
  });
});

describe("readDocx on Word's own list numbering (written with the docx package)", () => {
  let imported: DocxImport;
  let doc: PMNode;

  beforeAll(async () => {
    imported = readDocx(await wordListsDocx());
    doc = toNode(imported.doc);
  });

  it("makes the body's decimal list numbered paragraphs, continuing across the lists between", () => {
    expect(numberedParagraphs(doc).map(([n]) => n)).toEqual([1, 2, 3, 4]);
    expect(headings(doc)).toEqual([[1, "Outline heading"]]);
  });

  it("keeps (a) with its nested (i) level, restarts the second (a) list, and keeps the bullets", () => {
    const shape = blocks(doc)
      .filter((b) => b.type.name.endsWith("List"))
      .map((list) => {
        const items: string[] = [];
        list.forEach((item) => {
          items.push(ownText(item.firstChild!));
          item.forEach((inner) => {
            if (inner.type.name === "orderedList") inner.forEach((i) => items.push(`  ${inner.attrs.listStyle as string} ${ownText(i)}`));
          });
        });
        return { type: list.type.name, style: list.attrs.listStyle as string | undefined, start: list.attrs.start as number | undefined, items };
      });
    expect(shape).toEqual([
      { type: "orderedList", style: "lower-alpha", start: 1, items: ["alpha;", "beta, namely:", "  lower-roman roman one;", "  lower-roman roman two;"] },
      { type: "orderedList", style: "lower-alpha", start: 1, items: ["restarted alpha;", "restarted beta."] },
      { type: "bulletList", style: undefined, start: undefined, items: ["a point;", "another point."] },
    ]);
  });

  it("keeps http(s) and mailto links (a HYPERLINK field's text too) and drops a javascript: link to text", () => {
    const last = blocks(doc).at(-1)!;
    const runs: Array<[string, string | null]> = [];
    last.forEach((n) => runs.push([n.text ?? "", (n.marks.find((m) => m.type.name === "link")?.attrs.href as string | undefined) ?? null]));
    expect(runs).toEqual([
      ["See ", null],
      ["the report", "https://example.org/report"],
      [", this and ", null],
      ["write to us", "mailto:info@example.org"],
      [".", null],
    ]);
  });
});

describe.runIf(libreOfficeAvailable())("readDocx on our export after a round trip through LibreOffice Writer (ODT and back)", () => {
  const draft = richDraft();
  let doc: PMNode | null = null;

  beforeAll(async () => {
    const exported = await renderDocx(exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), RICH_COVER);
    const converted = throughLibreOffice(exported);
    if (!converted) throw new Error("LibreOffice (soffice) could not convert the file");
    doc = toNode(readDocx(converted).doc);
  }, 180_000);

  it("keeps the numbered paragraphs, headings and footnotes", () => {
    expect(numberedParagraphs(doc!)).toEqual(numberedParagraphs(draft));
    expect(headings(doc!)).toEqual(headings(draft));
    expect(footnoteTexts(doc!)).toEqual(footnoteTexts(draft));
  });
});
