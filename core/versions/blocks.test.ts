import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor/canonical";
import { computeNumbering, UN_HEADING_NUMBERING } from "../editor/numbering";
import { plainText } from "../editor/plain-text";
import { citation, doc, footnote, hardBreak, heading, letteredList, paragraph, recommendation, table, unnumbered, bold } from "../../test/version-documents";
import { documentBlocks } from "./blocks";

const schema = documentSchema();

const sample = () =>
  schema.nodeFromJSON(
    doc(
      heading("Introduction", "introduction"),
      paragraph("First ", bold("point"), footnote("a", "See ", citation("s1", "A/HRC/22/6"), ", para. 3."), " and more", footnote("b", "Second note.")),
      unnumbered("An aside", hardBreak(), "on two lines."),
      heading("Follow-up", "follow-up", 2),
      letteredList("Item one", "Item two"),
      paragraph("Second point."),
      table(["Cell A", "Cell B"]),
      recommendation("Ratify the protocol", footnote("c", citation("s2", "A/HRC/25/5", "para. 186.60"), ".")),
      heading("Untitled"),
      paragraph("Third point", footnote("d", "Last.")),
    ),
  );

describe("documentBlocks", () => {
  it("reads every textblock in order, each note right after the block that holds its marker", () => {
    const blocks = documentBlocks(sample(), UN_HEADING_NUMBERING);
    expect(blocks.map((b) => [b.role, b.text])).toEqual([
      ["heading", "Introduction"],
      ["body", "First point and more"],
      ["note", "See A/HRC/22/6, para. 3."],
      ["note", "Second note."],
      ["body", "An aside\non two lines."],
      ["heading", "Follow-up"],
      ["body", "Item one"],
      ["body", "Item two"],
      ["body", "Second point."],
      ["body", "Cell A"],
      ["body", "Cell B"],
      ["recommendation", "Ratify the protocol"],
      ["note", "A/HRC/25/5."],
      ["heading", "Untitled"],
      ["body", "Third point"],
      ["note", "Last."],
    ]);
  });

  it("names each block's place with the numbers the page shows, and its section", () => {
    const blocks = documentBlocks(sample(), UN_HEADING_NUMBERING);
    expect(blocks.map((b) => [b.topIndex, b.paragraph, b.heading, b.note, b.section])).toEqual([
      [0, null, "I.", null, "introduction"],
      [1, 1, null, null, "introduction"],
      [1, null, null, 1, "introduction"],
      [1, null, null, 2, "introduction"],
      [2, null, null, null, "introduction"],
      [3, null, "A.", null, "follow-up"],
      [4, null, null, null, "follow-up"],
      [4, null, null, null, "follow-up"],
      [5, 2, null, null, "follow-up"],
      [6, null, null, null, "follow-up"],
      [6, null, null, null, "follow-up"],
      [7, null, null, null, "follow-up"],
      [7, null, null, 3, "follow-up"],
      [8, null, "II.", null, "follow-up"],
      [9, 3, null, null, "follow-up"],
      [9, null, null, 4, "follow-up"],
    ]);
    expect(blocks[0]!.place).toEqual({ kind: "heading", text: "I. Introduction" });
    expect(blocks[1]!.place).toEqual({ kind: "para", n: 1 });
    expect(blocks[2]!.place).toEqual({ kind: "note", n: 1 });
    expect(blocks[4]!.place).toEqual({ kind: "block", node: "paragraph", landmark: "para", n: 1 });
    expect(blocks[6]!.place).toEqual({ kind: "block", node: "orderedList", landmark: "heading", text: "A. Follow-up" });
    expect(blocks[2]!.footnoteId).toBe("a");
  });

  it("numbers notes as computeNumbering does, and reads the same texts as plainText", () => {
    const node = sample();
    const blocks = documentBlocks(node);
    expect(blocks.filter((b) => b.role === "note").map((b) => b.note)).toEqual([...computeNumbering(node).footnotes.values()]);
    const { blocks: texts, notes } = plainText(node);
    expect(blocks.filter((b) => b.role !== "note").map((b) => b.text)).toEqual(texts);
    expect(blocks.filter((b) => b.role === "note").map((b) => b.text)).toEqual(notes);
  });

  it("reads an empty document as no blocks but its empty paragraph", () => {
    expect(documentBlocks(schema.nodeFromJSON(doc(paragraph()))).map((b) => b.text)).toEqual([""]);
  });
});
