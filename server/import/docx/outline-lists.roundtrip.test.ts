/**
 * Heading 4 and the list styles, through the whole way a submission travels: a Word file built
 * here (raw OOXML, as Word writes it) → readDocx → the editor's document → the export model →
 * our DOCX (its styles and numbering parts read back, then read again by readDocx) and our PDF
 * (its text read by pdftotext).
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import { beforeAll, describe, expect, it } from "vitest";
import { UN_HEADING_NUMBERING } from "../../../core/editor";
import { exportModel, type ExportDocument } from "../../../core/export/export-model";
import { pdfToolsAvailable } from "../../../test/export-tools";
import { paragraphs, readDocx as readParts, type Parts } from "../../../test/fixtures/export/read-docx";
import { headings, toNode } from "../../../test/fixtures/import/compare";
import { list, numberingOf, p, rawDocx, style } from "../../../test/fixtures/import/raw-docx";
import { renderDocx } from "../../export/docx";
import { renderPdf } from "../../export/pdf/render-pdf";
import { flat, readPdf } from "../../export/pdf/render-pdf.fixtures";
import { readDocx } from "./index";

const COVER = { title: "Outline and lists", mechanism: "", session: "", stateUnderReview: "", organisations: [], contact: "", date: "" };

const STYLES = [1, 2, 3, 4].map((level) => style("paragraph", `Heading${level}`, { name: `heading ${level}` })).join("");

/**
 * [numFmt, lvlText, label font]: how Word writes each style; the editor's style it must become;
 * the labels of its two items in our PDF (the arrow is drawn, not a character, so it prints none).
 */
const LISTS: Array<{ level: [string, string, string?]; style: string; printed: [string, string] }> = [
  { level: ["decimal", "(%1)"], style: "decimal-parenthesised", printed: ["(1)", "(2)"] },
  { level: ["upperRoman", "%1."], style: "upper-roman", printed: ["I.", "II."] },
  { level: ["lowerLetter", "%1."], style: "lower-alpha-period", printed: ["a.", "b."] },
  { level: ["bullet", "o", "Courier New"], style: "circle", printed: ["◦", "◦"] },
  { level: ["bullet", "\uF0A7", "Wingdings"], style: "square", printed: ["▪", "▪"] },
  { level: ["bullet", "\uF0D8", "Wingdings"], style: "arrow", printed: ["", ""] },
  { level: ["bullet", "–"], style: "dash", printed: ["–", "–"] },
];

function wordFile(): Uint8Array {
  const lists = LISTS.map(({ level }, i) => list(20 + i, [level]));
  const numbered = [1, 2, 3].map((n) => p(`Body paragraph ${n}.`, { numId: 9 }));
  const listed = LISTS.flatMap((_, i) => [p(`First of list ${i}`, { numId: 20 + i }), p(`Second of list ${i}`, { numId: 20 + i }), p(`After list ${i}.`)]);
  return rawDocx({
    styles: STYLES,
    numbering: numberingOf(list(9, [["decimal", "%1."]]), ...lists),
    body: [
      p("Civil and political rights", { style: "Heading1" }),
      p("Fundamental freedoms", { style: "Heading2" }),
      p("Expression", { style: "Heading3" }),
      p("Online expression", { style: "Heading4" }),
      ...numbered,
      p("Press", { style: "Heading4" }),
      ...listed,
    ].join(""),
  });
}

/** Each list's style attribute, in document order. */
function listStyles(doc: PMNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (node.type.name === "orderedList") out.push(String(node.attrs.listStyle));
    if (node.type.name === "bulletList") out.push(String(node.attrs.bulletStyle));
    return true;
  });
  return out;
}

describe("a Word file with Heading 1–4 and real list styles, imported and exported", () => {
  let doc: PMNode;
  let model: ExportDocument;
  let parts: Parts;

  beforeAll(async () => {
    const imported = readDocx(wordFile());
    expect(imported.report.listsRestyled).toBe(0);
    doc = toNode(imported.doc);
    doc.check();
    model = exportModel(doc, { language: "en", headingNumbering: UN_HEADING_NUMBERING });
    parts = readParts(await renderDocx(model, COVER));
  });

  it("imports four heading levels and every list in its own style", () => {
    expect(headings(doc)).toEqual([
      [1, "Civil and political rights"],
      [2, "Fundamental freedoms"],
      [3, "Expression"],
      [4, "Online expression"],
      [4, "Press"],
    ]);
    expect(listStyles(doc)).toEqual(LISTS.map((l) => l.style));
  });

  it("labels the fourth level (a), (b) in the export model", () => {
    const labels = model.blocks.flatMap((b) => (b.kind === "heading" ? [`${b.level} ${b.label}`] : []));
    expect(labels).toEqual(["1 I.", "2 A.", "3 1.", "4 (a)", "4 (b)"]);
  });

  it("exports the fourth level in Word's Heading 4 style, which the styles part defines", () => {
    const heading4 = paragraphs(parts["word/document.xml"]!).filter((para) => para.xml.includes('<w:pStyle w:val="Heading4"/>'));
    expect(heading4.map((para) => para.text)).toEqual(["(a)\tOnline expression", "(b)\tPress"]);
    expect(parts["word/styles.xml"]).toMatch(/<w:style [^>]*w:styleId="Heading4"/);
  });

  it("exports each list's label as Word writes it: (%1), upper roman, Courier New o, Wingdings square and arrow, the dash", () => {
    const numbering = parts["word/numbering.xml"]!;
    const levels = [...numbering.matchAll(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g)].map(([xml]) => ({
      format: /<w:numFmt w:val="(\w+)"/.exec(xml)?.[1],
      text: /<w:lvlText w:val="([^"]*)"/.exec(xml)?.[1],
      font: /<w:rFonts w:ascii="([^"]*)"/.exec(xml)?.[1],
    }));
    expect(levels).toEqual(
      expect.arrayContaining([
        { format: "decimal", text: "(%1)", font: undefined },
        { format: "upperRoman", text: "%1.", font: undefined },
        { format: "lowerLetter", text: "%1.", font: undefined },
        { format: "bullet", text: "o", font: "Courier New" },
        { format: "bullet", text: "\uF0A7", font: "Wingdings" },
        { format: "bullet", text: "\uF0D8", font: "Wingdings" },
        { format: "bullet", text: "–", font: undefined },
      ]),
    );
  });

  it("reads our own export back with the same four levels and list styles", async () => {
    const again = toNode(readDocx(await renderDocx(model, COVER)).doc);
    expect(headings(again)).toEqual(headings(doc));
    expect(listStyles(again)).toEqual(listStyles(doc));
  });

  it.runIf(pdfToolsAvailable())("prints the (a) headings and each list's label in the PDF", async () => {
    const text = flat(readPdf(await renderPdf(model, COVER)).pages.join(" "));
    expect(text).toContain("(a) Online expression");
    expect(text).toContain("(b) Press");
    LISTS.forEach(({ printed: [first, second] }, i) => {
      expect(text).toContain(`${first} First of list ${i}`.trim());
      expect(text).toContain(`${second} Second of list ${i}`.trim());
    });
  });
});
