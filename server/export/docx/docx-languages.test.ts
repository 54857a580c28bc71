import { beforeAll, describe, expect, it } from "vitest";
import { footnotes, paragraphs, readDocx, textOf } from "../../../test/fixtures/export/read-docx";
import { renderDocx } from "./docx-document";
import { draftIn, SOURCE_A, SOURCE_B } from "./language-fixtures";

// The Word file of one draft in French, Arabic, Chinese and Russian, read back from its XML: the
// cover's labels, the contents title, "Page X of Y" around Word's own fields, and the notes'
// conventions ("Ibid.", "par.") are the document's language, not English (issue 19).

interface Reading {
  body: string[];
  bodyXml: string;
  notes: string[];
  /** The default footer's words and field codes, in order. */
  footer: { text: string; fields: string[]; xml: string };
}

async function exported(language: string): Promise<Reading> {
  const { model, cover } = draftIn(language);
  const parts = readDocx(await renderDocx(model, cover, { tableOfContents: true }));
  const footerXml = Object.entries(parts).find(([name]) => /^word\/footer\d+\.xml$/.test(name))![1];
  return {
    body: paragraphs(parts["word/document.xml"]!).map((p) => p.text),
    bodyXml: parts["word/document.xml"]!,
    notes: footnotes(parts["word/footnotes.xml"]!).map((n) => n.text.trim()),
    footer: { text: textOf(footerXml), fields: [...footerXml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]!.trim()), xml: footerXml },
  };
}

const EXPECTED = {
  fr: {
    cover: ["Examen périodique universel", "État examiné : Ghana", "Communication conjointe de :", "Contact : coalition@example.org", "27 novembre 2026"],
    contents: "Table des matières",
    footer: "Page  sur ",
    notes: [`${SOURCE_A}, par. 12`, "Ibid., par. 15", "Ibid.", `${SOURCE_B}, par. 3 et 4`],
  },
  ar: {
    cover: ["الاستعراض الدوري الشامل", "الدولة موضوع الاستعراض: غانا", "ورقة مشتركة مقدمة من:", "جهة الاتصال: coalition@example.org", "27 نوفمبر 2026"],
    contents: "المحتويات",
    footer: "الصفحة  من ",
    notes: [`${SOURCE_A}، الفقرة 12`, "المرجع نفسه، الفقرة 15", "المرجع نفسه", `${SOURCE_B}، الفقرتان 3 و4`],
  },
  zh: {
    cover: ["普遍定期审议", "受审议国：加纳", "联合提交方：", "联系方式：coalition@example.org", "2026年11月27日"],
    contents: "目录",
    footer: "第  页，共  页",
    notes: [`${SOURCE_A}，第12段`, "同上，第15段", "同上", `${SOURCE_B}，第3和4段`],
  },
  ru: {
    cover: ["Универсальный периодический обзор", "Государство — объект обзора: Гана", "Совместное представление:", "Контактная информация: coalition@example.org", "27 ноября 2026 г."],
    contents: "Содержание",
    footer: "Страница  из ",
    notes: [`${SOURCE_A}, п. 12`, "Там же, п. 15", "Там же", `${SOURCE_B}, пп. 3 и 4`],
  },
} as const;

describe.each(Object.entries(EXPECTED))("a DOCX in %s", (language, expected) => {
  let docx: Reading;
  beforeAll(async () => {
    docx = await exported(language);
  });

  it("prints the cover's labels, the mechanism, the State and the date in the document's language", () => {
    const cover = docx.body.slice(0, docx.body.indexOf(expected.contents));
    for (const line of expected.cover) expect(cover).toContain(line);
    expect(cover).toContain("Ghana Human Rights Network (GHRN)");
    expect(cover.join("\n")).not.toMatch(/State under review|Submitted by|Joint submission by|Contact:/);
  });

  it("titles the table of contents in the document's language", () => {
    expect(docx.body).toContain(expected.contents);
    expect(docx.bodyXml).not.toContain(">Contents<");
  });

  it("keeps Word's PAGE and NUMPAGES fields, with the language's words around them in its order", () => {
    expect(docx.footer.fields).toEqual(["PAGE", "NUMPAGES"]);
    expect(docx.footer.text).toBe(expected.footer);
  });

  it("writes the notes in the language's conventions: Ibid. and the paragraph abbreviation", () => {
    expect(docx.notes).toEqual(expected.notes);
  });
});

describe("an Arabic DOCX", () => {
  it("sets the footer right to left, like the cover and the notes", async () => {
    const docx = await exported("ar");
    expect(docx.footer.xml).toContain("<w:bidi/>");
    expect(docx.footer.xml).toContain("<w:rtl/>");
  });
});
