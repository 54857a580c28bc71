import { Transform } from "@tiptap/pm/transform";
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD, documentSchema } from "../editor";
import { UN_HEADING_NUMBERING } from "../editor/numbering";
import { doc, footnote, heading, letteredList, paragraph, type Json } from "../../test/version-documents";
import { authorshipOf } from "./authorship";
import { alignBlocks, compareDocuments, placeMessage, type Aligned, type Change, type Comparison } from "./compare";

const schema = documentSchema();

/** A change as a line a person could read: "changed para. 2 → para. 3: The [-old-]{+new+} text". */
function describe1(change: Change): string {
  const where = (side: Change["before"]) => {
    if (!side) return "—";
    const p = side.place;
    return p.kind === "para" ? `para. ${p.n}` : p.kind === "note" ? `note ${p.n}` : p.kind === "heading" ? `heading ${p.text}` : `${p.node}`;
  };
  const text = change.pieces.map((p) => (p.op === "insert" ? `{+${p.text}+}` : p.op === "delete" ? `[-${p.text}-]` : p.text)).join("");
  return `${change.kind} ${where(change.before)} → ${where(change.after)}: ${text}`;
}
const lines = (comparison: Comparison) => comparison.changes.map(describe1);
const compare = (before: Json, after: Json) => compareDocuments({ doc: before }, { doc: after });

const BASE = () => [
  heading("Introduction"),
  paragraph("The State detained three journalists in 2024."),
  paragraph("It has not ratified the protocol.", footnote("n1", "See A/HRC/25/5.")),
  paragraph("Civil society was consulted."),
];

describe("compareDocuments", () => {
  it("finds no change between identical documents, and counts both sides' words", () => {
    const result = compare(doc(...BASE()), doc(...BASE()));
    expect(result.changes).toEqual([]);
    expect(result.totals).toEqual({ added: 0, removed: 0 });
    expect(result.words).toEqual({ before: 20, after: 20 });
    expect(result.inline).toEqual([{ type: "unchanged", count: 5 }]);
  });

  it("shows words inserted inside a paragraph", () => {
    const after = BASE();
    after[1] = paragraph("The State arbitrarily detained three journalists in 2024.");
    const result = compare(doc(...BASE()), doc(...after));
    expect(lines(result)).toEqual(["changed para. 1 → para. 1: The State {+arbitrarily +}detained three journalists in 2024."]);
    expect(result.totals).toEqual({ added: 1, removed: 0 });
    expect(result.words).toEqual({ before: 20, after: 21 });
  });

  it("shows a word changed inside a paragraph as one removed and one added", () => {
    const after = BASE();
    after[1] = paragraph("The State detained four journalists in 2024.");
    const result = compare(doc(...BASE()), doc(...after));
    expect(lines(result)).toEqual(["changed para. 1 → para. 1: The State detained [-three-]{+four+} journalists in 2024."]);
    expect(result.totals).toEqual({ added: 1, removed: 1 });
  });

  it("reads edits separated by a space as one, deletion first", () => {
    const result = compare(doc(paragraph("The State detained three journalists in 2024.")), doc(paragraph("The State detained four reporters in 2024.")));
    expect(lines(result)).toEqual(["changed para. 1 → para. 1: The State detained [-three journalists-]{+four reporters+} in 2024."]);
    expect(result.totals).toEqual({ added: 2, removed: 2 });
  });

  it("counts a word as Word does: a change inside “human-rights” touches one word", () => {
    const result = compare(doc(paragraph("Defend human-rights defenders.")), doc(paragraph("Defend human-duties defenders.")));
    expect(result.totals).toEqual({ added: 1, removed: 1 });
  });

  it("shows a deleted paragraph, numbered as it was", () => {
    const after = BASE();
    after.splice(3, 1);
    const result = compare(doc(...BASE()), doc(...after));
    expect(lines(result)).toEqual(["deleted para. 3 → —: [-Civil society was consulted.-]"]);
    expect(result.totals).toEqual({ added: 0, removed: 4 });
  });

  it("shows a paragraph inserted before others, and the numbers of both sides of a later change", () => {
    const after = BASE();
    after[3] = paragraph("Civil society was not consulted.");
    after.splice(1, 0, paragraph("This submission is by a coalition."));
    const result = compare(doc(...BASE()), doc(...after));
    expect(lines(result)).toEqual([
      "inserted — → para. 1: {+This submission is by a coalition.+}",
      "changed para. 3 → para. 4: Civil society was {+not +}consulted.",
    ]);
    expect(result.totals).toEqual({ added: 7, removed: 0 });
    // Renumbered but unchanged paragraphs are no change.
    expect(result.changes.some((c) => c.before?.place.kind === "para" && c.before.place.n === 1)).toBe(false);
  });

  it("compares notes where their markers are: a note's text changed, and a note inserted before it renumbers it", () => {
    const after = BASE();
    after[1] = paragraph("The State detained three journalists in 2024.", footnote("n0", "Reported by RSF."));
    after[2] = paragraph("It has not ratified the protocol.", footnote("n1", "See A/HRC/25/5, para. 12."));
    const result = compare(doc(...BASE()), doc(...after));
    expect(lines(result)).toEqual([
      "inserted — → note 1: {+Reported by RSF.+}",
      "changed note 1 → note 2: See A/HRC/25/5{+, para. 12+}.",
    ]);
    expect(result.totals).toEqual({ added: 6, removed: 0 });
  });

  it("compares list items one by one", () => {
    const before = doc(paragraph("We recommend:"), letteredList("Repeal section 208.", "Free the journalists."));
    const after = doc(paragraph("We recommend:"), letteredList("Repeal section 208 by 2027.", "Free the journalists.", "Consult civil society."));
    expect(lines(compare(before, after))).toEqual([
      "changed orderedList → orderedList: Repeal section 208{+ by 2027+}.",
      "inserted — → orderedList: {+Consult civil society.+}",
    ]);
  });

  it("names headings by their labels, and compares their text", () => {
    const before = doc(heading("Introduction"), paragraph("Text."), heading("Follow-up"), paragraph("More."));
    const after = doc(heading("Introduction"), paragraph("Text."), heading("Follow-up to the review"), paragraph("More."));
    const result = compareDocuments({ doc: before }, { doc: after }, { headingNumbering: UN_HEADING_NUMBERING });
    expect(lines(result)).toEqual(["changed heading II. Follow-up → heading II. Follow-up to the review: Follow-up{+ to the review+}"]);
    expect(placeMessage(result.changes[0]!.after!.place)).toEqual({ id: "checks.place.heading", values: { text: "II. Follow-up to the review" } });
  });

  it("says a paragraph moved when its text left one place and arrived unchanged at another", () => {
    const after = BASE();
    const [moved] = after.splice(3, 1);
    after.splice(1, 0, moved!);
    const result = compare(doc(...BASE()), doc(...after));
    expect(lines(result)).toEqual(["moved para. 3 → para. 1: Civil society was consulted."]);
    expect(result.totals).toEqual({ added: 0, removed: 0 });
  });

  it("leaves out a blank paragraph added or removed", () => {
    const after = BASE();
    after.splice(2, 0, paragraph());
    expect(compare(doc(...BASE()), doc(...after)).changes).toEqual([]);
  });

  it("collapses unchanged blocks in the inline model, with one block of context around a change", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => paragraph(`Paragraph number ${i + 1} of the draft.`));
    const before = many(30);
    const after = many(30);
    after[14] = paragraph("Paragraph number 15 of the draft, rewritten.");
    const result = compare(doc(...before), doc(...after));
    expect(result.inline.map((e) => (e.type === "unchanged" ? `… ${e.count} …` : `${e.kind}`))).toEqual(["… 13 …", "unchanged", "changed", "unchanged", "… 14 …"]);
    const changedEntry = result.inline[2]!;
    expect(changedEntry.type === "block" && changedEntry.change).toBe(0);
    expect(changedEntry.type === "block" && changedEntry.place).toEqual({ kind: "para", n: 15 });
  });

  it("credits inserted text to its writers from the after side's authorship", () => {
    const template = prosemirrorJSONToYDoc(schema, doc(paragraph("The State detained journalists."), paragraph("Untouched.")), BODY_FIELD);
    const before = yXmlFragmentToProseMirrorRootNode(template.getXmlFragment(BODY_FIELD), schema).toJSON() as Json;
    const ydoc = new Y.Doc();
    ydoc.clientID = 1001;
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(template));
    const fragment = ydoc.getXmlFragment(BODY_FIELD);
    const edit = (client: number, change: (tr: Transform) => void) => {
      ydoc.clientID = client;
      const tr = new Transform(yXmlFragmentToProseMirrorRootNode(fragment, schema));
      change(tr);
      ydoc.transact(() => updateYFragment(ydoc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }));
    };
    edit(1001, (tr) => tr.insert(1 + "The State detained journalists".length, schema.text(" arbitrarily")));
    edit(2002, (tr) => tr.insert(tr.doc.content.size, schema.nodes.paragraph!.create(null, schema.text("New paragraph by Bob."))));
    const users: Record<number, string> = { 1001: "ann", 2002: "bob" };
    const afterDoc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const authorship = authorshipOf(ydoc, (client) => users[client] ?? null, afterDoc);
    const result = compareDocuments({ doc: before }, { doc: afterDoc.toJSON() as Json, authorship });
    expect(result.changes.map((c) => [c.kind, c.authors])).toEqual([
      ["changed", ["ann"]],
      ["inserted", ["bob"]],
    ]);
    expect(result.changes[0]!.pieces.filter((p) => p.op === "insert")).toEqual([{ op: "insert", text: " arbitrarily", author: "ann" }]);
  });

  it("ignores an authorship that does not fit the after side, rather than crediting the wrong people", () => {
    const after = BASE();
    after[1] = paragraph("The State arbitrarily detained three journalists in 2024.");
    const result = compareDocuments({ doc: doc(...BASE()) }, { doc: doc(...after), authorship: { clients: ["x"], blocks: [[[0, 3]]] } });
    expect(result.changes[0]!.authors).toEqual([]);
    expect(result.changes[0]!.pieces.find((p) => p.op === "insert")).toEqual({ op: "insert", text: "arbitrarily " });
  });

  it("shows a paragraph rewritten beyond the word diff's bound as deleted and inserted whole, keeping the words both ends share", () => {
    const words = (prefix: string) => Array.from({ length: 1200 }, (_, i) => `${prefix}${i}`).join(" ");
    const result = compare(doc(paragraph(`Opening words ${words("a")} closing words.`)), doc(paragraph(`Opening words ${words("b")} closing words.`)));
    expect(result.changes[0]!.pieces.map((p) => [p.op, p.text.slice(0, 12)])).toEqual([
      ["equal", "Opening word"],
      ["delete", "a0 a1 a2 a3 "],
      ["insert", "b0 b1 b2 b3 "],
      ["equal", " closing wor"],
    ]);
    expect(result.totals).toEqual({ added: 1200, removed: 1200 });
  });

  it("compares a draft with the template it started from: the headings kept, everything written inserted", () => {
    const template = doc(heading("Introduction"), paragraph(), heading("Recommendations"), paragraph());
    const written = doc(heading("Introduction"), paragraph("We write."), paragraph("And more."), heading("Recommendations"), letteredList("Act.", "Act again."));
    expect(lines(compare(template, written))).toEqual([
      "inserted — → para. 1: {+We write.+}",
      "inserted — → para. 2: {+And more.+}",
      "inserted — → orderedList: {+Act.+}",
      "inserted — → orderedList: {+Act again.+}",
    ]);
  });
});

describe("alignBlocks", () => {
  const show = (aligned: Aligned[]) => aligned.map((x) => (x.type === "equal" ? `${x.before}=${x.after}` : `-${x.removed.join(",")}+${x.added.join(",")}`));

  it("keeps the longest run of blocks in the same order, and leaves the rest as regions", () => {
    expect(show(alignBlocks(["a", "b", "c", "d"], ["a", "x", "c", "d", "b"]))).toEqual(["0=0", "-1+1", "2=2", "3=3", "-+4"]);
  });

  it("matches repeated blocks (blank lines) between anchors in order", () => {
    expect(show(alignBlocks(["a", "", "b", "", "c"], ["a", "", "", "b", "", "c"]))).toEqual(["0=0", "1=1", "-+2", "2=3", "3=4", "4=5"]);
  });

  it("takes a long stretch with nothing in common as one region", () => {
    const before = Array.from({ length: 500 }, (_, i) => `b${i}`);
    const after = Array.from({ length: 500 }, (_, i) => `a${i}`);
    const aligned = alignBlocks(["start", ...before, "end"], ["start", ...after, "end"]);
    expect(aligned.map((x) => x.type)).toEqual(["equal", "region", "equal"]);
  });
});
