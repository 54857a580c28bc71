/**
 * Compare (issue 21): compareDocuments on a 50,000-word draft against a version of it that
 * differs in ~200 places (words changed inside paragraphs, paragraphs inserted and deleted, notes
 * edited and inserted, a paragraph moved), with the after side's authorship, from the two
 * canonical JSON bodies as the server stores them (parsing both into ProseMirror included).
 * Also identical versions, and the template's headings against the whole draft (the first
 * version against the last). Beside it, authorshipOf on the after side's Y.Doc (what making a version costs).
 *
 *   node --expose-gc --import tsx bench/versions/compare.ts      (WORDS=50000 EDITS=200 RUNS=30)
 */
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { BODY_FIELD, documentSchema } from "../../core/editor";
import { authorshipOf } from "../../core/versions/authorship";
import { compareDocuments } from "../../core/versions/compare";
import { fmt, percentile, table } from "../collab/stats";

const WORDS = Number(process.env.WORDS ?? 50000);
const EDITS = Number(process.env.EDITS ?? 200);
const RUNS = Number(process.env.RUNS ?? 30);

type Json = Record<string, unknown>;
const VOCABULARY = (
  "State recommendation supported noted implementation detention journalists freedom expression assembly Committee report " +
  "the of and to in that was were has not have by on with for as at from its their which law police court women children rural " +
  "defenders arrests peaceful protesters capital charge days legal aid criminal land registering rapporteur visit amendment legislature"
).split(" ");

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const sentence = (n: number) => {
  const words = Array.from({ length: n }, () => pick(VOCABULARY));
  return `${words[0]![0]!.toUpperCase()}${words.join(" ").slice(1)}.`;
};
const text = (value: string): Json => ({ type: "text", text: value });
const note = (id: number): Json => ({ type: "footnote", attrs: { id: `n${id}` }, content: [text(`See A/HRC/${20 + (id % 30)}/${id}, para. ${id % 90}. ${sentence(8)}`)] });

/** ~75-word paragraphs of shuffled submission words, a heading every 40, a note in one of four. */
function draft(words: number): Json[] {
  const blocks: Json[] = [];
  let notes = 0;
  for (let p = 0, count = 0; count < words; p++) {
    if (p % 40 === 0) blocks.push({ type: "heading", attrs: { level: 1, section: `s${p / 40}` }, content: [text(sentence(4))] });
    const inline: Json[] = [text(`${sentence(25)} ${sentence(25)}`)];
    if (p % 4 === 0) inline.push(note(++notes), text(` ${sentence(25)}`));
    else inline.push(text(` ${sentence(25)}`));
    blocks.push({ type: "paragraph", content: inline });
    count += 75;
  }
  return blocks;
}

/** The same draft with `edits` changes spread through it. */
function edited(before: Json[], edits: number): Json[] {
  const after = structuredClone(before);
  const step = Math.floor(after.length / edits);
  let extra = 100000;
  for (let e = 0; e < edits; e++) {
    const at = e * step + 1;
    const block = after[at]!;
    if (block.type !== "paragraph") continue;
    const content = block.content as Json[];
    switch (e % 10) {
      case 0:
        after.splice(at, 0, { type: "paragraph", content: [text(sentence(40))] });
        break;
      case 1:
        after.splice(at, 1);
        break;
      case 2: {
        const n = content.find((c) => c.type === "footnote");
        if (n) ((n.content as Json[])[0] as { text: string }).text += " Also cited in the Committee's report.";
        else content.splice(1, 0, note(++extra));
        break;
      }
      case 3:
        content.splice(1, 0, note(++extra));
        break;
      default: {
        const first = content[0] as { text: string };
        const words = first.text.split(" ");
        words.splice(5 + (e % 7), 2, "arbitrarily", "detained", "and", "then");
        first.text = words.join(" ");
      }
    }
  }
  // One paragraph moved from near the end to near the start.
  const [moved] = after.splice(after.length - 5, 1);
  after.splice(3, 0, moved!);
  return after;
}

function time(run: () => void): { first: number; p50: number; p95: number } {
  const start = performance.now();
  run();
  const first = performance.now() - start;
  for (let i = 0; i < 3; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t = performance.now();
    run();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { first, p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

const schema = documentSchema();
const beforeBody = draft(WORDS);
const afterBody = edited(beforeBody, EDITS);
const before = { type: "doc", content: beforeBody };
const afterYDoc = prosemirrorJSONToYDoc(schema, { type: "doc", content: afterBody }, BODY_FIELD);
const afterDoc = yXmlFragmentToProseMirrorRootNode(afterYDoc.getXmlFragment(BODY_FIELD), schema);
const after = afterDoc.toJSON() as Json;

let authorship = authorshipOf(afterYDoc, () => "user-1", afterDoc);
const authorshipTime = time(() => {
  authorship = authorshipOf(afterYDoc, () => "user-1", afterDoc);
});
let result = compareDocuments({ doc: before }, { doc: after, authorship });
const compareTime = time(() => {
  result = compareDocuments({ doc: before }, { doc: after, authorship });
});
const identical = time(() => compareDocuments({ doc: before }, { doc: before }));
// The first version against the last: the template's headings (each with an empty paragraph) against the whole draft.
const template = { type: "doc", content: beforeBody.filter((block) => block.type === "heading").flatMap((heading) => [heading, { type: "paragraph" }]) };
const fromTemplate = time(() => compareDocuments({ doc: template }, { doc: after, authorship }));

const kinds = result.changes.reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.kind]: (acc[c.kind] ?? 0) + 1 }), {});
console.log(`draft: ${result.words.before} → ${result.words.after} words, ${beforeBody.length} top-level blocks; changes: ${JSON.stringify(kinds)}; +${result.totals.added} −${result.totals.removed}`);
console.log(
  table(
    ["what", "first (ms)", "p50 (ms)", "p95 (ms)"],
    [
      ["compareDocuments, ~" + EDITS + " edits, with authorship", fmt(compareTime.first), fmt(compareTime.p50), fmt(compareTime.p95)],
      ["compareDocuments, identical versions", fmt(identical.first), fmt(identical.p50), fmt(identical.p95)],
      ["compareDocuments, template → whole draft", fmt(fromTemplate.first), fmt(fromTemplate.p50), fmt(fromTemplate.p95)],
      ["authorshipOf (after side's Y.Doc)", fmt(authorshipTime.first), fmt(authorshipTime.p50), fmt(authorshipTime.p95)],
    ],
  ),
);
