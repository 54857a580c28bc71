import { describe, expect, it } from "vitest";
// Real footnotes quoting recommendations without quotation marks, and the library's texts (the research data, docs/data.md).
import realNotes from "../../test/fixtures/upr-recommendation-notes.json";
import { documentSchema } from "../editor";
import { inEnglishFindings } from "../../test/i18n/english";
import { citedRecommendationNumbers, recommendationFindings as recommendationFindingsRaw } from "./recommendation-rules";
import { quoteFits } from "./quote-match";

/** The rule's findings as an English reader reads them (messages are catalogue ids: finding.ts). */
const recommendationFindings = (...args: Parameters<typeof recommendationFindingsRaw>) => inEnglishFindings(recommendationFindingsRaw(...args));

const schema = documentSchema();
const paragraph = (text: string) => schema.nodes.paragraph!.create(null, schema.text(text));
const doc = schema.nodes.doc!.create(null, [
  schema.nodes.paragraph!.create(null, [
    schema.text("China supported recommendations 186.60 and 186.61, yet Recommendation 186.99 was noted; 2.5 million people and para. 27.3 are not numbers."),
    schema.nodes.footnote!.create({ id: "n1" }, schema.text("Rec. 121.51, 121.57.")),
  ]),
]);

// A/HRC/25/5, paras. 186.60 and 186.62 (China, 2013), as in the library.
const RECORDS = new Map([
  ["186.60", ["Abolish the death penalty."]],
  ["186.62", ["Take further steps to reduce the number of crimes subject to the death penalty, with a view to its abolition."]],
  ["186.99", []],
]);

const quoted = (text: string) => {
  const d = schema.nodes.doc!.create(null, [paragraph(text)]);
  return { doc: d, findings: recommendationFindings(d, { known: RECORDS, stateName: "China" }) };
};

describe("UPR recommendation numbers cited in the text", () => {
  it("finds each number of a list, in the text and in notes, with its place", () => {
    const cited = citedRecommendationNumbers(doc);
    expect(cited.map((c) => c.number)).toEqual(["186.60", "186.61", "186.99", "121.51", "121.57"]);
    const first = cited[0]!;
    expect(doc.textBetween(first.from, first.to)).toBe("186.60");
    expect(cited.every((c) => c.quote === null)).toBe(true);
  });

  it("finds positions in later blocks too (cached per block, shifted to where the block is)", () => {
    const twoBlocks = schema.nodes.doc!.create(null, [paragraph("Intro."), paragraph("See recommendation 186.62 (Norway), to “take further steps”.")]);
    const [cited] = citedRecommendationNumbers(twoBlocks);
    expect(twoBlocks.textBetween(cited!.from, cited!.to)).toBe("186.62");
    expect(twoBlocks.textBetween(cited!.quote!.from, cited!.quote!.to)).toBe("take further steps");
  });

  it("reports only numbers looked up and not found", () => {
    const known = new Map([
      ["186.60", ["x"]],
      ["186.61", ["y"]],
      ["186.99", []],
    ]);
    const findings = recommendationFindings(doc, { known, stateName: "China" });
    expect(findings.map((f) => [f.rule, doc.textBetween(f.location!.from, f.location!.to)])).toEqual([["recommendation.unknown", "186.99"]]);
    expect(findings[0]!.message).toContain("China's reviews");
  });
});

describe("quoted recommendation text against the library's record", () => {
  it("accepts an exact quotation, a part of one, and one with omissions and insertions", () => {
    expect(quoted("Recommendation 186.60 (Australia), to “abolish the death penalty”, was noted.").findings).toEqual([]);
    expect(quoted("Recommendation 186.62: “Take further steps to reduce the number of crimes … with a view to its abolition.”").findings).toEqual([]);
    expect(quoted("Recommendation 186.62 asked [China] to “take further steps to reduce the number of crimes subject to the death penalty”.").findings).toEqual([]);
    expect(quoteFits("[The State should] take further steps — to reduce", "Take further steps – to reduce the number")).toBe(true);
  });

  it("reports a misquotation at the quoted words, with the library's text and a fix", () => {
    const { doc: d, findings } = quoted("Recommendation 186.60 (Australia), to “abolish the death penalty by 2020”, was noted.");
    expect(findings.map((f) => f.rule)).toEqual(["recommendation.quote-differs"]);
    const [finding] = findings;
    expect(d.textBetween(finding!.location!.from, finding!.location!.to)).toBe("abolish the death penalty by 2020");
    expect(finding!.message).toContain("“Abolish the death penalty.”");
    expect(finding!.fix).toMatchObject({ text: "Abolish the death penalty" });
  });

  it("reports pieces out of order, and offers no fix for a quotation with omissions", () => {
    const { findings } = quoted("Recommendation 186.62: “with a view to its abolition … take further steps”.");
    expect(findings.map((f) => f.rule)).toEqual(["recommendation.quote-differs"]);
    expect(findings[0]!.fix).toBeUndefined();
  });

  it("does not read a quotation in the next sentence, a short term in quotes, or one after a list", () => {
    expect(citedRecommendationNumbers(quoted("Recommendation 186.60 was noted. The “so-called vocational training centres” remain.").doc)[0]!.quote).toBeNull();
    expect(citedRecommendationNumbers(quoted("Recommendation 186.60 mentions “re-education” centres.").doc)[0]!.quote).toBeNull();
    expect(quoted("Recommendations 186.60 and 186.62 ask to “abolish the death penalty now”.").findings).toEqual([]);
  });
});

describe("recommendations quoted without quotation marks, as real footnotes quote them", () => {
  it("reads each “Recommendation 186.150: … (Netherlands)” of the real notes and finds them faithful, and the one wrong number", () => {
    const notes = schema.nodes.doc!.create(
      null,
      realNotes.notes.map((note, i) => schema.nodes.paragraph!.create(null, [schema.text(`Sentence ${i + 1}.`), schema.nodes.footnote!.create({ id: `n${i}` }, schema.text(note))])),
    );
    const library = realNotes.library as Record<string, string[]>;
    const cited = citedRecommendationNumbers(notes);
    expect(cited.length).toBeGreaterThanOrEqual(30);
    expect(cited.every((c) => c.quote !== null && !c.quote.marked)).toBe(true);
    const known = new Map(cited.map((c) => [c.number, library[c.number] ?? []]));
    const findings = recommendationFindings(notes, { known, stateName: "China" });
    // The note that quotes 186.62's text under the number 186.52: a real slip, reported as such.
    expect(findings.map((f) => [f.rule, notes.textBetween(f.location!.from, f.location!.to)])).toEqual([["recommendation.unknown", "186.52"]]);
  });

  it("ends the quotation at the recommending State, and reports an unmarked misquotation with the fix", () => {
    const { doc: d, findings } = quoted("Recommendation 186.60: Abolish the death penalty by 2020 (Australia); Recommendation 186.62: Take further steps to reduce the number of crimes (France).");
    expect(findings.map((f) => [f.rule, d.textBetween(f.location!.from, f.location!.to)])).toEqual([["recommendation.quote-differs", "Abolish the death penalty by 2020"]]);
    expect(findings[0]!.fix).toMatchObject({ text: "Abolish the death penalty" });
    expect(citedRecommendationNumbers(d)[1]!.quote).toMatchObject({ text: "Take further steps to reduce the number of crimes", marked: false });
  });

  it("says nothing of prose that mentions a number, with or without a colon", () => {
    expect(quoted("Recommendation 186.62: partially implemented, as the State's own mid-term report admits.").findings).toEqual([]);
    expect(citedRecommendationNumbers(quoted("Recommendation 186.60 was noted by China in its response to the review.").doc)[0]!.quote).toBeNull();
    expect(citedRecommendationNumbers(quoted("Recommendation 186.60: noted.").doc)[0]!.quote).toBeNull();
    expect(quoted("As recommendation 186.62 (France): the State should abolish it, and has not.").findings).toEqual([]);
  });
});

