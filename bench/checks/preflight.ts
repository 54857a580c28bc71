/**
 * The pre-flight checks on a long draft (issue 6): a 30,000-word joint UPR submission with 400
 * real footnotes. Prints p50/p95 of the full check on a freshly parsed document (nothing cached),
 * and of the check after one keystroke in body text and in a footnote (what the Checks panel
 * runs as someone types), plus the per-section word counts the panel shows.
 *
 *   node --expose-gc --import tsx bench/checks/preflight.ts      (WORDS=30000 NOTES=400 RUNS=200)
 *
 * With --expose-gc each run starts after a collection, so the parse's garbage is not timed.
 */
import { Fragment, Slice, type Node as PMNode } from "@tiptap/pm/model";
import { preflight } from "../../core/checks/preflight";
import { countSectionWords } from "../../core/checks/section-words";
import { documentSchema } from "../../core/editor";
import { EMPTY_COVER } from "../../core/editor/cover";
import { findTemplate, STARTER_PLACEHOLDERS } from "../../templates";
import { fmt, percentile, table } from "../collab/stats";
import { longDraft } from "./draft";

const WORDS = Number(process.env.WORDS ?? 30000);
const NOTES = Number(process.env.NOTES ?? 400);
const RUNS = Number(process.env.RUNS ?? 200);

const template = findTemplate("upr-joint")!;
const rules = {
  ...template,
  languages: [...template.languages],
  paragraphNumbering: template.rules.paragraphNumbering.required,
  counts: template.rules.counts,
  wordLimit: template.rules.wordLimit?.words ?? null,
  placeholders: STARTER_PLACEHOLDERS,
};
const cover = { ...EMPTY_COVER, title: "Joint submission", stateUnderReview: "CHN", contact: "coalition@example.org", organisations: [] };
// One confidential member: its name and acronym are searched for in every block and note.
const organisations = [
  { id: "o1", name: "Coalition for Rights", acronym: "CR" },
  { id: "o2", name: "Hidden Defenders Collective", acronym: "HDC", confidential: true },
];
const known = new Map([
  ["186.60", ["Abolish the death penalty."]],
  ["186.61", ["Reduce the number of crimes subject to the death penalty."]],
  ["186.62", []],
]);

const check = (doc: PMNode) => preflight({ doc, cover, template: rules, organisations, knownRecommendations: known, stateName: "China" });

/** p50/p95 of `run`, each time on what `prepare` makes (untimed). */
function time<T>(prepare: () => T, run: (input: T) => void): { p50: number; p95: number } {
  for (let i = 0; i < 10; i++) run(prepare());
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const input = prepare();
    // Collect the preparation's garbage (a parse makes plenty) so the check is timed alone.
    (globalThis as { gc?: () => void }).gc?.();
    const start = performance.now();
    run(input);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The position just inside the first text of the block at `index` (and of its first note). */
function positions(doc: PMNode, index: number): { body: number; note: number } {
  let pos = 0;
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize;
  let note = -1;
  doc.child(index).descendants((node, offset) => {
    if (note < 0 && node.type.name === "footnote") note = pos + 1 + offset + 1;
    return note < 0;
  });
  return { body: pos + 1, note };
}

const schema = documentSchema();
const base = longDraft(template, WORDS, NOTES);
const json = base.toJSON();
const report = check(base);
const middle = positions(base, Math.floor(base.childCount / 2));
let doc = base;
let typed = 0;
// A keystroke: a new document sharing every block but the edited one, as ProseMirror makes.
const type = (at: number) => () => {
  doc = doc.replace(at, at, new Slice(Fragment.from(schema.text(String(typed++ % 10))), 0, 0));
  return doc;
};

const label = `${report.words.body.toLocaleString("en")} body words, ${report.words.footnotes.toLocaleString("en")} in ${NOTES} notes; ${report.findings.length} findings`;
const rows: string[][] = [];
for (const [name, prepare, run] of [
  // A document parsed anew shares no node with any checked before: nothing is cached.
  ["full check, cold (nothing cached)", () => schema.nodeFromJSON(json), check],
  ["check after a keystroke in a paragraph", type(middle.body), check],
  ["check after a keystroke in a footnote", type(middle.note), check],
  ["words by section after a keystroke", type(middle.body), (d: PMNode) => countSectionWords(d, rules.counts)],
] as const) {
  doc = base;
  const { p50, p95 } = time(prepare, run);
  rows.push([name, fmt(p50, 2), fmt(p95, 2)]);
}
console.log(label);
console.log(table(["operation", "p50 ms", "p95 ms"], rows));
