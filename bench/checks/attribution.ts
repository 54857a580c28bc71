/**
 * Words by author (issue 6, words by organisation): countWordsByClient on a 30,000-word joint
 * UPR draft with 400 real footnotes (checks/draft.ts), written by one client, and the same draft
 * after four co-authors made scattered edits all through it (text split into many Yjs items).
 * Beside it, for scale: rebuilding the Y.Doc from its stored state, reading it into ProseMirror
 * (what every server-side check does first) and countDocumentWords on that document, cold. Also
 * the client registry's per-change cost: Y.parseUpdateMeta of a one-keystroke update.
 *
 *   node --expose-gc --import tsx bench/checks/attribution.ts      (WORDS=30000 NOTES=400 RUNS=50)
 */
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { countWordsByClient } from "../../core/checks/attribution";
import { countDocumentWords } from "../../core/checks/word-count";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { findTemplate } from "../../templates";
import { fmt, percentile, table } from "../collab/stats";
import { longDraft } from "./draft";

const WORDS = Number(process.env.WORDS ?? 30000);
const NOTES = Number(process.env.NOTES ?? 400);
const RUNS = Number(process.env.RUNS ?? 50);

const template = findTemplate("upr-joint")!;
const rule = { footnotes: template.rules.counts.footnotes, headings: template.rules.counts.headings, tables: template.rules.counts.tables };
const schema = documentSchema();

function time(run: () => void): { p50: number; p95: number } {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The first Y.XmlText of every paragraph and note, in document order. */
function texts(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const walk = (element: Y.XmlElement | Y.XmlFragment) => {
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(BODY_FIELD));
  return found;
}

/** Four co-authors, each inserting a word at a pseudo-random place in every text, synced in turn. */
function coAuthored(state: Uint8Array): Y.Doc {
  const authors = [101, 202, 303, 404].map((clientId) => {
    const doc = new Y.Doc();
    doc.clientID = clientId;
    Y.applyUpdate(doc, state);
    return doc;
  });
  let seed = 7;
  for (const [i, author] of authors.entries()) {
    const words = ["torture ", "detention ", "法律 ", "Ghana "];
    for (const text of texts(author)) {
      seed = (seed * 48271) % 2147483647;
      text.insert(seed % (text.length + 1), words[i]!);
    }
    for (const other of authors) if (other !== author) Y.applyUpdate(other, Y.encodeStateAsUpdate(author, Y.encodeStateVector(other)));
  }
  return authors[0]!;
}

const single = prosemirrorJSONToYDoc(schema, longDraft(template, WORDS, NOTES).toJSON(), BODY_FIELD);
const shared = coAuthored(Y.encodeStateAsUpdate(single));
const sharedState = Y.encodeStateAsUpdate(shared);
const counted = countWordsByClient(shared, rule);
const parts = countDocumentWords(yXmlFragmentToProseMirrorRootNode(shared.getXmlFragment(BODY_FIELD), schema), rule);
const items = (doc: Y.Doc) => [...doc.store.clients.values()].reduce((n, structs) => n + structs.length, 0);

const rows: string[][] = [];
for (const [name, run] of [
  ["countWordsByClient, one author", () => countWordsByClient(single, rule)],
  ["countWordsByClient, five authors", () => countWordsByClient(shared, rule)],
  ["rebuild the Y.Doc from its state", () => Y.applyUpdate(new Y.Doc(), sharedState)],
  ["Y.Doc → ProseMirror (canonical read)", () => yXmlFragmentToProseMirrorRootNode(shared.getXmlFragment(BODY_FIELD), schema)],
  ["countDocumentWords on that, cold", () => countDocumentWords(yXmlFragmentToProseMirrorRootNode(shared.getXmlFragment(BODY_FIELD), schema), rule)],
] as const) {
  const { p50, p95 } = time(run);
  rows.push([name, fmt(p50, 2), fmt(p95, 2)]);
}

// The registry's work per change: one keystroke's update, as a socket sends it.
const typist = new Y.Doc();
Y.applyUpdate(typist, sharedState);
const before = Y.encodeStateVector(typist);
texts(typist)[10]!.insert(3, "x");
const keystroke = Y.encodeStateAsUpdate(typist, before);
const start = performance.now();
for (let i = 0; i < 100_000; i++) Y.parseUpdateMeta(keystroke);
const perChangeUs = ((performance.now() - start) / 100_000) * 1000;

console.log(
  `${counted.total.toLocaleString("en")} counted words (body ${parts.body.toLocaleString("en")}, headings ${parts.headings}, notes ${parts.footnotes.toLocaleString("en")}; ` +
    `the word count says ${parts.counted.toLocaleString("en")}), ${items(shared).toLocaleString("en")} Yjs structs after co-authoring; ` +
    `by client: ${[...counted.byClient.values()].map((n) => n.toLocaleString("en")).join(", ")}; unattributed ${counted.unattributed}`,
);
console.log(table(["operation", "p50 ms", "p95 ms"], rows));
console.log(`Y.parseUpdateMeta of a one-keystroke update (${keystroke.byteLength} bytes): ${fmt(perChangeUs, 2)} µs`);
