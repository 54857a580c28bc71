import { beforeAll, describe, expect, it } from "vitest";
import type { ExportCover } from "../../../core/export/export-cover";
import type { ExportDocument, Inline } from "../../../core/export/export-model";
import { pdfToolsAvailable } from "../../../test/export-tools";
import { renderPdf } from "./render-pdf";
import { ARABIC, CHINESE, flat, LONG_URL, readPdf, richDocument, RICH_COVER, type PdfReading } from "./render-pdf.fixtures";

// Real consumers: every PDF here is written to disk and read back with poppler (pdfinfo,
// pdftotext, pdffonts, pdftohtml). Each document is compiled once and shared by its assertions.

const canMakePdfs = pdfToolsAvailable();

const t = (text: string, marks: Extract<Inline, { kind: "text" }>["marks"] = {}): Inline => ({ kind: "text", text, marks });
const para = (number: number | null, ...content: Inline[]) => ({ kind: "paragraph" as const, number, content, lang: null, dir: null });
const cover = (title: string): ExportCover => ({ ...RICH_COVER, title });

describe.runIf(canMakePdfs)("renderPdf on a rich submission", () => {
  let pdf: PdfReading;
  let notes: string[];
  beforeAll(async () => {
    const doc = richDocument();
    notes = doc.notes;
    // A cover page of its own, as the model lays out a treaty-body report (export-layout.test.ts
    // compares the two layouts across formats).
    pdf = readPdf(await renderPdf({ ...doc.model, layout: { coverOnOwnPage: true } }, doc.cover, { tableOfContents: true }));
  });

  it("is a tagged A4 PDF titled after the cover, naming no person or organisation in its metadata", () => {
    expect(pdf.info["Page size"]).toContain("(A4)");
    expect(pdf.info.Tagged).toBe("yes");
    expect(pdf.info.Title).toBe(RICH_COVER.title);
    expect(["", undefined, "Caucus"]).toContain(pdf.info.Author);
    expect(pdf.xmp).not.toMatch(/Ghana|Coalition|coalition@/);
  });

  it("prints the cover alone on the first page and a contents page with the headings' page numbers", () => {
    const first = flat(pdf.pages[0]!);
    for (const line of [RICH_COVER.title, "Universal Periodic Review – 45th session", "China", ...RICH_COVER.organisations, RICH_COVER.contact]) expect(first).toContain(line);
    expect(first).not.toContain("Introduction");
    expect(pdf.pages[1]).toContain("Contents");
    // Pages are numbered from the contents page on, so page n of the count is pages[n].
    const bodyPage = (label: string) => pdf.pages.findIndex((page, i) => i > 1 && new RegExp(`^\\s*${label}\\s*$`, "m").test(page));
    for (const [label, title] of [["I\\.", "Introduction"], ["II\\.", "Civil and political rights"], ["B\\.", "Freedom of assembly"]] as const) {
      const page = bodyPage(`${label}\\s+${title}`);
      expect(page).toBeGreaterThan(1);
      expect(pdf.pages[1]).toMatch(new RegExp(`${label}\\s+${title}[ .]+\\D?${page}\\s*$`, "m"));
    }
  });

  it("runs the title as a header and numbers every page after the cover: Page X of Y, the cover not counted", () => {
    expect(pdf.pages.length).toBeGreaterThan(5);
    pdf.pages.slice(1).forEach((page, i) => {
      const lines = page.split("\n").filter((line) => line.trim());
      expect(lines[0]).toContain(RICH_COVER.title);
      expect(lines.at(-1)!.trim()).toBe(`Page ${i + 1} of ${pdf.pages.length - 1}`);
    });
  });

  it("hangs the model's paragraph numbers 1. to 40., in order", () => {
    const all = pdf.pages.join("\n");
    let last = -1;
    for (let n = 1; n <= 40; n++) {
      const at = all.search(new RegExp(`^\\s*${n}\\.\\s{2,}\\S`, "m"));
      expect(at, `paragraph ${n}`).toBeGreaterThan(last);
      last = at;
    }
  });

  it("sets every one of the 60 notes at the foot of the page its marker is on", () => {
    expect(notes).toHaveLength(60);
    notes.forEach((note, i) => {
      const marker = pdf.pages.findIndex((page) => flat(page).includes(`(source ${i + 1})${i + 1}`));
      expect(marker, `marker of note ${i + 1}`).toBeGreaterThan(0);
      expect(flat(pdf.pages[marker]!), `note ${i + 1}`).toContain(flat(note).slice(0, 30));
    });
  });

  it("wraps a long URL over lines without cutting it, and links it whole", () => {
    const page = pdf.pages.find((p) => flat(p).includes("The submissions are listed at"))!;
    expect(page.split("\n").some((line) => line.includes(LONG_URL))).toBe(false);
    expect(page.split("\n").map((line) => line.trim()).join("")).toContain(LONG_URL);
    expect(pdf.links).toContain(LONG_URL);
    // Bare URLs in the real notes become links too.
    expect(pdf.links).toContain("http://ap.ohchr.org/Documents/dpage_e.aspx?b=10&se=68&t=11");
  });

  it("embeds Liberation Serif, Noto Serif CJK SC for the Chinese and a Noto Arabic font for the Arabic", () => {
    expect(pdf.fonts.some((f) => /LiberationSerif/.test(f))).toBe(true);
    expect(pdf.fonts.some((f) => /NotoSerifCJKsc/.test(f))).toBe(true);
    expect(pdf.fonts.some((f) => /Noto(Naskh|Sans)Arabic/.test(f))).toBe(true);
    const text = pdf.pages.join("\n");
    expect(text.replace(/\s/g, "")).toContain(CHINESE);
    for (const word of ARABIC.split(" ").slice(1, 4)) expect(text).toContain(word);
  });

  it("prints the table, the (a) list and the quoted recommendation with its provenance", () => {
    const text = flat(pdf.pages.join("\n"));
    expect(text).toMatch(/Recommendation Response Status/);
    expect(text).toContain("186.61 Supported Partially implemented");
    expect(text).toContain("(a) Repeal the law on gatherings;");
    expect(text).toContain("Abolish the death penalty.");
    expect(text).toContain("Recommendation 186.60 (Australia), A/HRC/25/5, noted");
  });
});

describe.runIf(canMakePdfs)("user text in a PDF", () => {
  const hostile = ['#read("/etc/passwd")', "close ] and open [ here", "$x$", "<tag>", "@ref", "*bold*", "back\\slash", '#eval("1 + 1")', "{ braces }", "_under_"];
  let pdf: PdfReading;
  beforeAll(async () => {
    const model: ExportDocument = {
      language: "en",
      dir: "ltr",
      blocks: [
        { kind: "heading", level: 1, label: "I.", content: [t('#include "submission.typ"')], lang: null, dir: null },
        ...hostile.map((text, i) => para(i + 1, t(`Item ${i + 1}: `), t(text, { bold: true }), { kind: "note", number: i + 1 })),
        para(null, t("file link", { link: "file:///etc/passwd" }), t(" and "), t("script link", { link: "javascript:alert(1)" })),
      ],
      footnotes: hostile.map((text, i) => ({ number: i + 1, content: [t(`Note ${i + 1}: ${text}`)] })),
    };
    pdf = readPdf(await renderPdf(model, cover('#read("/etc/passwd") ] $x$')));
  });

  it("comes out literally, in the body, the notes and the cover, and nothing is read from disk", () => {
    const text = flat(pdf.pages.join("\n"));
    for (const [i, value] of hostile.entries()) {
      expect(text).toContain(`Item ${i + 1}: ${value}`);
      expect(text).toContain(`Note ${i + 1}: ${value}`);
    }
    expect(text).toContain('#include "submission.typ"');
    expect(flat(pdf.pages[0]!)).toContain('#read("/etc/passwd") ] $x$');
    expect(pdf.info.Title).toBe('#read("/etc/passwd") ] $x$');
    expect(text).not.toMatch(/root:x?:0:0/);
  });

  it("links only to http, https and mailto, whatever the model says", () => {
    expect(flat(pdf.pages.join("\n"))).toContain("file link and script link");
    expect(pdf.links).toEqual([]);
  });
});

describe.runIf(canMakePdfs)("numbers in a PDF", () => {
  it("are the model's own, never Typst's count, and a heading's note is not repeated by the contents", async () => {
    const model: ExportDocument = {
      language: "en",
      dir: "ltr",
      layout: { coverOnOwnPage: true },
      blocks: [
        { kind: "heading", level: 1, label: "IV.", content: [t("Scope"), { kind: "note", number: 2 }], lang: null, dir: null },
        para(7, t("Seventh point"), { kind: "note", number: 3 }, t(".")),
        para(12, t("Twelfth point"), { kind: "note", number: 9 }, t(".")),
      ],
      footnotes: [
        { number: 2, content: [t("Heading note.")] },
        { number: 3, content: [t("Third note.")] },
        { number: 9, content: [t("Ninth note.")] },
      ],
    };
    const { pages } = readPdf(await renderPdf(model, cover("Numbers"), { tableOfContents: true }));
    const page = pages[2]!;
    expect(page).toMatch(/^\s*IV\.\s+Scope2\s*$/m);
    expect(page).toMatch(/^\s*7\.\s+Seventh point3\./m);
    expect(page).toMatch(/^\s*12\.\s+Twelfth point9\./m);
    expect(page).toMatch(/^\s*3\s*\n\s*Third note\./m);
    expect(page).toMatch(/^\s*9\s*\n\s*Ninth note\./m);
    expect(page).not.toMatch(/^\s*1\.\s/m);
    expect(pages[1]).toMatch(/IV\.\s+Scope[ .]+\D?2\s*$/m);
    expect(pages.join("\n").match(/Heading note\./g)).toHaveLength(1);
    expect(page).toContain("Heading note.");
  });
});

describe.runIf(canMakePdfs)("PDF/A", () => {
  it("writes a tagged PDF/A-2b file when asked", async () => {
    const model: ExportDocument = { language: "en", dir: "ltr", blocks: [para(1, t("Archived."), { kind: "note", number: 1 })], footnotes: [{ number: 1, content: [t("A note.")] }] };
    const pdf = readPdf(await renderPdf(model, cover("Archival copy"), { pdfA: true }));
    expect(pdf.xmp).toMatch(/pdfaid:part>2</);
    expect(pdf.xmp).toMatch(/pdfaid:conformance>B</);
    expect(pdf.info.Tagged).toBe("yes");
    expect(pdf.info.Title).toBe("Archival copy");
  });
});
