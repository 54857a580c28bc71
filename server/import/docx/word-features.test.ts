import type { Node as PMNode } from "@tiptap/pm/model";
import { TableMap } from "@tiptap/pm/tables";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { documentSchema, UN_HEADING_NUMBERING } from "../../../core/editor";
import { exportModel } from "../../../core/export/export-model";
import { numberedParagraphs, ownText, toNode } from "../../../test/fixtures/import/compare";
import { list, numberingOf, p, r, rawDocx, style, tbl, tc, tr } from "../../../test/fixtures/import/raw-docx";
import { renderDocx } from "../../export/docx";
import { readDocx } from "./index";

const blocks = (doc: PMNode) => {
  const out: PMNode[] = [];
  doc.forEach((node) => out.push(node));
  return out;
};

/** Each text node's text with its mark names, in reading order (footnote text included). */
function marked(doc: PMNode): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  doc.descendants((node) => {
    if (node.isText) out.push([node.text!, node.marks.map((m) => m.type.name)]);
  });
  return out;
}

const read = (parts: Parameters<typeof rawDocx>[0]) => {
  const imported = readDocx(rawDocx(parts));
  const doc = toNode(imported.doc);
  doc.check();
  return { imported, doc };
};

describe("readDocx: Word's quotation styles", () => {
  const styles = [
    style("paragraph", "Quote", { name: "Quote", rPr: "<w:i/>" }),
    style("paragraph", "Zitat2", { name: "Intense Quote" }),
    style("paragraph", "PullQuote", { name: "Pull quote", basedOn: "Quote" }),
    style("paragraph", "Quotations", { name: "Citation notes" }),
    style("character", "Emphasis", { name: "Emphasis", rPr: "<w:i/>" }),
  ].join("");
  const comment = '<w:comment w:id="7" w:author="Amina"><w:p><w:r><w:t>Source?</w:t></w:r></w:p></w:comment>';

  it("makes consecutive Quote paragraphs one blockquote, by name, by id or by basedOn, and leaves other styles alone", () => {
    const { doc } = read({
      styles,
      body: [p("Before."), p("First quoted.", { style: "Quote" }), p("Second quoted.", { style: "Zitat2" }), p("Between."), p("Pulled.", { style: "PullQuote" }), p("Not a quote.", { style: "Quotations" })].join(""),
    });
    expect(blocks(doc).map((b) => [b.type.name, b.type.name === "blockquote" ? b.childCount : 1, ownText(b)])).toEqual([
      ["paragraph", 1, "Before."],
      ["blockquote", 2, "First quoted.Second quoted."],
      ["paragraph", 1, "Between."],
      ["blockquote", 1, "Pulled."],
      ["paragraph", 1, "Not a quote."],
    ]);
  });

  it("reads custom quotation styles by their name in any case: Block Quotation, QUOTES, UN quote, Word's Block Text, and styles based on them", () => {
    const custom = [
      style("paragraph", "BlockQuotation", { name: "Block Quotation" }),
      style("paragraph", "Q1", { name: "QUOTES" }),
      style("paragraph", "Q2", { name: "UN quote" }),
      style("paragraph", "BlockText", { name: "Block Text" }),
      style("paragraph", "Q3", { name: "Law excerpt", basedOn: "BlockQuotation" }),
      style("paragraph", "Unquoted", { name: "Unquoted remark" }),
    ].join("");
    const ids = ["BlockQuotation", "Q1", "Q2", "BlockText", "Q3"];
    const { doc } = read({ styles: custom, body: ids.flatMap((id) => [p(`Quoted in ${id}.`, { style: id }), p("Body.")]).join("") + p("Not quoted.", { style: "Unquoted" }) });
    expect(blocks(doc).map((b) => [b.type.name, ownText(b)])).toEqual([...ids.flatMap((id) => [["blockquote", `Quoted in ${id}.`], ["paragraph", "Body."]]), ["paragraph", "Not quoted."]]);
  });

  it("keeps the quote style's italics as the blockquote, not as marks, and an emphasised word inside it italic", () => {
    const { doc } = read({ styles, body: p([r("The State "), r("shall", '<w:rStyle w:val="Emphasis"/>'), r(" act.")], { style: "Quote" }) });
    expect(marked(doc)).toEqual([
      ["The State ", []],
      ["shall", ["italic"]],
      [" act.", []],
    ]);
  });

  it("anchors a comment in a quotation's second paragraph at the blockquote, counting from the quotation's start", () => {
    const { imported, doc } = read({
      styles,
      comments: comment,
      body: [p("Intro."), p("One.", { style: "Quote" }), p([r("Two "), '<w:commentRangeStart w:id="7"/>', r("three"), '<w:commentRangeEnd w:id="7"/>'], { style: "Quote" })].join(""),
    });
    expect(imported.report.comments).toEqual([{ author: "Amina", text: "Source?", date: null, replyTo: null, resolved: false, quotedText: "three", anchor: { paragraphIndex: 1, offset: "One.Two ".length } }]);
    expect(doc.child(1).type.name).toBe("blockquote");
  });

  it("keeps a numbered paragraph in Quote style numbered, not quoted", () => {
    const main = list(1, [["decimal", "%1."]]);
    const { doc } = read({ styles, numbering: numberingOf(main), body: [p("One.", { numId: 1 }), p("Two.", { numId: 1, style: "Quote" })].join("") });
    expect(blocks(doc).map((b) => b.type.name)).toEqual(["paragraph", "paragraph"]);
    expect(numberedParagraphs(doc)).toEqual([
      [1, "One."],
      [2, "Two."],
    ]);
  });
});

describe("readDocx: comment offsets in a heading whose typed label is removed", () => {
  it("counts from the heading's text after its label", () => {
    const { imported, doc } = read({
      styles: style("paragraph", "Heading1", { name: "heading 1" }),
      comments: '<w:comment w:id="1" w:author="B"><w:p><w:r><w:t>Title?</w:t></w:r></w:p></w:comment>',
      body: p([r("I.\t"), r("Intro"), '<w:commentRangeStart w:id="1"/>', r("duction"), '<w:commentRangeEnd w:id="1"/>'], { style: "Heading1" }),
    });
    expect(ownText(doc.child(0))).toBe("Introduction");
    expect(imported.report.comments[0]!.anchor).toEqual({ paragraphIndex: 0, offset: 5 });
  });
});

describe("readDocx: formatting from character and paragraph styles", () => {
  const styles = [
    style("character", "Strong", { rPr: "<w:b/>" }),
    style("character", "Emphasis", { rPr: "<w:i/>" }),
    style("character", "KeyTerm", { basedOn: "Emphasis", rPr: '<w:u w:val="single"/>' }),
    style("character", "Raised", { rPr: '<w:vertAlign w:val="superscript"/>' }),
    style("character", "Lowered", { rPr: '<w:vertAlign w:val="subscript"/>' }),
    style("character", "Hyperlink", { rPr: '<w:color w:val="0563C1"/><w:u w:val="single"/>' }),
    style("paragraph", "Normal", { isDefault: true }),
    style("paragraph", "Aside", { rPr: "<w:i/>" }),
    style("paragraph", "AsideBold", { basedOn: "Aside", rPr: "<w:b/>" }),
  ].join("");

  it("gives a run its character style's marks, through the basedOn chain", () => {
    const { doc } = read({
      styles,
      body: p([r("bold", '<w:rStyle w:val="Strong"/>'), r(" key", '<w:rStyle w:val="KeyTerm"/>'), r(" x"), r("2", '<w:rStyle w:val="Raised"/>'), r(" H"), r("2", '<w:rStyle w:val="Lowered"/>'), r("O", '<w:rStyle w:val="Unknown"/>')]),
    });
    expect(marked(doc)).toEqual([
      ["bold", ["bold"]],
      [" key", ["italic", "underline"]],
      [" x", []],
      ["2", ["superscript"]],
      [" H", []],
      ["2", ["subscript"]],
      ["O", []],
    ]);
  });

  it("lets direct formatting switch a style's formatting off, and on", () => {
    const { doc } = read({
      styles,
      body: p([r("plain", '<w:rStyle w:val="KeyTerm"/><w:i w:val="0"/><w:u w:val="none"/>'), r(" also bold", '<w:rStyle w:val="Emphasis"/><w:b/><w:i w:val="false"/>'), r(" level", '<w:rStyle w:val="Raised"/><w:vertAlign w:val="baseline"/>')]),
    });
    expect(marked(doc)).toEqual([
      ["plain", []],
      [" also bold", ["bold"]],
      [" level", []],
    ]);
  });

  it("gives a paragraph's text its style's formatting, a character style toggling it as Word does", () => {
    const { doc } = read({ styles, body: [p([r("aside "), r("upright", '<w:rStyle w:val="Emphasis"/>'), r(" again")], { style: "Aside" }), p("both", { style: "AsideBold" }), p("normal")].join("") });
    expect(marked(doc)).toEqual([
      ["aside ", ["italic"]],
      ["upright", []],
      [" again", ["italic"]],
      ["both", ["bold", "italic"]],
      ["normal", []],
    ]);
  });

  it("applies styles inside footnotes, and does not underline a link for its Hyperlink style", () => {
    const footnotes = `<w:footnote w:id="1">${p([r("See "), r("Report", '<w:rStyle w:val="Emphasis"/>')])}</w:footnote>`;
    const link = '<w:hyperlink r:id="rId9"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>site</w:t></w:r></w:hyperlink>';
    const bytes = rawDocx({ styles, footnotes, body: p([r("Text"), '<w:r><w:footnoteReference w:id="1"/></w:r>', link]) });
    // The relationship the link names, added beside the parts rawDocx writes.
    const files = unzipSync(bytes);
    files["word/_rels/document.xml.rels"] = strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="hyperlink" Target="https://example.org" TargetMode="External"/></Relationships>');
    const doc = toNode(readDocx(zipSync(files)).doc);
    expect(marked(doc)).toEqual([
      ["Text", []],
      ["See ", []],
      ["Report", ["italic"]],
      ["site", ["link"]],
    ]);
  });
});

describe("readDocx: vertically merged table cells", () => {
  const restart = '<w:vMerge w:val="restart"/>';
  const cont = "<w:vMerge/>";

  it("joins a restart cell and its continuations into one cell with a rowspan, giving a valid table", () => {
    const { doc } = read({
      body: tbl(
        tr(tc(p("Kenya"), restart), tc(p("2015"))),
        tr(tc(p(""), cont), tc(p("2020"))),
        tr(tc(p("late note"), '<w:vMerge w:val="continue"/>'), tc(p("2025"))),
        tr(tc(p("Peru")), tc(p("2017"))),
      ),
    });
    const table = doc.child(0);
    expect(table.type.name).toBe("table");
    expect(TableMap.get(table).problems).toBeNull();
    const rows: Array<Array<[string, number]>> = [];
    table.forEach((row) => {
      const cells: Array<[string, number]> = [];
      row.forEach((cell) => cells.push([ownText(cell), cell.attrs.rowspan as number]));
      rows.push(cells);
    });
    expect(rows).toEqual([
      [
        ["Kenyalate note", 3],
        ["2015", 1],
      ],
      [["2020", 1]],
      [["2025", 1]],
      [
        ["Peru", 1],
        ["2017", 1],
      ],
    ]);
  });

  it("follows merges by grid column past a wide cell, and keeps a row made only of continuations", () => {
    const { doc } = read({
      body: tbl(tr(tc(p("wide"), '<w:gridSpan w:val="2"/>'), tc(p("right"), restart)), tr(tc(p("a")), tc(p("b")), tc(p(""), cont)), tr(tc(p("c"), '<w:gridSpan w:val="2"/>' + restart), tc(p(""), cont)), tr(tc(p(""), '<w:gridSpan w:val="2"/>' + cont), tc(p(""), cont))),
    });
    const table = doc.child(0);
    expect(TableMap.get(table).problems).toBeNull();
    expect(TableMap.get(table).width).toBe(3);
    const spans: Array<Array<[string, number, number]>> = [];
    table.forEach((row) => {
      const cells: Array<[string, number, number]> = [];
      row.forEach((cell) => cells.push([ownText(cell), cell.attrs.colspan as number, cell.attrs.rowspan as number]));
      spans.push(cells);
    });
    expect(spans).toEqual([
      [
        ["wide", 2, 1],
        ["right", 1, 4],
      ],
      [
        ["a", 1, 1],
        ["b", 1, 1],
      ],
      [["c", 2, 2]],
      [],
    ]);
  });

  it("brings back a merged cell from our own export", async () => {
    const cell = (text: string, rowspan = 1) => ({ type: "tableCell", attrs: { rowspan }, content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
    const draft = documentSchema().nodeFromJSON({
      type: "doc",
      content: [{ type: "table", content: [{ type: "tableRow", content: [cell("State", 2), cell("2015")] }, { type: "tableRow", content: [cell("2020")] }] }],
    });
    const bytes = await renderDocx(exportModel(draft, { language: "en", headingNumbering: UN_HEADING_NUMBERING }), { title: "", mechanism: "", session: "", stateUnderReview: "", organisations: [], contact: "", date: "" });
    const doc = toNode(readDocx(bytes).doc);
    const table = blocks(doc).find((b) => b.type.name === "table")!;
    expect(table.firstChild!.firstChild!.attrs.rowspan).toBe(2);
    expect(table.child(1).childCount).toBe(1);
    expect(TableMap.get(table).problems).toBeNull();
  });
});

describe("readDocx: list styles", () => {
  /**
   * One list per level definition, each of two items, after body paragraphs numbered by a list
   * of their own (so no "1." list below is taken for the body's numbering); the lists' style attributes in order.
   */
  function stylesOf(levels: Array<[string, string, string?]>) {
    const lists = levels.map((level, i) => list(10 + i, [level]));
    const numbered = [1, 2, 3].map((n) => p(`Numbered paragraph ${n}.`, { numId: 9 })).join("");
    const body = numbered + lists.flatMap((_, i) => [p(`item ${i}`, { numId: 10 + i }), p(`item ${i} again`, { numId: 10 + i }), p("Between.")]).join("");
    const { imported, doc } = read({ numbering: numberingOf(list(9, [["decimal", "%1."]]), ...lists), body });
    const styles = blocks(doc).flatMap((b) => (b.type.name === "paragraph" ? [] : [String(b.attrs.listStyle ?? b.attrs.bulletStyle)]));
    return { styles, restyled: imported.report.listsRestyled };
  }

  it("keeps every numbering style real submissions use: 1. (1) (a) a. A. (i) i. I.", () => {
    const read = stylesOf([
      ["decimal", "%1."],
      ["decimal", "(%1)"],
      ["lowerLetter", "(%1)"],
      ["lowerLetter", "%1."],
      ["upperLetter", "%1."],
      ["lowerRoman", "(%1)"],
      ["lowerRoman", "%1."],
      ["upperRoman", "%1."],
      // French and Spanish sub-paragraphs: the parenthesised style, which the exporter writes "a)" in those languages.
      ["lowerLetter", "%1)"],
    ]);
    expect(read.styles).toEqual(["decimal", "decimal-parenthesised", "lower-alpha", "lower-alpha-period", "upper-alpha", "lower-roman", "lower-roman-period", "upper-roman", "lower-alpha"]);
    expect(read.restyled).toBe(0);
  });

  it("shows a style the editor lacks the nearest way, keeping its counter, and reports it", () => {
    const read = stylesOf([
      ["upperRoman", "(%1)"],
      ["decimalZero", "%1."],
      ["decimal", "%1.%2."],
    ]);
    expect(read.styles).toEqual(["upper-roman", "decimal", "decimal"]);
    expect(read.restyled).toBe(3);
  });

  it("reads bullets by their character, Symbol and Wingdings ones by their font's private-use code", () => {
    const read = stylesOf([
      ["bullet", "\uF0B7", "Symbol"],
      ["bullet", "•"],
      ["bullet", "o", "Courier New"],
      ["bullet", "\uF0A7", "Wingdings"],
      ["bullet", "\uF0D8", "Wingdings"],
      ["bullet", "➢"],
      ["bullet", "→"],
      ["bullet", "\uF0AE", "Symbol"],
      ["bullet", "\uF0E0", "Wingdings"],
      ["bullet", "-"],
      ["bullet", "–"],
      ["bullet", "▪"],
    ]);
    expect(read.styles).toEqual(["disc", "disc", "circle", "square", "arrow", "arrow", "arrow", "arrow", "arrow", "dash", "dash", "square"]);
    expect(read.restyled).toBe(0);
  });

  it("shows a check-mark bullet as the disc and reports it", () => {
    expect(stylesOf([["bullet", "\uF0FC", "Wingdings"]])).toEqual({ styles: ["disc"], restyled: 1 });
  });
});

describe("readDocx: a main list numbering a single paragraph", () => {
  const main = list(1, [
    ["decimal", "%1."],
    ["lowerLetter", "(%2)"],
  ]);
  const other = list(2, [["decimal", "%1."]]);
  const dots = list(6, [["bullet", "\u2022"]]);
  const heading = style("paragraph", "Heading1", { name: "heading 1" });

  it("makes a lone '1.' body paragraph a numbered paragraph", () => {
    const { imported, doc } = read({ styles: heading, numbering: numberingOf(main), body: [p("Context", { style: "Heading1" }), p("Lead-in."), p("The only numbered paragraph.", { numId: 1 }), p(""), p("A closing paragraph.")].join("") });
    expect(numberedParagraphs(doc)).toEqual([[1, "The only numbered paragraph."]]);
    expect(imported.report.numberedParagraphs).toBe(1);
    expect(imported.report.lists).toBe(0);
  });

  it("keeps a one-item list that sits among other list items a list", () => {
    const nested = read({ numbering: numberingOf(main), body: [p("Text."), p("Item with sub-items:", { numId: 1 }), p("first;", { numId: 1, ilvl: 1 }), p("second.", { numId: 1, ilvl: 1 })].join("") });
    expect(nested.imported.report.numberedParagraphs).toBe(0);
    expect(blocks(nested.doc).map((b) => b.type.name)).toEqual(["paragraph", "orderedList"]);
    const beside = read({ numbering: numberingOf(main, dots), body: [p("Text."), p("Numbered item.", { numId: 1 }), p(""), p("a point", { numId: 6 }), p("another", { numId: 6 })].join("") });
    expect(beside.imported.report.numberedParagraphs).toBe(0);
    expect(blocks(beside.doc).map((b) => b.type.name)).toEqual(["paragraph", "orderedList", "paragraph", "bulletList"]);
  });

  it("makes neither of two lone one-item lists numbered paragraphs", () => {
    const { imported } = read({ numbering: numberingOf(main, other), body: [p("One.", { numId: 1 }), p("Text."), p("Other one.", { numId: 2 })].join("") });
    expect(imported.report.numberedParagraphs).toBe(0);
    expect(imported.report.lists).toBe(2);
  });
});
