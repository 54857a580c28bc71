import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor";
import { countSectionWords } from "./section-words";
import { countDocumentWords, type CountingRule } from "./word-count";

const text = (value: string) => ({ type: "text", text: value });
const paragraph = (...content: object[]) => ({ type: "paragraph", content });
const heading = (value: string, section: string | null, level = 1) => ({
  type: "heading",
  attrs: { level, section },
  content: [text(value)],
});
const note = (value: string) => ({ type: "footnote", attrs: { id: value.slice(0, 4) }, content: [text(value)] });

function draft(...content: object[]) {
  return documentSchema().nodeFromJSON({ type: "doc", content });
}

const ALL: CountingRule = { footnotes: true, headings: true, tables: true };
const BODY_ONLY: CountingRule = { footnotes: false, headings: false, tables: false };

describe("words by template section", () => {
  const doc = draft(
    paragraph(text("Joint submission by three organisations.")), // 5
    heading("Background", "background"), // 1
    paragraph(text("The State was reviewed in 2013."), note("A/HRC/25/5, para. 186.60.")), // 6 + 3
    heading("Women's rights", null, 2), // 2, a sub-heading: stays in "background"
    paragraph(text("No progress.")), // 2
    heading("Recommendations", "recommendations"), // 1
    {
      type: "table",
      content: [{ type: "tableRow", content: [{ type: "tableCell", content: [paragraph(text("Ratify OP-CAT"))] }] }],
    }, // 2 (table)
    paragraph(text("Adopt a law."), note("See CAT/C/GHA/CO/1.")), // 3 + 2
  );

  it("counts each section by the rule, notes in the section of their marker", () => {
    expect(countSectionWords(doc, ALL)).toEqual([
      { section: null, heading: "", words: 5 },
      { section: "background", heading: "Background", words: 1 + 6 + 3 + 2 + 2 },
      { section: "recommendations", heading: "Recommendations", words: 1 + 2 + 3 + 2 },
    ]);
    expect(countSectionWords(doc, BODY_ONLY)).toEqual([
      { section: null, heading: "", words: 5 },
      { section: "background", heading: "Background", words: 6 + 2 },
      { section: "recommendations", heading: "Recommendations", words: 3 },
    ]);
    expect(countSectionWords(doc, { footnotes: true, headings: false, tables: false }).map((s) => s.words)).toEqual([5, 9 + 2, 3 + 2]);
  });

  it("adds up to the document's count under any rule", () => {
    for (const rule of [ALL, BODY_ONLY, { footnotes: true, headings: false, tables: true }]) {
      const total = countSectionWords(doc, rule).reduce((sum, s) => sum + s.words, 0);
      expect(total).toBe(countDocumentWords(doc, rule).counted);
    }
  });

  it("has no null section when the draft opens with a section heading, and reads a renamed heading", () => {
    const opened = draft(heading("Introduction (revised)", "introduction"), paragraph(text("Two words.")));
    expect(countSectionWords(opened, BODY_ONLY)).toEqual([{ section: "introduction", heading: "Introduction (revised)", words: 2 }]);
  });

  it("is one null section when no heading carries a section, even for one empty paragraph", () => {
    const plain = draft(heading("Untitled", null), paragraph(text("Three words here.")));
    expect(countSectionWords(plain, ALL)).toEqual([{ section: null, heading: "", words: 1 + 3 }]);
    expect(countSectionWords(draft(paragraph()), ALL)).toEqual([{ section: null, heading: "", words: 0 }]);
  });

  it("keeps two sections with the same id apart, in document order", () => {
    const twice = draft(heading("Issues", "issues"), paragraph(text("One.")), heading("Issues again", "issues"), paragraph(text("Two more.")));
    expect(countSectionWords(twice, BODY_ONLY)).toEqual([
      { section: "issues", heading: "Issues", words: 1 },
      { section: "issues", heading: "Issues again", words: 2 },
    ]);
  });
});
