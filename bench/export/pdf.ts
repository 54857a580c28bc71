/**
 * PDF export of a long draft (issue 8): a ~14,000-word joint UPR submission with 200 real
 * footnotes (bench/checks/draft.ts), cover and table of contents, through renderPdf. Prints the
 * page count and p50/p95 of the whole export (model → JSON → Typst layout → PDF bytes) with
 * Typst's memoization cache cleared before each run, so every run costs what a first export of a
 * new document does. The target is ≤ 1 s.
 *
 *   npx tsx bench/export/pdf.ts      (WORDS=14000 NOTES=200 RUNS=20; PDFA=1 for PDF/A-2b)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportModel } from "../../core/export/export-model";
import { clearCompilerCache } from "../../server/export/pdf/compiler";
import { renderPdf } from "../../server/export/pdf/render-pdf";
import { fmt, percentile, table } from "../collab/stats";
import { cover, longSubmission, modelOptions, RUNS, WORDS } from "./long-submission";

const pdfA = process.env.PDFA === "1";

const model = exportModel(longSubmission(), modelOptions);
const options = { tableOfContents: true, pdfA };

/** Wall time, and this process's CPU time (the layout is single-threaded, so on a busy machine CPU time is the steadier figure). */
async function run(): Promise<{ ms: number; cpu: number; bytes: Uint8Array }> {
  clearCompilerCache();
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const bytes = await renderPdf(model, cover, options);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { ms, cpu: (cpu.user + cpu.system) / 1000, bytes };
}

// The first export also creates the compiler and reads the font index: reported apart.
const first = await run();
const dir = mkdtempSync(join(tmpdir(), "caucus-pdf-bench-"));
const file = join(dir, "draft.pdf");
writeFileSync(file, first.bytes);
const pages = /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1] ?? "?";
rmSync(dir, { recursive: true, force: true });

const samples: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const sample = await run();
  samples.push(sample.ms);
  cpu.push(sample.cpu);
}
samples.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);

const paragraphs = model.blocks.filter((b) => b.kind === "paragraph").length;
console.log(`${WORDS.toLocaleString("en")} words, ${paragraphs} paragraphs, ${model.footnotes.length} footnotes → ${pages} pages, ${(first.bytes.length / 1024).toFixed(0)} KiB${pdfA ? ", PDF/A-2b" : ""}`);
console.log(
  table(
    ["export", "wall ms", "CPU ms"],
    [
      ["first (creates the compiler, reads fonts)", fmt(first.ms, 0), fmt(first.cpu, 0)],
      [`p50 of ${RUNS}, cache cleared before each`, fmt(percentile(samples, 50), 0), fmt(percentile(cpu, 50), 0)],
      [`p95 of ${RUNS}, cache cleared before each`, fmt(percentile(samples, 95), 0), fmt(percentile(cpu, 95), 0)],
    ],
  ),
);
