import { beforeAll, describe, expect, it } from "vitest";
import { documentSchema, UN_HEADING_NUMBERING } from "../../core/editor";
import type { ExportCover } from "../../core/export/export-cover";
import { coverOnOwnPage, exportModel } from "../../core/export/export-model";
import { pdfToolsAvailable } from "../../test/export-tools";
import { paragraphs, readDocx } from "../../test/fixtures/export/read-docx";
import { readDocx as importDocx } from "../import/docx/index";
import { renderDocx } from "./docx/docx-document";
import { renderPdf } from "./pdf/render-pdf";
import { flat, readPdf, type PdfReading } from "./pdf/render-pdf.fixtures";

// Both exports of one draft, read back as a reader gets them (the DOCX's XML, the PDF through
// pdftotext): they must put the recommendation's note and the cover where the model says.

const QUOTE = "Keep up its commitment to uphold its human rights treaty obligations and engage constructively with the human rights mechanisms";
const CAPTION = "Recommendation 186.60 (Ghana), A/HRC/25/5, supported";
const INTRO = "The coalition gathered the information below between 2019 and 2023.";

const text = (value: string) => ({ type: "text", text: value });
const draft = documentSchema().nodeFromJSON({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [text("Introduction")] },
    { type: "paragraph", content: [text(INTRO)] },
    {
      type: "recommendation",
      attrs: { text: QUOTE, body: "UPR", symbol: "A/HRC/25/5", paragraph: "186.60", recommendingStates: "Ghana", response: "supported" },
      content: [{ type: "footnote", attrs: { id: "n1" }, content: [{ type: "citation", attrs: { sourceId: "s1", label: "A/HRC/25/5", pinpoint: "para. 186.60" } }, text(".")] }],
    },
    { type: "paragraph", content: [text("The State has not reported on it.")] },
  ],
});

const coverFor = (mechanism: string): ExportCover => ({
  title: "Submission on the follow-up of recommendations",
  mechanism,
  session: "",
  stateUnderReview: "China",
  organisations: ["Human Rights in China (HRIC)"],
  contact: "hric@example.org",
  date: "",
});

interface Exported {
  docx: string;
  /** Each footer part's field codes. */
  footers: Array<{ fields: string[] }>;
  pdf: PdfReading;
}

async function exportBoth(mechanism: string, mechanismName: string): Promise<Exported> {
  const model = exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING, mechanism });
  const cover = coverFor(mechanismName);
  const [docx, pdf] = await Promise.all([renderDocx(model, cover), renderPdf(model, cover)]);
  const parts = readDocx(docx);
  const footerParts = Object.entries(parts).filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
  // The first-page footer of a single section repeats the default one: compare distinct footers.
  const footers = [...new Set(footerParts.map(([, xml]) => JSON.stringify([...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim()))))].map((f) => ({ fields: JSON.parse(f) as string[] }));
  return { docx: parts["word/document.xml"]!, footers, pdf: readPdf(pdf) };
}

/** The DOCX body's paragraphs up to the first heading's, and whether a section ends among them. */
function docxCover(xml: string) {
  const all = paragraphs(xml);
  const heading = all.findIndex((p) => p.text.includes("Introduction"));
  const before = all.slice(0, heading);
  return { lines: before.map((p) => p.text), sectionBreak: before.some((p) => p.xml.includes("<w:sectPr")) };
}

describe("the export model decides where the cover and a recommendation's note go", () => {
  it("gives treaty bodies a cover page of their own, and UPR and special-procedure submissions none", () => {
    expect(coverOnOwnPage("CESCR")).toBe(true);
    expect(coverOnOwnPage("CEDAW")).toBe(true);
    expect(coverOnOwnPage("UPR")).toBe(false);
    expect(coverOnOwnPage("SP")).toBe(false);
    expect(coverOnOwnPage(undefined)).toBe(false);
    const model = exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING, mechanism: "UPR" });
    const block = model.blocks.find((b) => b.kind === "recommendation");
    expect(block).toEqual({ kind: "recommendation", quote: [{ kind: "text", text: QUOTE, marks: {} }, { kind: "note", number: 1 }], provenance: CAPTION });
  });
});

describe.runIf(pdfToolsAvailable())("DOCX and PDF agree", () => {
  let upr: Exported;
  let treaty: Exported;
  beforeAll(async () => {
    [upr, treaty] = await Promise.all([exportBoth("UPR", "Universal Periodic Review"), exportBoth("CESCR", "Committee on Economic, Social and Cultural Rights")]);
  });

  it("put the recommendation's note marker right after the quoted text, and none after the caption", () => {
    for (const { docx, pdf } of [upr, treaty]) {
      const body = paragraphs(docx);
      const quote = body.find((p) => p.text === QUOTE)!;
      const caption = body.find((p) => p.text === CAPTION)!;
      // The footnote reference is the quotation paragraph's last run, and the caption has none.
      expect(quote.xml).toMatch(/<w:footnoteReference w:id="1"\/><\/w:r><\/w:p>$/);
      expect(caption.xml).not.toContain("<w:footnoteReference");
      const printed = flat(pdf.pages.join("\n"));
      expect(printed).toContain(`${QUOTE.split(" ").slice(-3).join(" ")}1`);
      expect(printed).toContain(`${CAPTION} `);
      expect(printed).not.toContain(`${CAPTION}1`);
    }
  });

  it("start a UPR submission's text on the first page, under the cover, in both formats", () => {
    const cover = docxCover(upr.docx);
    expect(cover.lines[0]).toBe("Submission on the follow-up of recommendations");
    expect(cover.sectionBreak).toBe(false);
    // The running header is left off the first page, which has its number.
    expect(upr.docx).toMatch(/<w:titlePg\/>/);
    expect(upr.docx).toMatch(/<w:headerReference w:type="first"/);
    expect(upr.docx).toMatch(/<w:footerReference w:type="first"/);
    const first = flat(upr.pdf.pages[0]!);
    expect(first).toContain("Submission on the follow-up of recommendations");
    expect(first).toContain("Introduction");
    expect(first).toContain(INTRO);
    expect(upr.pdf.pages[0]!.trimEnd().split("\n").at(-1)!.trim()).toBe(`Page 1 of ${upr.pdf.pages.length}`);
  });

  it("put a treaty-body report's cover alone on its first page, in both formats", () => {
    const cover = docxCover(treaty.docx);
    expect(cover.lines[0]).toBe("Submission on the follow-up of recommendations");
    // The cover is a section of its own: the body starts on a new page, counted from 1.
    expect(cover.sectionBreak).toBe(true);
    expect(treaty.docx).toMatch(/<w:pgNumType w:start="1"\/>/);
    // The body's footer says "Page X": a total would count the cover page.
    expect(treaty.footers.map((f) => f.fields)).toEqual([["PAGE"]]);
    expect(upr.footers.map((f) => f.fields)).toEqual([["PAGE", "NUMPAGES"]]);
    const first = flat(treaty.pdf.pages[0]!);
    expect(first).toContain("Submission on the follow-up of recommendations");
    expect(first).not.toContain("Introduction");
    expect(flat(treaty.pdf.pages[1]!)).toContain("Introduction");
    // The PDF counts the text's pages alone (its counter restarts after the cover), so it can print the total.
    expect(treaty.pdf.pages[1]!.trimEnd().split("\n").at(-1)!.trim()).toBe(`Page 1 of ${treaty.pdf.pages.length - 1}`);
  });

  it("read back: the cover of either layout is still found as the cover by the Word reader", async () => {
    for (const mechanism of ["UPR", "CESCR"]) {
      const model = exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING, mechanism });
      const imported = importDocx(new Uint8Array(await renderDocx(model, coverFor("Universal Periodic Review"))));
      expect(imported.report.coverLines, mechanism).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(imported.doc), mechanism).not.toContain("hric@example.org");
    }
  });
});
