import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { sinkListItem } from "@tiptap/pm/schema-list";
import { describe, expect, it } from "vitest";
import { nestedListStylePlugin } from "./nodes/ordered-list";
import * as Y from "yjs";
import { BODY_FIELD, canonicalDocument, computeNumbering, documentSchema, formatCounter, toRoman, UN_HEADING_NUMBERING } from "./index";

const text = (value: string) => ({ type: "text", text: value });
const para = (value: string, numbered = true) => ({ type: "paragraph", attrs: { numbered }, content: [text(value)] });
const heading = (level: number, value: string) => ({ type: "heading", attrs: { level }, content: [text(value)] });
const footnote = (value: string) => ({ type: "footnote", attrs: { id: value }, content: [text(value)] });

function numbersOf(json: Record<string, unknown>) {
  const doc = documentSchema().nodeFromJSON(json);
  const numbering = computeNumbering(doc, UN_HEADING_NUMBERING);
  const label = (pos: number) => doc.nodeAt(pos)!.textContent;
  return {
    paragraphs: [...numbering.paragraphs].map(([pos, n]) => `${n} ${label(pos)}`),
    headings: [...numbering.headings].map(([pos, l]) => `${l} ${label(pos)}`),
    footnotes: [...numbering.footnotes].map(([pos, n]) => `${n} ${label(pos)}`),
  };
}

function readBack(doc: Y.Doc) {
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), documentSchema());
}

/** Two replicas that start from the same state and exchange updates only when told to. */
function replicas(json: Record<string, unknown>): [Y.Doc, Y.Doc, () => void] {
  const a = prosemirrorJSONToYDoc(documentSchema(), json, BODY_FIELD);
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const sync = () => {
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  };
  return [a, b, sync];
}

function paragraphElement(textValue: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, [new Y.XmlText(textValue)]);
  return element;
}

describe("computed numbering", () => {
  it("numbers top-level paragraphs through the document, skipping unnumbered, empty and nested ones", () => {
    const numbers = numbersOf({
      type: "doc",
      content: [
        para("Summary", false),
        heading(1, "Introduction"),
        { type: "paragraph", attrs: { numbered: true } },
        para("First"),
        { type: "bulletList", content: [{ type: "listItem", content: [para("in a list")] }] },
        { type: "blockquote", content: [para("quoted")] },
        heading(2, "Background"),
        para("Second"),
        heading(1, "Civil and political rights"),
        heading(2, "Fundamental freedoms"),
        heading(3, "Expression"),
        para("Third"),
      ],
    });
    expect(numbers.paragraphs).toEqual(["1 First", "2 Second", "3 Third"]);
    expect(numbers.headings).toEqual(["I. Introduction", "A. Background", "II. Civil and political rights", "A. Fundamental freedoms", "1. Expression"]);
  });

  it("numbers four heading levels I., A., 1., (a), each restarting under the level above", () => {
    const numbers = numbersOf({
      type: "doc",
      content: [
        heading(1, "Civil and political rights"),
        heading(2, "Fundamental freedoms"),
        heading(3, "Expression"),
        heading(4, "Online"),
        heading(4, "Press"),
        heading(3, "Assembly"),
        heading(4, "Permits"),
        heading(1, "Economic rights"),
        heading(4, "A fourth level straight under the first"),
      ],
    });
    expect(numbers.headings).toEqual([
      "I. Civil and political rights",
      "A. Fundamental freedoms",
      "1. Expression",
      "(a) Online",
      "(b) Press",
      "2. Assembly",
      "(a) Permits",
      "II. Economic rights",
      "(a) A fourth level straight under the first",
    ]);
  });

  it("keeps a fourth-level heading through the schema and Yjs, and reads a deeper level as the fourth", () => {
    const schema = documentSchema();
    const [a] = replicas({ type: "doc", content: [heading(4, "Sub-point")] });
    expect(readBack(a).firstChild!.attrs.level).toBe(4);
    const deeper = schema.nodeFromJSON({ type: "doc", content: [heading(6, "Too deep")] });
    expect([...computeNumbering(deeper, UN_HEADING_NUMBERING).headings.values()]).toEqual(["(a)"]);
  });

  it("numbers footnotes in reading order, wherever they sit", () => {
    const numbers = numbersOf({
      type: "doc",
      content: [
        { type: "paragraph", content: [text("One"), footnote("n-a"), text(" two"), footnote("n-b")] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [text("Listed"), footnote("n-c")] }] }] },
      ],
    });
    expect(numbers.footnotes).toEqual(["1 n-a", "2 n-b", "3 n-c"]);
  });

  it("formats counters the UN way", () => {
    expect([1, 4, 9, 14, 40, 1994].map(toRoman)).toEqual(["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]);
    expect(formatCounter(27, "upper-alpha")).toBe("AA.");
    expect(formatCounter(3, "lower-alpha")).toBe("c.");
    expect(formatCounter(3, "lower-alpha-parenthesised")).toBe("(c)");
    expect(formatCounter(3, "none")).toBe("");
  });

  it("gives distinct, consecutive numbers after two people insert paragraphs at the same place at once", () => {
    const [a, b, sync] = replicas({ type: "doc", content: [para("First"), para("Last")] });
    a.getXmlFragment(BODY_FIELD).insert(1, [paragraphElement("From A"), paragraphElement("From A again")]);
    b.getXmlFragment(BODY_FIELD).insert(1, [paragraphElement("From B")]);
    sync();
    const numbersA = [...computeNumbering(readBack(a)).paragraphs.values()];
    const numbersB = [...computeNumbering(readBack(b)).paragraphs.values()];
    expect(numbersA).toEqual([1, 2, 3, 4, 5]);
    expect(numbersB).toEqual(numbersA);
    expect(canonicalDocument(a).json).toEqual(canonicalDocument(b).json);
  });

  it("merges two people's edits inside the same footnote", () => {
    const [a, b, sync] = replicas({
      type: "doc",
      content: [{ type: "paragraph", content: [text("Claim."), { type: "footnote", attrs: { id: "f1" }, content: [text("Report, p. 4.")] }] }],
    });
    const noteText = (doc: Y.Doc) => {
      const paragraph = doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement;
      const note = paragraph.toArray().find((child) => child instanceof Y.XmlElement && child.nodeName === "footnote") as Y.XmlElement;
      return note.get(0) as Y.XmlText;
    };
    noteText(a).insert(0, "Amnesty International, ");
    const endB = noteText(b);
    endB.insert(endB.length, " See also ibid.");
    sync();
    const expected = "Amnesty International, Report, p. 4. See also ibid.";
    for (const doc of [a, b]) {
      const root = readBack(doc);
      const [pos] = computeNumbering(root).footnotes.keys();
      expect(root.nodeAt(pos!)!.textContent).toBe(expected);
    }
  });
});

describe("list styles between co-authors", () => {
  it("syncs a list's style, set by one person while another types in the list, as a node attribute", () => {
    const item = (value: string) => ({ type: "listItem", content: [para(value, false)] });
    const [a, b, sync] = replicas({ type: "doc", content: [{ type: "bulletList", content: [item("first")] }, { type: "orderedList", attrs: { listStyle: "lower-alpha" }, content: [item("one")] }] });
    const fragment = a.getXmlFragment(BODY_FIELD);
    // What the editor's Yjs binding writes when a style is chosen: the node's attribute.
    (fragment.get(0) as Y.XmlElement).setAttribute("bulletStyle", "arrow");
    (fragment.get(1) as Y.XmlElement).setAttribute("listStyle", "upper-roman");
    const itemText = ((b.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    (itemText.get(0) as Y.XmlText).insert(5, " point");
    sync();
    for (const doc of [a, b]) {
      const root = readBack(doc);
      expect(root.child(0).attrs.bulletStyle).toBe("arrow");
      expect(root.child(0).textContent).toBe("first point");
      expect(root.child(1).attrs.listStyle).toBe("upper-roman");
    }
  });
});

describe("sub-paragraph lists", () => {
  it("turns an (a) list indented inside an (a) list into an (i) list", () => {
    const schema = documentSchema();
    const item = (value: string) => ({ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: value }] }] });
    const doc = schema.nodeFromJSON({ type: "doc", content: [{ type: "orderedList", attrs: { listStyle: "lower-alpha" }, content: [item("first"), item("second")] }] });
    let state = EditorState.create({ doc, plugins: [nestedListStylePlugin()] });
    let secondPos = 0;
    doc.descendants((node, pos) => {
      if (node.isText && node.text === "second") secondPos = pos;
    });
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, secondPos + 1)));
    const sink = sinkListItem(schema.nodes.listItem!);
    expect(sink(state, (tr) => (state = state.applyTransaction(tr).state))).toBe(true);
    const styles: string[] = [];
    state.doc.descendants((node) => {
      if (node.type.name === "orderedList") styles.push(String(node.attrs.listStyle));
    });
    expect(styles).toEqual(["lower-alpha", "lower-roman"]);
  });
});
