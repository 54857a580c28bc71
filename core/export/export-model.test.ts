import { describe, expect, it } from "vitest";
import { documentSchema, UN_HEADING_NUMBERING } from "../editor";
import { EMPTY_COVER } from "../editor/cover";
import { exportCover } from "./export-cover";
import { exportModel, type Block } from "./export-model";

const text = (value: string, marks: unknown[] = []) => ({ type: "text", text: value, ...(marks.length ? { marks } : {}) });
const cite = (sourceId: string, label: string, pinpoint = "") => ({ type: "citation", attrs: { sourceId, label, pinpoint } });
const note = (id: string, ...content: unknown[]) => ({ type: "footnote", attrs: { id }, content });
const para = (...content: unknown[]) => ({ type: "paragraph", content });

const doc = documentSchema().nodeFromJSON({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1, section: "introduction" }, content: [text("Introduction")] },
    para(text("The law was adopted", [{ type: "bold" }]), note("n1", cite("s1", "A/HRC/25/5", "para. 186.60")), text(". See "), text("OHCHR", [{ type: "link", attrs: { href: "https://www.ohchr.org" } }]), text(" and "), text("this", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])),
    { type: "paragraph", attrs: { numbered: false }, content: [text("A lead-in:")] },
    para(text("It applies."), note("n2", cite("s1", "A/HRC/25/5", "para. 186.61"))),
    { type: "orderedList", attrs: { listStyle: "lower-alpha", start: 1 }, content: [{ type: "listItem", content: [para(text("first"))] }] },
    { type: "paragraph", attrs: { lang: "ar", dir: "rtl" }, content: [text("حقوق الإنسان")] },
    { type: "heading", attrs: { level: 2 }, content: [text("Civil rights")] },
    { type: "table", content: [{ type: "tableRow", content: [{ type: "tableHeader", content: [para(text("Recommendation"))] }, { type: "tableCell", content: [para(text("186.60"))] }] }] },
  ],
});

describe("the export model", () => {
  const model = exportModel(doc, { language: "en", headingNumbering: UN_HEADING_NUMBERING });
  const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);

  it("numbers paragraphs and headings as the editor does, and keeps unnumbered ones unnumbered", () => {
    expect(kinds(model.blocks)).toEqual(["heading", "paragraph", "paragraph", "paragraph", "list", "paragraph", "heading", "table"]);
    const numbers = model.blocks.filter((b) => b.kind === "paragraph").map((b) => (b.kind === "paragraph" ? b.number : null));
    expect(numbers).toEqual([1, null, 2, 3]);
    expect(model.blocks.filter((b) => b.kind === "heading").map((b) => (b.kind === "heading" ? b.label : ""))).toEqual(["I.", "A."]);
  });

  it("numbers footnotes in reading order with citations written out, Ibid. computed", () => {
    expect(model.footnotes).toEqual([
      { number: 1, content: [{ kind: "text", text: "A/HRC/25/5, para. 186.60", marks: {} }] },
      { number: 2, content: [{ kind: "text", text: "Ibid., para. 186.61", marks: {} }] },
    ]);
    const first = model.blocks[1];
    expect(first?.kind === "paragraph" && first.content[1]).toEqual({ kind: "note", number: 1 });
  });

  it("keeps marks and safe links, and drops a link that is not http, https or mailto", () => {
    const first = model.blocks[1];
    if (first?.kind !== "paragraph") throw new Error("expected a paragraph");
    expect(first.content[0]).toEqual({ kind: "text", text: "The law was adopted", marks: { bold: true } });
    expect(first.content.find((r) => r.kind === "text" && r.text === "OHCHR")).toMatchObject({ marks: { link: "https://www.ohchr.org" } });
    expect(first.content.find((r) => r.kind === "text" && r.text === "this")).toEqual({ kind: "text", text: "this", marks: {} });
  });

  it("carries lists' styles, a paragraph's own language and direction, and table header cells", () => {
    expect(model.blocks[4]).toMatchObject({ kind: "list", style: "lower-alpha", start: 1 });
    expect(model.blocks[5]).toMatchObject({ kind: "paragraph", lang: "ar", dir: "rtl" });
    const table = model.blocks[7];
    expect(table?.kind === "table" && table.rows[0]!.cells.map((c) => c.header)).toEqual([true, false]);
  });
});

describe("the export cover", () => {
  it("never names a confidential organisation, and prints acronyms", () => {
    const cover = exportCover(
      { ...EMPTY_COVER, title: " Joint submission ", stateUnderReview: "GHA", organisations: ["a", "b", "c"], mechanism: "UPR" },
      [
        { id: "a", name: "Ghana Human Rights Network", acronym: "GHRN", confidential: false },
        { id: "b", name: "Hidden Defenders", acronym: "HD", confidential: true },
        { id: "c", name: "No Acronym Group", acronym: "", confidential: false },
      ],
      "UPR",
    );
    expect(cover).toMatchObject({ title: "Joint submission", stateUnderReview: "Ghana", organisations: ["Ghana Human Rights Network (GHRN)", "No Acronym Group"] });
    expect(JSON.stringify(cover)).not.toContain("Hidden");
  });
});
