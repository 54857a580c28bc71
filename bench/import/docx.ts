/**
 * Word import (issue 9) on a ~40-page joint submission with 200 real footnotes, made by our own
 * DOCX exporter from bench/export/long-submission.ts. Times, over RUNS each:
 *   - readDocx: unzip and read the file into the editor's document;
 *   - build draft: what the import's worker does (read, the Y.Doc with cover and comment
 *     anchors, canonical JSON and text);
 *   - check file: what "Check a Word file" does (read, then every pre-flight rule);
 *   - through the pool: the same check as the server runs it, in a worker thread, with the
 *     file's bytes copied in and the report copied out;
 *   - a file with as many comments as the reader takes (2,000), each anchored in the Y.Doc;
 *   - a file with as many tracked changes as the reader keeps as suggestions (5,000, issue 20),
 *     each placed, replayed and anchored in the Y.Doc.
 * The issue's targets: import ≤ 2 s, check ≤ 1 s.
 *
 *   npx tsx bench/import/docx.ts      (WORDS=14000 NOTES=200 RUNS=20)
 */
import { exportModel } from "../../core/export/export-model";
import { checkWordFile } from "../../server/checks/check-word-file";
import { renderDocx } from "../../server/export/docx";
import { JobPool } from "../../server/jobs/job-pool";
import { MAX_COMMENTS, MAX_SUGGESTIONS, readDocx } from "../../server/import/docx";
import { r, rawDocx } from "../../test/fixtures/import/raw-docx";
import { buildWordDraft } from "../../server/import/word-draft";
import { findTemplate } from "../../templates";
import { fmt, percentile, table } from "../collab/stats";
import { cover, longSubmission, modelOptions, RUNS } from "../export/long-submission";

const bytes = new Uint8Array(await renderDocx(exportModel(longSubmission(), modelOptions), cover));
// The most comments the reader takes, each on its own words of a 2,000-paragraph file: anchoring them is the costly part.
const commented = rawDocx({
  body: Array.from({ length: MAX_COMMENTS }, (_, i) => `<w:p>${r("Journalists were ")}<w:commentRangeStart w:id="${i}"/>${r(`detained ${i}`)}<w:commentRangeEnd w:id="${i}"/>${r(" in Accra.")}</w:p>`).join(""),
  comments: Array.from({ length: MAX_COMMENTS }, (_, i) => `<w:comment w:id="${i}" w:author="Amina"><w:p>${r(`Source for ${i}?`)}</w:p></w:comment>`).join(""),
});
// The most tracked changes kept as suggestions: a replacement in each of 5,000 paragraphs.
const tracked = rawDocx({
  body: Array.from(
    { length: MAX_SUGGESTIONS },
    (_, i) =>
      `<w:p>${r("Journalists were ")}<w:del w:id="${2 * i}" w:author="Amina"><w:r><w:delText>arrested</w:delText></w:r></w:del><w:ins w:id="${2 * i + 1}" w:author="Amina">${r("detained")}</w:ins>${r(` in Accra (${i}).`)}</w:p>`
  ).join(""),
});
const template = findTemplate("upr-joint")!;
const pool = new JobPool({ size: 1, timeoutMs: 60_000, maxOutputBytes: 50_000_000 });

async function time(label: string, work: () => unknown): Promise<string[]> {
  await work(); // warm-up: module loading and the first parse are not what a person waits for twice
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return [label, fmt(percentile(times, 50), 1), fmt(percentile(times, 95), 1), fmt(times.at(-1)!, 1)];
}

const { report } = readDocx(bytes);
const check = checkWordFile(bytes, "bench.docx", template);
console.log(
  `${(bytes.length / 1024).toFixed(0)} KiB DOCX: ${report.numberedParagraphs} numbered paragraphs, ${report.footnotes} footnotes, ${report.headings} headings; ${check.report.words.counted} words counted, ${check.report.findings.length} findings`,
);
const rows = [
  await time("readDocx", () => readDocx(bytes)),
  await time("build draft (worker's work)", () => buildWordDraft(bytes, template)),
  await time("check file", () => checkWordFile(bytes, "bench.docx", template)),
  await time("check through the pool", () => pool.run({ format: "word-check", bytes, fileName: "bench.docx", template: template.slug })),
  await time("import through the pool", () => pool.run({ format: "word-import", bytes, template: template.slug })),
  await time(`build draft, ${MAX_COMMENTS} comments`, () => buildWordDraft(commented, template)),
  await time(`build draft, ${MAX_SUGGESTIONS} tracked changes`, () => buildWordDraft(tracked, template)),
];
console.log(table(["step", "p50 ms", "p95 ms", "max ms"], rows));
await pool.close();
