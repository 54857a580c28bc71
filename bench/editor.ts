/**
 * The per-keystroke work of the UN document in the browser, and the server's canonical read:
 * computeNumbering (paragraph, heading and footnote numbers), countDocumentWords (the status
 * bar; cold, and after a one-character edit, when unchanged blocks come from its cache) and
 * canonicalDocument (Y.Doc → JSON + text, at every compaction), on a submission at the
 * UPR joint limit and on a 50,000-word draft. Prints medians and p95 over repeated runs.
 *
 *   npx tsx bench/editor.ts
 */
import { Fragment, Slice } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { countDocumentWords } from "../core/checks/word-count";
import { BODY_FIELD, canonicalDocument, computeNumbering, documentSchema, UN_HEADING_NUMBERING } from "../core/editor";
import { fmt, percentile, table } from "./collab/stats";

const SENTENCE = "The State party should repeal the provisions criminalising peaceful assembly and ensure access to justice for victims. ";

/** A document of about `words` words: headings every 10 paragraphs, a footnote in every paragraph. */
function submission(words: number) {
  const content: unknown[] = [];
  const perParagraph = 90;
  for (let p = 0; p * perParagraph < words; p++) {
    if (p % 10 === 0) content.push({ type: "heading", attrs: { level: p % 30 === 0 ? 1 : 2 }, content: [{ type: "text", text: `Section ${p / 10 + 1}` }] });
    content.push({
      type: "paragraph",
      content: [
        { type: "text", text: SENTENCE.repeat(3) },
        { type: "footnote", attrs: { id: `n${p}` }, content: [{ type: "text", text: `A/HRC/25/5, para. 186.${p}.` }] },
        { type: "text", text: SENTENCE.repeat(2) },
      ],
    });
  }
  return { type: "doc", content };
}

function time(run: () => void, repeats: number): { p50: number; p95: number } {
  for (let i = 0; i < 5; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const ALL = { footnotes: true, headings: true, tables: true };
const rows: string[][] = [];
for (const words of [5630, 50000]) {
  const json = submission(words);
  const doc = documentSchema().nodeFromJSON(json);
  const ydoc = prosemirrorJSONToYDoc(documentSchema(), json, BODY_FIELD);
  const counted = countDocumentWords(doc, ALL);
  // One character typed into the middle paragraph: a new document sharing every other block.
  const middle = Math.floor(doc.childCount / 2);
  let typed = 0;
  const edited = () => {
    let pos = 0;
    for (let i = 0; i < middle; i++) pos += doc.child(i).nodeSize;
    return doc.replace(pos + 1, pos + 1, new Slice(Fragment.from(documentSchema().text(String(typed++ % 10))), 0, 0));
  };
  const label = `${counted.counted.toLocaleString("en")} words, ${computeNumbering(doc).footnotes.size} notes`;
  const repeats = words > 10000 ? 50 : 200;
  for (const [name, run] of [
    ["computeNumbering", () => computeNumbering(doc, UN_HEADING_NUMBERING)],
    ["countDocumentWords, cold (with JSON parse)", () => countDocumentWords(documentSchema().nodeFromJSON(json), ALL)],
    ["countDocumentWords, after an edit", () => countDocumentWords(edited(), ALL)],
    ["canonicalDocument", () => canonicalDocument(ydoc)],
  ] as const) {
    const { p50, p95 } = time(run, repeats);
    rows.push([label, name, fmt(p50, 2), fmt(p95, 2)]);
  }
}
console.log(table(["document", "operation", "p50 ms", "p95 ms"], rows));
