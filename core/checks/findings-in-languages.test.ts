import { describe, expect, it } from "vitest";
import { findTemplate } from "../../templates";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { documentSchema } from "../editor";
import { EMPTY_COVER } from "../editor/cover";
import { message } from "../i18n/message";
import { createTranslator } from "../i18n/translator";
import { preflight } from "./preflight";

/**
 * The findings are catalogue messages (finding.ts): the same report reads in French and Arabic
 * with each language's plural forms (Arabic: one, two, few for 3–10, many for 11–99) and numbers.
 */
const schema = documentSchema();
const template = findTemplate("upr-individual")!;
const rules = { ...template, counts: { ...template.rules.counts, footnotes: true }, wordLimit: 10 };
const cover = { ...EMPTY_COVER, title: "T", stateUnderReview: "GHA", contact: "x@example.org" };
const t = (locale: "en" | "fr" | "ar") => createTranslator(locale, UI_CATALOGUES[locale], { fallback: UI_CATALOGUES.en });
const [en, fr, ar] = [t("en"), t("fr"), t("ar")];

/** A draft of `words` words with an empty note and a mistyped symbol. */
function report(words: number) {
  const text = `${Array.from({ length: words - 1 }, () => "word").join(" ")} A/HRC/25/5/add.1`;
  const doc = schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create(null, [schema.text(text), schema.nodes.footnote!.create({ id: "n1" })])]);
  return preflight({ doc, cover, template: rules, organisations: [] });
}

const overLimit = (words: number) => report(words).findings.find((f) => f.rule === "words.over-limit")!.message;

describe("findings in French and Arabic", () => {
  it("carry the message id and its values as numbers, not words", () => {
    expect(overLimit(13)).toEqual({ id: "checks.words.overLimit", values: { counted: 13, limit: 10, footnotes: "yes", over: 3 } });
  });

  it("say how many words over the limit with each language's plurals: 1, 2, 3 and 11", () => {
    const over = [11, 12, 13, 21].map(overLimit);
    expect(over.map((m) => en.text(m))).toEqual([
      "11 of 10 words, footnotes counted: 1 over. Submissions over the limit are returned or cut.",
      "12 of 10 words, footnotes counted: 2 over. Submissions over the limit are returned or cut.",
      "13 of 10 words, footnotes counted: 3 over. Submissions over the limit are returned or cut.",
      "21 of 10 words, footnotes counted: 11 over. Submissions over the limit are returned or cut.",
    ]);
    const cut = " Les contributions qui dépassent le nombre maximal de mots sont renvoyées ou coupées.";
    expect(over.map((m) => fr.text(m))).toEqual([
      `11 sur 10 mots, notes de bas de page comptées\u00a0: 1 mot de trop.${cut}`,
      `12 sur 10 mots, notes de bas de page comptées\u00a0: 2 mots de trop.${cut}`,
      `13 sur 10 mots, notes de bas de page comptées\u00a0: 3 mots de trop.${cut}`,
      `21 sur 10 mots, notes de bas de page comptées\u00a0: 11 mots de trop.${cut}`,
    ]);
    const returned = " الأوراق التي تتجاوز الحد الأقصى لعدد الكلمات تُعاد أو تُقتطع.";
    expect(over.map((m) => ar.text(m))).toEqual([
      `11 من أصل 10 كلمات، مع حساب الحواشي: كلمة واحدة زائدة.${returned}`,
      `12 من أصل 10 كلمات، مع حساب الحواشي: كلمتان زائدتان.${returned}`,
      `13 من أصل 10 كلمات، مع حساب الحواشي: 3 كلمات زائدة.${returned}`,
      `21 من أصل 10 كلمات، مع حساب الحواشي: 11 كلمة زائدة.${returned}`,
    ]);
  });

  it("write numbers in the reader's conventions: thousands, and Arabic-Indic digits when chosen", () => {
    const big = message("checks.words.overLimit", { counted: 2826, limit: 2815, footnotes: "no", over: 11 });
    expect(fr.text(big)).toBe("2\u202f826 sur 2\u202f815 mots\u00a0: 11 mots de trop. Les contributions qui dépassent le nombre maximal de mots sont renvoyées ou coupées.");
    const arab = createTranslator("ar", UI_CATALOGUES.ar, { numerals: "arab" });
    expect(arab.text(big)).toMatch(/^٢٬?٨٢٦ من أصل ٢٬?٨١٥ كلمة: ١١ كلمة زائدة\./);
  });

  it("word the note, symbol and fix findings in French and Arabic", () => {
    const { findings } = report(3);
    const rule = (name: string) => findings.find((f) => f.rule === name)!;
    expect(fr.text(rule("footnote.empty").message)).toBe("La note 1 est vide. Écrivez la référence, ou supprimez l'appel de note.");
    expect(ar.text(rule("footnote.empty").message)).toBe("الحاشية 1 فارغة. اكتب الإحالة، أو احذف العلامة.");
    const symbol = rule("symbol.normalise");
    expect(fr.text(symbol.message)).toBe("L'ONU écrit «\u00a0A/HRC/25/5/add.1\u00a0» sous la forme «\u00a0A/HRC/25/5/Add.1\u00a0».");
    expect(ar.text(symbol.message)).toBe("تكتب الأمم المتحدة «A/HRC/25/5/add.1» على النحو التالي: «A/HRC/25/5/Add.1».");
    expect(fr.text(symbol.fix!.label)).toBe("Écrire A/HRC/25/5/Add.1");
    expect(ar.text(symbol.fix!.label)).toBe("اكتب A/HRC/25/5/Add.1");
  });

  it("count a long note's words and an Ibid.'s sources with Arabic's six plural forms", () => {
    const long = (words: number) => message("checks.footnote.long", { n: 4, words, max: 150 });
    expect([151, 2, 3, 11].map((words) => ar.text(long(words)).split(" (")[0])).toEqual([
      "في الحاشية 4 151 كلمة",
      "في الحاشية 4 كلمتان",
      "في الحاشية 4 3 كلمات",
      "في الحاشية 4 11 كلمة",
    ]);
    const several = (sources: number) => fr.text(message("checks.footnote.ibidSeveral", { n: 3, written: "Ibid.", previous: 2, sources }));
    expect(several(2)).toContain("cite 2 sources\u00a0:");
    expect(ar.text(message("checks.footnote.ibidSeveral", { n: 3, written: "Ibid.", previous: 2, sources: 2 }))).toContain("تحيل إلى مصدرين،");
    expect(ar.text(message("checks.footnote.ibidSeveral", { n: 3, written: "Ibid.", previous: 2, sources: 3 }))).toContain("تحيل إلى 3 مصادر،");
  });

  it("name a UN body, a symbol's problem and a place in the reader's language", () => {
    const session = message("checks.symbol.session.future", { symbol: "A/HRC/255/5", body: "HRC", n: 255, last: 64, year: 2026 });
    expect(fr.text(session)).toBe(
      "«\u00a0A/HRC/255/5\u00a0»\u00a0: La session 255 du Conseil des droits de l'homme n'a pas encore eu lieu (ses documents vont jusqu'à la session 64 en 2026).",
    );
    expect(ar.text(session)).toBe("«A/HRC/255/5»: الدورة 255 لمجلس حقوق الإنسان لم تُعقد بعد (تصل وثائقها حتى الدورة 64 في عام 2026).");
    expect(fr.text(message("checks.place.para", { n: 12 }))).toBe("par. 12");
    expect(ar.text(message("checks.place.block", { kind: "orderedList", landmark: "para", n: 12 }))).toBe("قائمة بعد الفقرة 12");
  });
});
