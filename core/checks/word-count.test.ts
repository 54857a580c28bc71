import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor";
import { countDocumentWords, countWords } from "./word-count";

/**
 * The cases table of docs/decisions/008-counting-words-as-word-does.md, row for row: keep the two
 * in step. `[^…]` stands for a footnote marker whose note is the text inside; `notes` is the
 * words of those notes, which the footnote rule counts (the marker itself is not text).
 */
const DECISION_CASES: Array<{ input: string; words: number; notes?: number }> = [
  { input: "2,815", words: 1 },
  { input: "186.60", words: 1 },
  { input: "1960", words: 1 },
  { input: "June 30, 2003", words: 3 },
  { input: "06/30/2003", words: 1 },
  { input: "https://www.ohchr.org/en/hr-bodies/upr/documentation", words: 1 },
  { input: "see www.upr-info.org.", words: 2 },
  { input: "non-discrimination", words: 1 },
  { input: "well-known", words: 1 },
  { input: "real-time video", words: 2 },
  { input: "and/or", words: 1 },
  { input: "A/HRC/25/5", words: 1 },
  { input: "A/HRC/25/5, para. 186.60", words: 3 },
  { input: "rights—including", words: 1 },
  { input: "rights — including", words: 2 },
  { input: "2013–2018", words: 1 },
  { input: "2013 – 2018", words: 2 },
  { input: "The law was adopted.[^Official Gazette, 2015.]", words: 4, notes: 3 },
  { input: "in 2015[^Ibid.] and 2016[^See A/HRC/25/5.]", words: 4, notes: 3 },
  { input: "•", words: 0 },
  { input: "–", words: 0 },
  { input: "• Education", words: 1 },
  { input: "– Education", words: 1 },
  { input: "(a)", words: 1 },
  { input: "1.", words: 1 },
  { input: "(iv) Ratify the Convention", words: 4 },
  { input: "“torture”", words: 1 },
  { input: '"torture"', words: 1 },
  { input: "(Ghana)", words: 1 },
  { input: "[sic]", words: 1 },
  { input: "( Ghana )", words: 1 },
  { input: "don't", words: 1 },
  { input: "wait…", words: 1 },
  { input: "wait ... then", words: 2 },
  { input: "…", words: 0 },
  { input: "每个字", words: 3 },
  { input: "人权理事会。", words: 5 },
  { input: "私はappleを買った", words: 7 },
  { input: "ｱｲｳ", words: 3 },
  { input: "２０２０年", words: 5 },
  { input: "حرية التعبير مكفولة", words: 3 },
  { input: "права человека", words: 2 },
  { input: "UN人权理事会", words: 6 },
  { input: "Hello 你好", words: 3 },
];

const text = (value: string) => ({ type: "text", text: value });

/** A one-paragraph document of a case, each `[^note]` made a footnote holding `note`. */
function caseDocument(input: string) {
  const content: object[] = [];
  let rest = input;
  for (let match = /\[\^([^\]]*)\]/.exec(rest); match; match = /\[\^([^\]]*)\]/.exec(rest)) {
    if (match.index > 0) content.push(text(rest.slice(0, match.index)));
    content.push({ type: "footnote", attrs: { id: `n${content.length}` }, content: [text(match[1] ?? "")] });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) content.push(text(rest));
  return documentSchema().nodeFromJSON({ type: "doc", content: [{ type: "paragraph", content }] });
}

describe("the decision record's cases", () => {
  it.each(DECISION_CASES)("$input → $words", ({ input, words, notes = 0 }) => {
    if (!input.includes("[^")) expect(countWords(input)).toBe(words);
    const doc = caseDocument(input);
    const withNotes = countDocumentWords(doc, { footnotes: true, headings: true, tables: true });
    expect(withNotes.body).toBe(words);
    expect(withNotes.footnotes).toBe(notes);
    expect(withNotes.counted).toBe(words + notes);
    expect(countDocumentWords(doc, { footnotes: false, headings: true, tables: true }).counted).toBe(words);
  });
});

describe("word count in Arabic and Russian, as Word counts them (issue 19)", () => {
  // Word counts runs between spaces: an Arabic clitic written onto its word ("و", "ب", "ل", "ال")
  // is part of that word, as is a hyphenated Russian compound; vowel marks, tatweel and
  // Arabic-Indic digits do not split or make words.
  it("counts a UN Arabic sentence word by word, clitics joined to their word", () => {
    // يوصي | المجلس | الدولة | الطرف | بأن | تتخذ | جميع | التدابير | اللازمة | لضمان | حرية | التعبير | والتجمع | السلمي، | وفقاً | للمادتين | 19 | و21 | من | العهد.
    expect(countWords("يوصي المجلس الدولة الطرف بأن تتخذ جميع التدابير اللازمة لضمان حرية التعبير والتجمع السلمي، وفقاً للمادتين 19 و21 من العهد.")).toBe(20);
    expect(countWords("وَأَكَّدَتِ اللَّجْنَةُ ذَلِكَ")).toBe(3);
    expect(countWords("انظر الفقرتين ١٢ و١٣ من الوثيقة A/HRC/52/10")).toBe(7);
    expect(countWords("الـــدولة الطرف")).toBe(2);
    expect(countWords("المرجع نفسه، الفقرة 15.")).toBe(4);
  });

  it("counts a UN Russian sentence word by word: hyphenated compounds are one, a spaced dash none", () => {
    // Комитет | рекомендует | государству-участнику | принять | все | необходимые | меры | в | том | числе |
    // законодательные | для | обеспечения | права | на | свободу | мирных | собраний | (статья | 21 | Пакта).
    expect(
      countWords("Комитет рекомендует государству-участнику принять все необходимые меры — в том числе законодательные — для обеспечения права на свободу мирных собраний (статья 21 Пакта)."),
    ).toBe(21);
    expect(countWords("Там же, пп. 3 и 4.")).toBe(6);
    expect(countWords("Государство — объект обзора: Гана")).toBe(4);
    expect(countWords("Ещё 2019–2023 гг.")).toBe(3);
  });
});

describe("word count", () => {
  it("counts words as Word does", () => {
    expect(countWords("Recommendation 186.60 (Ghana), supported.")).toBe(4);
    expect(countWords("See A/HRC/25/5, para. 186.60 — non-discrimination")).toBe(5);
    expect(countWords("  ")).toBe(0);
    expect(countWords("《社会信用体系建设规划纲要》")).toBe(12);
    expect(countWords("حرية التعبير مكفولة")).toBe(3);
    expect(countWords("Le 3 mars 2020, l'État")).toBe(5);
  });

  it("counts body, headings, tables and footnotes apart, and totals them by the rule", () => {
    const doc = documentSchema().nodeFromJSON({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 1 }, content: [text("Civil and political rights")] },
        {
          type: "paragraph",
          content: [text("The law was adopted."), { type: "footnote", attrs: { id: "n1" }, content: [text("Official Gazette, 2015.")] }, text(" It applies.")],
        },
        {
          type: "table",
          content: [{ type: "tableRow", content: [{ type: "tableCell", content: [{ type: "paragraph", content: [text("Not implemented")] }] }] }],
        },
      ],
    });
    const all = countDocumentWords(doc, { footnotes: true, headings: true, tables: true });
    expect(all).toEqual({ counted: 15, body: 6, headings: 4, tables: 2, footnotes: 3 });
    expect(countDocumentWords(doc, { footnotes: false, headings: false, tables: false }).counted).toBe(6);
  });
});

/** The rule as first written, token by token with regular expressions: the one-pass count must agree. */
function countWordsByTokens(text: string): number {
  const eastAsian = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu;
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    words += token.match(eastAsian)?.length ?? 0;
    for (const part of token.replace(eastAsian, " ").split(" ")) if (/[\p{L}\p{N}]/u.test(part)) words += 1;
  }
  return words;
}

describe("the one-pass word count", () => {
  it("agrees with the token-by-token rule on mixed-script text", () => {
    // Pieces of every kind the rule distinguishes, joined at random (seeded, so a failure repeats).
    const pieces = ["word", "186.60", "A/HRC/25/5", "—", " — ", "-", " ", "\u00a0", "\u3000", "\n", "\t", "人权", "審議", "ひらがな", "한국어", "ＵＰＲ", "１２", "права", "حقوق", "é", "•", "“", "”", "(a)", "𠀀", "🙂", ".", ",", "\u200b", "x"];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let sample = 0; sample < 2000; sample++) {
      let text = "";
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect([text, countWords(text)]).toEqual([text, countWordsByTokens(text)]);
    }
  });
});
