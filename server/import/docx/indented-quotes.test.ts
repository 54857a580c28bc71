import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { ownText, toNode } from "../../../test/fixtures/import/compare";
import { list, numberingOf, p, r, rawDocx, style } from "../../../test/fixtures/import/raw-docx";
import { readDocx } from "./index";

/** A paragraph set at a left indent (twips), with more `w:ind` attributes and `w:pPr` children if given. */
const indented = (text: string, left: number, options: { ind?: string; pPr?: string } = {}) =>
  `<w:p><w:pPr>${options.pPr ?? ""}<w:ind w:left="${left}"${options.ind ?? ""}/></w:pPr>${r(text)}</w:p>`;

/** The top-level blocks: their type and text. */
function read(parts: Parameters<typeof rawDocx>[0]): Array<[string, string]> {
  const doc: PMNode = toNode(readDocx(rawDocx(parts)).doc);
  doc.check();
  const out: Array<[string, string]> = [];
  doc.forEach((node) => out.push([node.type.name, ownText(node)]));
  return out;
}

describe("readDocx: quotations set by indentation", () => {
  it("makes paragraphs indented a centimetre beyond the body one quotation, and leaves slightly indented ones body text", () => {
    const blocks = read({
      body: [p("The law says:"), indented("Article 5. Everyone has the right", 1134), indented("to peaceful assembly.", 1134, { ind: ' w:right="567"' }), p("That is not applied."), indented("A slightly indented paragraph.", 360), p("End.")].join(""),
    });
    expect(blocks).toEqual([
      ["paragraph", "The law says:"],
      ["blockquote", "Article 5. Everyone has the rightto peaceful assembly."],
      ["paragraph", "That is not applied."],
      ["paragraph", "A slightly indented paragraph."],
      ["paragraph", "End."],
    ]);
  });

  it("reads the indent a paragraph's style gives it", () => {
    const styles = style("paragraph", "Indented", { name: "Indented text", pPr: '<w:ind w:left="1440"/>' });
    expect(read({ styles, body: [p("Body."), p("Excerpt.", { style: "Indented" }), p("Body again.")].join("") })[1]).toEqual(["blockquote", "Excerpt."]);
  });

  it("leaves indented list items, typed labels, hanging indents and centred lines alone", () => {
    const bullets = list(2, [["bullet", "•"]]);
    const blocks = read({
      numbering: numberingOf(bullets),
      body: [
        p("Body."),
        `<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr><w:ind w:left="1440" w:hanging="360"/></w:pPr>${r("A bullet.")}</w:p>`,
        indented("(a) A typed sub-paragraph;", 1134),
        indented("ii. A typed roman one;", 1134),
        indented("– A typed dash.", 1134),
        indented("Hanging text.", 1134, { ind: ' w:hanging="567"' }),
        indented("A centred line.", 1134, { pPr: '<w:jc w:val="center"/>' }),
        p("Body again."),
      ].join(""),
    });
    expect(blocks.map(([type]) => type)).toEqual(["paragraph", "bulletList", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph", "paragraph"]);
  });

  it("keeps a paragraph continuing a numbered one, at the numbered text's indent, body text", () => {
    const main = {
      abstract: '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="1134" w:hanging="567"/></w:pPr></w:lvl></w:abstractNum>',
      num: '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>',
    };
    const blocks = read({
      numbering: numberingOf(main),
      // Unnumbered paragraphs at the margin: the numbered paragraphs' text, not theirs, is where the body's text starts.
      body: [p("An introduction."), p("Its second paragraph."), p("First point.", { numId: 1 }), indented("Its continuation, aligned with the text.", 1134), p("Second point.", { numId: 1 }), indented("A quotation, indented beyond the text.", 1701), p("Third point.", { numId: 1 })].join(""),
    });
    expect(blocks.map(([type]) => type)).toEqual(["paragraph", "paragraph", "paragraph", "paragraph", "paragraph", "blockquote", "paragraph"]);
  });
});
