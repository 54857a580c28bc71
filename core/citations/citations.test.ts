import { describe, expect, it } from "vitest";
// Pinpoints from real NGO footnotes (the research data, docs/data.md), copied into the project's fixtures.
import fixture from "../../test/fixtures/pinpoints.json";
// The demo library's paragraph fields (recommendations.json and hc-annex-2019.json of the research data, docs/data.md).
import library from "../../test/fixtures/library-paragraphs.json";
import { formatFootnotes, type CitedSource } from "./footnote-format";
import { normalisePinpoint, paragraphPinpoint } from "./pinpoint";

describe("pinpoints", () => {
  it("writes the real submissions' pinpoints in UN style", () => {
    const cases: Record<string, [string, string]> = {
      "para. 186.60; para. 186.63; para. 186.67": ["paragraph", "paras. 186.60, 186.63 and 186.67"],
      "paras. 31-36": ["paragraph", "paras. 31–36"],
      "paras. 15 and 46": ["paragraph", "paras. 15 and 46"],
      "26": ["paragraph", "para. 26"],
      "pg. 8": ["page", "p. 8"],
      "pages 9 and 10": ["page", "pp. 9 and 10"],
      "pp. 23-24": ["page", "pp. 23–24"],
      "Art.3": ["article", "art. 3"],
      "Art 27": ["article", "art. 27"],
      "Articles 3, 25, 26, 29, 30, 31, and 62": ["article", "arts. 3, 25, 26, 29, 30, 31 and 62"],
      "Art. 19(2)": ["article", "art. 19 (2)"],
      "Principle 1(3)": ["other", "Principle 1(3)"],
      "Basis of Review": ["other", "Basis of Review"],
    };
    for (const [input, [kind, text]] of Object.entries(cases)) {
      expect(fixture.pinpoints, input).toContain(input);
      expect(normalisePinpoint(input), input).toMatchObject({ kind, text });
    }
    for (const pinpoint of fixture.pinpoints) {
      const normalised = normalisePinpoint(pinpoint);
      expect(normalised.text.length, pinpoint).toBeGreaterThan(0);
      // Normalising twice changes nothing: the output is already UN style.
      expect(normalisePinpoint(normalised.text).text, pinpoint).toBe(normalised.text);
    }
  });

  it("says what it changed", () => {
    expect(normalisePinpoint("para 27(d)").issues).toEqual(["Write “para.” with its full stop.", "Put a space before a subparagraph letter: “27 (d)”."]);
    expect(normalisePinpoint("para. 27 (d)").issues).toEqual([]);
  });
});

describe("paragraph numbers and everything else", () => {
  it("writes only real paragraph numbers as para./paras.", () => {
    const cases: Record<string, string> = {
      "186.60": "para. 186.60",
      "12": "para. 12",
      "12-14": "paras. 12–14",
      "12 and 14": "paras. 12 and 14",
      "34(b)": "para. 34 (b)",
      "27 (d)(ii)": "para. 27 (d)(ii)",
      "186.60-186.63": "paras. 186.60–186.63",
      "para. 4": "para. 4",
    };
    for (const [field, text] of Object.entries(cases)) expect(paragraphPinpoint(field), field).toBe(text);
  });

  it("keeps anything that is not a paragraph number as written", () => {
    for (const field of ["HC letter, annex item 19", "annex, section B", "Basis of Review", "Principle 1(3)", "12 bis of the annex, part two"]) {
      expect(paragraphPinpoint(field), field).toBe(field);
    }
    // A "para." typed (or generated) before words is not turned into a list of paragraphs.
    expect(normalisePinpoint("para. HC letter, annex item 19")).toMatchObject({ kind: "other", text: "para. HC letter, annex item 19" });
    expect(normalisePinpoint("paras. 12 and the annex")).toMatchObject({ kind: "other", text: "paras. 12 and the annex", issues: [] });
    expect(normalisePinpoint("p. iv")).toMatchObject({ kind: "page", text: "p. iv" });
    expect(normalisePinpoint("p. 12-")).toMatchObject({ kind: "other" });
  });

  it("reads every paragraph field of the demo library right", () => {
    expect(library.recommendationIds.length).toBeGreaterThan(30);
    for (const id of library.recommendationIds) {
      const field = id.replace(/^paras?\.\s*/, "");
      expect(paragraphPinpoint(field), id).toMatch(/^paras?\. \d/);
      expect(paragraphPinpoint(field), id).toBe(normalisePinpoint(/^para/.test(id) ? id : `para. ${id}`).text);
    }
    expect(library.annexParagraphs).toHaveLength(60);
    for (const field of library.annexParagraphs) expect(paragraphPinpoint(field), field).toBe(field);
  });

  it("writes an annex item's note as the library has it", () => {
    const annex: CitedSource = { key: "annex", label: "A/HRC/WG.6/31/CHN/2", pinpoint: paragraphPinpoint("HC letter, annex item 19") };
    const upr: CitedSource = { key: "upr", label: "A/HRC/25/5", pinpoint: paragraphPinpoint("186.60") };
    expect(formatFootnotes([[annex], [upr]])).toEqual(["A/HRC/WG.6/31/CHN/2, HC letter, annex item 19.", "A/HRC/25/5, para. 186.60."]);
  });
});

describe("footnote text with ibid.", () => {
  const report: CitedSource = { key: "A/HRC/25/5", label: "A/HRC/25/5" };
  const cedaw: CitedSource = { key: "CEDAW/C/CHN/CO/7-8", label: "CEDAW/C/CHN/CO/7-8" };

  it("uses ibid. only after a note that cites the same single source", () => {
    expect(
      formatFootnotes([
        [{ ...report, pinpoint: "para. 186.60" }],
        [{ ...report, pinpoint: "para. 186.61" }],
        [{ ...report, pinpoint: "para. 186.61" }],
        [{ ...cedaw, pinpoint: "para 27(d)" }, { ...report, pinpoint: "para. 186.61" }],
        [{ ...report, pinpoint: "para. 186.61" }],
        [{ ...cedaw }],
      ]),
    ).toEqual([
      "A/HRC/25/5, para. 186.60.",
      "Ibid., para. 186.61.",
      "Ibid.",
      "CEDAW/C/CHN/CO/7-8, para. 27 (d); A/HRC/25/5, para. 186.61.",
      "A/HRC/25/5, para. 186.61.",
      "CEDAW/C/CHN/CO/7-8.",
    ]);
  });

  it("recomputes when a note moves: the ibid. becomes a full citation", () => {
    const notes = [[{ ...report, pinpoint: "para. 1" }], [{ ...report, pinpoint: "para. 2" }], [{ ...cedaw, pinpoint: "para. 3" }]];
    expect(formatFootnotes(notes)[1]).toBe("Ibid., para. 2.");
    const moved = [notes[0]!, notes[2]!, notes[1]!];
    expect(formatFootnotes(moved)).toEqual(["A/HRC/25/5, para. 1.", "CEDAW/C/CHN/CO/7-8, para. 3.", "A/HRC/25/5, para. 2."]);
  });
});
