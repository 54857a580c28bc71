import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD, documentSchema } from "../editor";
import { countWordsByClient } from "./attribution";
import { countDocumentWords, countWords, type CountingRule } from "./word-count";

type Json = Record<string, unknown>;
const schema = documentSchema();
const text = (value: string): Json => ({ type: "text", text: value });
const paragraph = (...content: Json[]): Json => ({ type: "paragraph", content });

/** Every combination of the three switches a template's counting rule has. */
const RULES: CountingRule[] = [false, true].flatMap((footnotes) =>
  [false, true].flatMap((headings) => [false, true].map((tables) => ({ footnotes, headings, tables }))),
);
const EVERYTHING: CountingRule = { footnotes: true, headings: true, tables: true };

/**
 * One person's editor: a Y.Doc with a fixed client id whose changes go through y-prosemirror's
 * own PM → Y diff (updateYFragment), as the editor binding writes each keystroke.
 */
function editor(clientId: number) {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const fragment = doc.getXmlFragment(BODY_FIELD);
  const read = () => yXmlFragmentToProseMirrorRootNode(fragment, schema);
  return {
    doc,
    read,
    edit(change: (tr: Transform) => void) {
      const tr = new Transform(read());
      change(tr);
      doc.transact(() => updateYFragment(doc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }));
    },
  };
}
type Editor = ReturnType<typeof editor>;

/** Exchanges what each side is missing, as two clients on the collaboration server end up doing. */
function sync(a: Editor, b: Editor): void {
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc, Y.encodeStateVector(b.doc)));
  Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b.doc, Y.encodeStateVector(a.doc)));
}

/** The position just after the first occurrence of `needle` in any text of the document. */
function after(doc: PMNode, needle: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found >= 0) return false;
    const at = node.isText ? node.text!.indexOf(needle) : -1;
    if (at >= 0) found = pos + at + needle.length;
    return true;
  });
  if (found < 0) throw new Error(`"${needle}" not in the document`);
  return found;
}

/** A draft as its template starts it (written by a server-side client nobody is registered for). */
function fromTemplate(content: Json[]): { template: Y.Doc; a: Editor; b: Editor } {
  const template = prosemirrorJSONToYDoc(schema, { type: "doc", content }, BODY_FIELD);
  const a = editor(1001);
  const b = editor(2002);
  for (const side of [a, b]) Y.applyUpdate(side.doc, Y.encodeStateAsUpdate(template));
  return { template, a, b };
}

function expectSameTotalAsTheWordCount(doc: Y.Doc) {
  const canonical = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), schema);
  for (const rule of RULES) {
    const byClient = countWordsByClient(doc, rule);
    const credited = [...byClient.byClient.values()].reduce((sum, n) => sum + n, byClient.unattributed);
    expect({ rule, total: byClient.total }).toEqual({ rule, total: countDocumentWords(canonical, rule).counted });
    expect(credited).toBe(byClient.total);
  }
}

describe("countWordsByClient", () => {
  it("credits each person's words in one paragraph and its footnote, typed at once and synced", () => {
    const { template, a, b } = fromTemplate([paragraph(text("The State ratified the Convention."))]);
    // Before either hears from the other: A adds a year and a note, B names the State.
    a.edit((tr) => tr.insert(after(a.read(), "Convention"), schema.text(" in 2015")));
    a.edit((tr) => tr.insert(after(a.read(), "2015."), schema.nodes.footnote!.create({ id: "n1" }, schema.text("Official Gazette, p. 4."))));
    b.edit((tr) => tr.insert(after(b.read(), "State"), schema.text(" of Ghana")));
    sync(a, b);
    // Then B adds to A's note and starts a sentence whose last word A completes: "rights" is
    // B's, so "rights-based" is B's word; "policing." is A's.
    b.edit((tr) => tr.insert(after(b.read(), "p. 4."), schema.text(" See also ibid.")));
    b.edit((tr) => tr.insert(after(b.read(), "Convention in 2015."), schema.text(" It protects rights")));
    sync(a, b);
    a.edit((tr) => tr.insert(after(a.read(), "rights"), schema.text("-based policing.")));
    sync(a, b);

    expect(a.read().textContent).toBe("The State of Ghana ratified the Convention in 2015. It protects rights-based policing.Official Gazette, p. 4. See also ibid.");
    const withNotes = countWordsByClient(a.doc, EVERYTHING);
    expect(Object.fromEntries(withNotes.byClient)).toEqual({ [template.clientID]: 5, 1001: 2 + 4 + 1, 2002: 2 + 3 + 3 });
    expect(withNotes.unattributed).toBe(0);
    // Without footnotes the note's words leave both people's tallies.
    const withoutNotes = countWordsByClient(b.doc, { ...EVERYTHING, footnotes: false });
    expect(Object.fromEntries(withoutNotes.byClient)).toEqual({ [template.clientID]: 5, 1001: 2 + 1, 2002: 2 + 3 });
    expectSameTotalAsTheWordCount(a.doc);
    expectSameTotalAsTheWordCount(b.doc);
  });

  it("credits a table, a list, a heading, a recommendation block with its cited note, and CJK text", () => {
    const { template, a, b } = fromTemplate([
      { type: "heading", attrs: { level: 1, section: "introduction" }, content: [text("Introduction")] },
      paragraph(text("Intro.")),
    ]);
    // B adds a table with a header row; A a lettered list, both at the end.
    const cell = (type: string, value: string) => schema.nodes[type]!.create(null, schema.nodes.paragraph!.create(null, schema.text(value)));
    const row = (type: string, ...values: string[]) => schema.nodes.tableRow!.create(null, values.map((v) => cell(type, v)));
    b.edit((tr) => tr.insert(tr.doc.content.size, schema.nodes.table!.create(null, [row("tableHeader", "Recommendation", "Status"), row("tableCell", "186.60 Ratify OPCAT", "Not implemented")])));
    const item = (value: string) => schema.nodes.listItem!.create(null, schema.nodes.paragraph!.create({ numbered: false }, schema.text(value)));
    a.edit((tr) => tr.insert(tr.doc.content.size, schema.nodes.orderedList!.create({ listStyle: "lower-alpha" }, [item("Adopt the bill;"), item("Train judges.")])));
    sync(a, b);
    // A quotes a recommendation with its automatic note citing the document.
    const note = schema.nodes.footnote!.create({ id: "r1" }, [schema.nodes.citation!.create({ sourceId: null, label: "A/HRC/25/5, para. 186.60", pinpoint: "para. 186.60" }), schema.text(".")]);
    a.edit((tr) => tr.insert(tr.doc.content.size, schema.nodes.recommendation!.create({ text: "Ratify the Optional Protocol to the Convention against Torture", symbol: "A/HRC/25/5" }, note)));
    // B adds a heading; then Chinese text, which A prefixes with Latin letters in the same run.
    b.edit((tr) => tr.insert(tr.doc.content.size, schema.nodes.heading!.create({ level: 2 }, schema.text("Second heading"))));
    b.edit((tr) => tr.insert(tr.doc.content.size, schema.nodes.paragraph!.create(null, schema.text("人权理事会。"))));
    sync(a, b);
    a.edit((tr) => tr.insert(after(a.read(), "人权理事会") - "人权理事会".length, schema.text("UPR")));
    sync(a, b);

    const tpl = template.clientID;
    // Template: "Introduction" (heading) + "Intro." — A: list 5, recommendation 9, note 3, "UPR" 1 —
    // B: table 7, heading 2, CJK 5.
    expect(Object.fromEntries(countWordsByClient(a.doc, EVERYTHING).byClient)).toEqual({ [tpl]: 2, 1001: 5 + 9 + 3 + 1, 2002: 7 + 2 + 5 });
    expect(Object.fromEntries(countWordsByClient(a.doc, { footnotes: false, headings: false, tables: false }).byClient)).toEqual({ [tpl]: 1, 1001: 5 + 9 + 1, 2002: 5 });
    expectSameTotalAsTheWordCount(a.doc);
  });

  it("credits a refreshed recommendation's text to whoever refreshed it", () => {
    const { a, b } = fromTemplate([paragraph(text("Before."))]);
    a.edit((tr) => tr.insert(tr.doc.content.size, schema.nodes.recommendation!.create({ text: "Ratify the Convention" })));
    sync(a, b);
    b.edit((tr) => {
      let at = -1;
      tr.doc.forEach((node, pos) => void (node.type.name === "recommendation" && (at = pos)));
      tr.setNodeMarkup(at, undefined, { ...tr.doc.nodeAt(at)!.attrs, text: "Ratify the Convention promptly" });
    });
    sync(a, b);
    expect(countWordsByClient(a.doc, EVERYTHING).byClient.get(2002)).toBe(4);
    expect(countWordsByClient(a.doc, EVERYTHING).byClient.get(1001)).toBeUndefined();
    expectSameTotalAsTheWordCount(a.doc);
  });

  it("finds exactly countWords' words however text is split between people (random edits)", () => {
    // Letters, digits, spaces of several kinds, punctuation, dashes, CJK, kana, full-width
    // digits, an emoji and a Han character outside the BMP: every class of the word count.
    const alphabet = ["a", "É", "7", " ", "\u00a0", "\u3000", ".", "—", "-", "/", "人", "カ", "２", "😀", "𠀀", "\n", "ب"];
    let seed = 42;
    const random = (n: number) => {
      // xorshift32: the same edits on every run.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) % n;
    };
    for (let round = 0; round < 40; round++) {
      const { a, b } = fromTemplate([paragraph(text("Start"))]);
      for (let step = 0; step < 30; step++) {
        const side = random(2) === 0 ? a : b;
        const run = Array.from({ length: 1 + random(4) }, () => alphabet[random(alphabet.length)]!).join("");
        side.edit((tr) => tr.insert(1 + random(tr.doc.firstChild!.content.size + 1), schema.text(run)));
        if (random(3) === 0) sync(a, b);
      }
      sync(a, b);
      const words = countWords(a.read().firstChild!.textContent);
      const counted = countWordsByClient(a.doc, EVERYTHING);
      expect(counted.total).toBe(words);
      expect(counted.unattributed).toBe(0);
      expectSameTotalAsTheWordCount(a.doc);
    }
  });

  it("leaves out elements the schema does not know, as the reader does", () => {
    const doc = new Y.Doc();
    const stray = new Y.XmlElement("marquee");
    stray.insert(0, [new Y.XmlText("Not read by anyone")]);
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Two words")]);
    doc.getXmlFragment(BODY_FIELD).insert(0, [stray, p]);
    expect(countWordsByClient(doc, EVERYTHING).total).toBe(2);
  });
});
