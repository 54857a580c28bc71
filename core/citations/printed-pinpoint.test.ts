import { describe, expect, it } from "vitest";
import { formatFootnotes } from "./footnote-format";
import { normalisePinpoint, paragraphPinpoint, printedPinpoint } from "./pinpoint";

// Footnote conventions in the document's language (issue 19, locales/GLOSSARY.md): "para./paras."
// and "Ibid." as the UN's documents in each of its six languages print them.

describe("pinpoints in the six languages", () => {
  const cases: Array<[string, Record<string, string>]> = [
    ["para. 186.60", { en: "para. 186.60", fr: "par. 186.60", es: "párr. 186.60", ar: "الفقرة 186.60", zh: "第186.60段", ru: "п. 186.60" }],
    ["paras. 12 and 13", { en: "paras. 12 and 13", fr: "par. 12 et 13", es: "párrs. 12 y 13", ar: "الفقرتان 12 و13", zh: "第12和13段", ru: "пп. 12 и 13" }],
    ["paras. 3, 25 and 26", { en: "paras. 3, 25 and 26", fr: "par. 3, 25 et 26", es: "párrs. 3, 25 y 26", ar: "الفقرات 3 و25 و26", zh: "第3、25和26段", ru: "пп. 3, 25 и 26" }],
    ["paras. 31-36", { en: "paras. 31–36", fr: "par. 31–36", es: "párrs. 31–36", ar: "الفقرات 31–36", zh: "第31–36段", ru: "пп. 31–36" }],
    ["pages 9 and 10", { en: "pp. 9 and 10", fr: "p. 9 et 10", es: "págs. 9 y 10", ar: "الصفحتان 9 و10", zh: "第9和10页", ru: "с. 9 и 10" }],
    ["art. 7", { en: "art. 7", fr: "art. 7", es: "art. 7", ar: "المادة 7", zh: "第7条", ru: "ст. 7" }],
    ["Principle 1(3)", { en: "Principle 1(3)", fr: "Principle 1(3)", ar: "Principle 1(3)", zh: "Principle 1(3)" }],
  ];
  for (const [input, printed] of cases) {
    it(`prints “${input}” in each language`, () => {
      for (const [language, expected] of Object.entries(printed)) expect(printedPinpoint(input, language), language).toBe(expected);
    });
  }

  it("reads a pinpoint written in any of the six languages back, so a localised one can be stored", () => {
    for (const written of ["par. 12 et 13", "párrs. 12 y 13", "الفقرتان 12 و13", "第12和13段", "пп. 12 и 13"]) {
      expect(normalisePinpoint(written), written).toMatchObject({ kind: "paragraph", text: "paras. 12 and 13", numbers: ["12", "13"], issues: [] });
    }
    expect(normalisePinpoint("п. 5").text).toBe("para. 5");
    expect(normalisePinpoint("第7条").text).toBe("art. 7");
  });

  it("gives a recommendation's note its paragraph in the draft's language, English by default", () => {
    expect(paragraphPinpoint("186.60")).toBe("para. 186.60");
    expect(paragraphPinpoint("186.60", "fr")).toBe("par. 186.60");
    expect(paragraphPinpoint("15 and 46", "es")).toBe("párrs. 15 y 46");
    expect(paragraphPinpoint("HC letter, annex item 19", "fr")).toBe("HC letter, annex item 19");
  });
});

describe("footnotes in the document's language", () => {
  const a = (pinpoint?: string) => ({ key: "a", label: "A/HRC/25/5", ...(pinpoint ? { pinpoint } : {}) });
  const notes = [[a("para. 12")], [a("para. 15")], [a("para. 15")], [a(), { key: "b", label: "CCPR/C/GHA/CO/1", pinpoint: "paras. 3 and 4" }]];

  it("keeps English exactly as it was", () => {
    expect(formatFootnotes(notes)).toEqual(["A/HRC/25/5, para. 12.", "Ibid., para. 15.", "Ibid.", "A/HRC/25/5; CCPR/C/GHA/CO/1, paras. 3 and 4."]);
  });

  it("writes Ibid. and the abbreviations in French, Spanish, Arabic, Chinese and Russian", () => {
    expect(formatFootnotes(notes, "fr")).toEqual(["A/HRC/25/5, par. 12.", "Ibid., par. 15.", "Ibid.", "A/HRC/25/5; CCPR/C/GHA/CO/1, par. 3 et 4."]);
    expect(formatFootnotes(notes, "es")).toEqual(["A/HRC/25/5, párr. 12.", "Ibid., párr. 15.", "Ibid.", "A/HRC/25/5; CCPR/C/GHA/CO/1, párrs. 3 y 4."]);
    expect(formatFootnotes(notes, "ar")).toEqual(["A/HRC/25/5، الفقرة 12.", "المرجع نفسه، الفقرة 15.", "المرجع نفسه.", "A/HRC/25/5؛ CCPR/C/GHA/CO/1، الفقرتان 3 و4."]);
    expect(formatFootnotes(notes, "zh")).toEqual(["A/HRC/25/5，第12段。", "同上，第15段。", "同上。", "A/HRC/25/5；CCPR/C/GHA/CO/1，第3和4段。"]);
    expect(formatFootnotes(notes, "ru")).toEqual(["A/HRC/25/5, п. 12.", "Там же, п. 15.", "Там же.", "A/HRC/25/5; CCPR/C/GHA/CO/1, пп. 3 и 4."]);
  });
});
