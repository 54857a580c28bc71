import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { BODY_FIELD, documentSchema } from "../editor";
import { bold, citation, doc, footnote, hardBreak, heading, letteredList, paragraph, recommendation, table, type Json } from "../../test/version-documents";
import { authorshipOf } from "./authorship";
import { documentBlocks } from "./blocks";
import type { Authorship } from "./contract";

const schema = documentSchema();

/** One person's editor: a Y.Doc with a fixed client id, written through y-prosemirror's own PM → Y diff. */
function editor(clientId: number) {
  const ydoc = new Y.Doc();
  ydoc.clientID = clientId;
  const fragment = ydoc.getXmlFragment(BODY_FIELD);
  const read = () => yXmlFragmentToProseMirrorRootNode(fragment, schema);
  return {
    ydoc,
    read,
    edit(change: (tr: Transform) => void) {
      const tr = new Transform(read());
      change(tr);
      ydoc.transact(() => updateYFragment(ydoc, fragment, tr.doc, { mapping: new Map(), isOMark: new Map() }));
    },
  };
}
type Editor = ReturnType<typeof editor>;

function sync(a: Editor, b: Editor): void {
  Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc)));
  Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc)));
}

/** The position just after the first occurrence of `needle` in any text of the document. */
function after(node: PMNode, needle: string): number {
  let found = -1;
  node.descendants((child, pos) => {
    if (found >= 0) return false;
    const at = child.isText ? child.text!.indexOf(needle) : -1;
    if (at >= 0) found = pos + at + needle.length;
    return true;
  });
  if (found < 0) throw new Error(`"${needle}" not in the document`);
  return found;
}

/** Each block's text as "user:text" runs, to read who wrote what at a glance. */
function readRuns(ydoc: Y.Doc, authorship: Authorship): string[][] {
  const blocks = documentBlocks(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), schema));
  return blocks.map((block, i) => {
    let at = 0;
    return authorship.blocks[i]!.map(([client, length]) => `${authorship.clients[client] ?? "?"}:${block.text.slice(at, (at += length))}`);
  });
}

function expectRunsCoverEveryBlock(ydoc: Y.Doc, authorship: Authorship): void {
  const blocks = documentBlocks(yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), schema));
  expect(authorship.blocks.length).toBe(blocks.length);
  expect(authorship.blocks.map((runs) => runs.reduce((sum, [, n]) => sum + n, 0))).toEqual(blocks.map((b) => b.text.length));
  for (const runs of authorship.blocks) for (const [client, n] of runs) expect(client < authorship.clients.length && n > 0).toBe(true);
}

const RICH: Json = doc(
  heading("Introduction", "introduction"),
  paragraph("First ", bold("point"), footnote("a", "See ", citation("s1", "A/HRC/22/6"), ", para. 3."), " and", hardBreak(), "more", footnote("b", "Second note.")),
  letteredList("Item one", "Item two"),
  table(["Cell A", "Cell B"]),
  recommendation("Ratify the protocol", footnote("c", citation("s2", "A/HRC/25/5", "para. 186.60"), ".")),
  paragraph(),
  paragraph("Last."),
);

describe("authorshipOf", () => {
  it("covers exactly the characters documentBlocks reads, for a document built through y-tiptap", () => {
    const ydoc = prosemirrorJSONToYDoc(schema, RICH, BODY_FIELD);
    const authorship = authorshipOf(ydoc, () => "template");
    expectRunsCoverEveryBlock(ydoc, authorship);
    // One writer (and the citation's label set by the same client): one run a block, one user.
    expect(authorship.clients).toEqual(["template"]);
    expect(authorship.blocks.every((runs) => runs.length <= 1)).toBe(true);
  });

  it("credits each character to the person who typed it when two people edit one paragraph", () => {
    const template = prosemirrorJSONToYDoc(schema, doc(paragraph("The State detained journalists."), paragraph("Untouched.")), BODY_FIELD);
    template.clientID = 1;
    const ann = editor(1001);
    const bob = editor(2002);
    for (const side of [ann, bob]) Y.applyUpdate(side.ydoc, Y.encodeStateAsUpdate(template));
    ann.edit((tr) => tr.insert(after(tr.doc, "The State detained"), schema.text(" three")));
    bob.edit((tr) => tr.insert(after(tr.doc, "journalists"), schema.text(" arbitrarily")));
    sync(ann, bob);
    bob.edit((tr) => {
      const from = after(tr.doc, "The ");
      tr.replaceWith(from, from + "State".length, schema.text("Government"));
    });
    sync(ann, bob);
    const users: Record<number, string> = { 1001: "ann", 2002: "bob", 3003: "bob" };
    const authorship = authorshipOf(ann.ydoc, (client) => users[client] ?? null);
    expectRunsCoverEveryBlock(ann.ydoc, authorship);
    expect(readRuns(ann.ydoc, authorship)).toEqual([
      // y-prosemirror diffs the text: " three" after "detained" is stored as "three " before "journalists".
      ["?:The ", "bob:Government", "?: detained ", "ann:three ", "?:journalists", "bob: arbitrarily", "?:."],
      ["?:Untouched."],
    ]);
    expect(authorshipOf(bob.ydoc, (client) => users[client] ?? null)).toEqual(authorship);
  });

  it("gives one index to clients of the same user, and to every client nobody can name", () => {
    const template = prosemirrorJSONToYDoc(schema, doc(paragraph("Start.")), BODY_FIELD);
    const tab1 = editor(11);
    const tab2 = editor(12);
    for (const side of [tab1, tab2]) Y.applyUpdate(side.ydoc, Y.encodeStateAsUpdate(template));
    tab1.edit((tr) => tr.insert(after(tr.doc, "Start."), schema.text(" One.")));
    sync(tab1, tab2);
    tab2.edit((tr) => tr.insert(after(tr.doc, "One."), schema.text(" Two.")));
    sync(tab1, tab2);
    const authorship = authorshipOf(tab1.ydoc, (client) => (client === 11 || client === 12 ? "carla" : null));
    expect([...authorship.clients].sort()).toEqual(["carla", null].sort());
    expect(readRuns(tab1.ydoc, authorship)).toEqual([["?:Start.", "carla: One. Two."]]);
  });

  it("credits a note's words to whoever typed them in the note", () => {
    const template = prosemirrorJSONToYDoc(schema, doc(paragraph("Claim", footnote("n1", "Source"))), BODY_FIELD);
    const ann = editor(1001);
    Y.applyUpdate(ann.ydoc, Y.encodeStateAsUpdate(template));
    ann.edit((tr) => tr.insert(after(tr.doc, "Source"), schema.text(", 2024")));
    const authorship = authorshipOf(ann.ydoc, (client) => (client === 1001 ? "ann" : null));
    expectRunsCoverEveryBlock(ann.ydoc, authorship);
    expect(readRuns(ann.ydoc, authorship)).toEqual([["?:Claim"], ["?:Source", "ann:, 2024"]]);
  });
});
