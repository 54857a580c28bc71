import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { documentSchema, UN_HEADING_NUMBERING } from "../../../core/editor";
import type { ExportCover } from "../../../core/export/export-cover";
import { exportModel, type ExportDocument } from "../../../core/export/export-model";

/**
 * Documents for the PDF tests, built as the editor builds them (core/editor schema → export
 * model), and the PDF read back with poppler as a person's PDF reader would.
 */

const NOTES = fileURLToPath(new URL("../../../test/fixtures/library/citations-sample.json", import.meta.url));

/** The real NGO footnotes of the library fixture (the research data's citations.json, docs/data.md, a subset). */
export const realNotes = (): string[] => (JSON.parse(readFileSync(NOTES, "utf8")) as { notes: Array<{ raw: string }> }).notes.map((n) => n.raw.trim()).filter(Boolean);

const text = (value: string, marks: unknown[] = []) => ({ type: "text", text: value, ...(marks.length ? { marks } : {}) });
const note = (id: string, value: string) => ({ type: "footnote", attrs: { id }, content: [text(value)] });
const heading = (level: number, value: string) => ({ type: "heading", attrs: { level }, content: [text(value)] });
const link = (href: string, value = href) => text(value, [{ type: "link", attrs: { href } }]);

export const LONG_URL = "https://www.ohchr.org/en/hr-bodies/upr/upr-main/documentation/submissions-by-stakeholders/fourth-cycle/china-joint-submission-annex-2.pdf";
export const ARABIC = "تؤكد المنظمات المشاركة أن حرية التعبير مكفولة بموجب الدستور، لكن تطبيقها ما زال محدودا.";
export const CHINESE = "宪法规定公民有言论、出版、集会、结社、游行、示威的自由，但实施仍然有限。";

export const RICH_COVER: ExportCover = {
  title: "Joint submission on the Universal Periodic Review of China",
  mechanism: "Universal Periodic Review",
  session: "45th session",
  stateUnderReview: "China",
  organisations: ["Ghana Human Rights Network (GHRN)", "Coalition for Rights (CR)"],
  contact: "coalition@example.org",
  date: "March 2026",
};

const SENTENCES = [
  "Since its last review the State has adopted a law on public gatherings that requires prior authorisation.",
  "Human rights defenders documented at least forty arrests of peaceful protesters in the capital during the period.",
  "The Committee recommended that legal aid be made available to every person facing criminal charges.",
  "Women in rural areas continue to face barriers to registering land in their own names.",
];

/**
 * Cover, headings, 40 numbered paragraphs carrying 60 real notes, a table, lists, a quoted
 * recommendation, an Arabic and a Chinese paragraph. Each marker follows "(source n)", so a test
 * can find the page a marker is on; `notes[n - 1]` is note n's text.
 */
export function richDocument(): { model: ExportDocument; cover: ExportCover; notes: string[] } {
  const texts = realNotes();
  const notes: string[] = [];
  const content: unknown[] = [heading(1, "Introduction")];
  for (let p = 0; p < 40; p++) {
    if (p === 12) content.push(heading(1, "Civil and political rights"), heading(2, "Freedom of expression"));
    if (p === 26) content.push(heading(2, "Freedom of assembly"));
    if (p === 20) content.push({ type: "paragraph", attrs: { lang: "ar", dir: "rtl" }, content: [text(ARABIC)] });
    else if (p === 21) content.push({ type: "paragraph", attrs: { lang: "zh" }, content: [text(CHINESE)] });
    else {
      const inline: unknown[] = [text(`${SENTENCES[p % 4]} ${SENTENCES[(p + 1) % 4]} `)];
      // 60 notes spread evenly over the 38 paragraphs in English: one or two each.
      const k = p < 20 ? p : p - 2;
      for (let due = Math.floor(((k + 1) * 60) / 38) - notes.length; due > 0; due--) {
        const number = notes.length + 1;
        notes.push(texts[(number - 1) % texts.length]!);
        inline.push(text(`As reported (source\u00A0${number})`), note(`n${number}`, notes[number - 1]!), text(`. ${SENTENCES[(p + 2) % 4]} `));
      }
      if (p === 3) inline.push(text("The submissions are listed at "), link(LONG_URL), text("."));
      content.push({ type: "paragraph", content: inline });
    }
    if (p === 5) {
      content.push({ type: "paragraph", attrs: { numbered: false }, content: [text("The coalition recommends that the State:")] });
      content.push({ type: "orderedList", attrs: { listStyle: "lower-alpha", start: 1 }, content: ["Repeal the law on gatherings;", "Release those detained."].map((item) => ({ type: "listItem", content: [{ type: "paragraph", content: [text(item)] }] })) });
    }
    if (p === 30) {
      const row = (cells: string[], kind: string) => ({ type: "tableRow", content: cells.map((c) => ({ type: kind, content: [{ type: "paragraph", content: [text(c)] }] })) });
      content.push({ type: "table", content: [row(["Recommendation", "Response", "Status"], "tableHeader"), row(["186.60", "Noted", "Not implemented"], "tableCell"), row(["186.61", "Supported", "Partially implemented"], "tableCell")] });
      content.push({ type: "recommendation", attrs: { text: "Abolish the death penalty.", body: "UPR", symbol: "A/HRC/25/5", paragraph: "186.60", recommendingStates: "Australia", response: "noted" } });
    }
  }
  const doc = documentSchema().nodeFromJSON({ type: "doc", content });
  return { model: exportModel(doc, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), cover: RICH_COVER, notes };
}

export interface PdfReading {
  info: Record<string, string>;
  /** pdftotext -layout, one string per page. */
  pages: string[];
  /** pdffonts: the embedded fonts' names. */
  fonts: string[];
  /** pdfinfo -meta: the XMP metadata. */
  xmp: string;
  /** pdftohtml: the targets of the links to outside the file. */
  links: string[];
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });

/** Writes the PDF to a temporary file and reads it with pdfinfo, pdftotext and pdffonts. */
export function readPdf(bytes: Uint8Array): PdfReading {
  const dir = mkdtempSync(join(tmpdir(), "caucus-pdf-"));
  try {
    const file = join(dir, "export.pdf");
    writeFileSync(file, bytes);
    const info = Object.fromEntries(
      run("pdfinfo", [file])
        .split("\n")
        .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!.trim()]),
    );
    const pages = run("pdftotext", ["-layout", file, "-"]).split("\f");
    if (pages.at(-1)?.trim() === "") pages.pop();
    const fonts = run("pdffonts", [file])
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() && / yes /.test(line))
      .map((line) => line.split(/\s+/)[0]!);
    const links = [...run("pdftohtml", ["-stdout", "-i", "-noframes", file]).matchAll(/<a href="([^"]*)"/g)]
      .map((m) => m[1]!.replaceAll("&amp;", "&"))
      .filter((href) => !href.startsWith("export.html") && !href.startsWith("#"));
    return { info, pages, fonts, xmp: run("pdfinfo", ["-meta", file]), links };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whitespace collapsed, so text wrapped over lines reads as one run. */
export const flat = (value: string) => value.replace(/\s+/g, " ");
