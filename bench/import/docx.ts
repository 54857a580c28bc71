/**
 * Word import (issue 9): readDocx on a ~40-page joint submission with 200 real footnotes, made
 * by our own DOCX exporter from bench/export/long-submission.ts. Prints p50/max over RUNS.
 * The target: import ≤ 2 s.
 *
 *   npx tsx bench/import/docx.ts      (WORDS=14000 NOTES=200 RUNS=20)
 */
import { exportModel } from "../../core/export/export-model";
import { renderDocx } from "../../server/export/docx";
import { readDocx } from "../../server/import/docx";
import { fmt, percentile, table } from "../collab/stats";
import { cover, longSubmission, modelOptions, RUNS } from "../export/long-submission";

const bytes = new Uint8Array(await renderDocx(exportModel(longSubmission(), modelOptions), cover));
const times: number[] = [];
let report = readDocx(bytes).report;
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  report = readDocx(bytes).report;
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`${(bytes.length / 1024).toFixed(0)} KiB DOCX: ${report.numberedParagraphs} numbered paragraphs, ${report.footnotes} footnotes, ${report.headings} headings`);
console.log(table(["readDocx", "p50 ms", "p95 ms", "max ms"], [[`${RUNS} runs`, fmt(percentile(times, 50), 1), fmt(percentile(times, 95), 1), fmt(times.at(-1)!, 1)]]));
