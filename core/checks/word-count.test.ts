import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor";
import { countDocumentWords, countWords } from "./word-count";

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
    const text = (value: string) => ({ type: "text", text: value });
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
