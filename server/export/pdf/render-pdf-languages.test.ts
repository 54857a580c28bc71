import { beforeAll, describe, expect, it } from "vitest";
import { pdfToolsAvailable } from "../../../test/export-tools";
import { draftIn, SOURCE_A, SOURCE_B } from "../docx/language-fixtures";
import { renderPdf } from "./render-pdf";
import { flat, readPdf, type PdfReading } from "./render-pdf.fixtures";

// The PDF of one draft in French, Arabic, Chinese and Russian, read back with pdftotext: the
// cover's labels, the contents title, "Page X of Y" in the language's words and order, and the
// notes' conventions are the document's language, set in a font that has its script (issue 19).

const canMakePdfs = pdfToolsAvailable();

const EXPECTED = {
  fr: {
    cover: ["Examen périodique universel", "État examiné : Ghana", "Communication conjointe de :", "Contact : coalition@example.org", "27 novembre 2026"],
    contents: "Table des matières",
    page: (n: number, total: number) => `Page ${n} sur ${total}`,
    notes: [`${SOURCE_A}, par. 12`, "Ibid., par. 15", "Ibid.", `${SOURCE_B}, par. 3 et 4`],
    font: /LiberationSerif/,
  },
  ar: {
    cover: ["الاستعراض الدوري الشامل", "الدولة موضوع الاستعراض", "غانا", "ورقة مشتركة مقدمة من", "جهة الاتصال", "نوفمبر"],
    contents: "المحتويات",
    page: (n: number, total: number) => `الصفحة ${n} من ${total}`,
    notes: ["الفقرة 12", "المرجع نفسه", "الفقرة 15", "الفقرتان 3 و4"],
    font: /Noto(Naskh|Sans)Arabic/,
  },
  zh: {
    cover: ["普遍定期审议", "受审议国：加纳", "联合提交方：", "联系方式：coalition@example.org", "2026年11月27日"],
    contents: "目录",
    page: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
    notes: [`${SOURCE_A}，第12段`, "同上，第15段", "同上", `${SOURCE_B}，第3和4段`],
    font: /NotoSerifCJKsc/,
  },
  ru: {
    cover: ["Универсальный периодический обзор", "Государство — объект обзора: Гана", "Совместное представление:", "Контактная информация: coalition@example.org", "27 ноября 2026 г."],
    contents: "Содержание",
    page: (n: number, total: number) => `Страница ${n} из ${total}`,
    notes: [`${SOURCE_A}, п. 12`, "Там же, п. 15", "Там же", `${SOURCE_B}, пп. 3 и 4`],
    font: /LiberationSerif/,
  },
};

/**
 * Compared without spaces (pdftotext spaces out some CJK characters) and without the bidi
 * embedding marks pdftotext wraps right-to-left runs and the numbers inside them in.
 */
const squeeze = (value: string) => value.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, "");

describe.runIf(canMakePdfs).each(Object.entries(EXPECTED))("a PDF in %s", (language, expected) => {
  let pdf: PdfReading;
  beforeAll(async () => {
    const { model, cover } = draftIn(language);
    pdf = readPdf(await renderPdf(model, cover, { tableOfContents: true }));
  });

  it("prints the cover's labels, the mechanism, the State and the date in the document's language", () => {
    const first = squeeze(pdf.pages[0]!);
    for (const line of expected.cover) expect(first).toContain(squeeze(line));
    expect(flat(pdf.pages[0]!)).not.toMatch(/State under review|Joint submission by|Contact:/);
  });

  it("titles the contents page in the document's language", () => {
    expect(squeeze(pdf.pages.join("\n"))).toContain(squeeze(expected.contents));
    expect(pdf.pages.join("\n")).not.toMatch(/\bContents\b/);
  });

  it("numbers every page as Page X of Y in the language's words and order", () => {
    pdf.pages.forEach((page, i) => {
      const last = page.trimEnd().split("\n").at(-1)!.trim();
      expect(squeeze(last)).toBe(squeeze(expected.page(i + 1, pdf.pages.length)));
    });
  });

  it("writes the notes in the language's conventions, in a font that has its script", () => {
    const text = squeeze(pdf.pages.join("\n"));
    for (const note of expected.notes) expect(text).toContain(squeeze(note));
    expect(text).not.toMatch(/Ibid\.,para\.|paras\./);
    expect(pdf.fonts.some((f) => expected.font.test(f))).toBe(true);
  });
});
