/**
 * Whether the server stays responsive while it exports (issue 8): the event loop's delay
 * (perf_hooks histogram, 10 ms resolution) during five PDF exports of the 41-page submission,
 * run through the worker pool as the server does, and, for contrast, in the main thread.
 * Socket frames wait exactly this long behind an export.
 *
 *   npx tsx bench/export/loop-during-export.ts
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { exportModel } from "../../core/export/export-model";
import { JobPool } from "../../server/jobs/job-pool";
import { renderPdf } from "../../server/export/pdf/render-pdf";
import { fmt, table } from "../collab/stats";
import { cover, longSubmission, modelOptions } from "./long-submission";

const EXPORTS = 5;
const model = exportModel(longSubmission(), modelOptions);
const options = { tableOfContents: true };
// Each export a different document (the title changes), so Typst's cache does not answer it.
let serial = 0;
const nextCover = () => ({ ...cover, title: `${cover.title} (${++serial})` });
const nextJob = () => ({ format: "pdf" as const, model, cover: nextCover(), options });
// Lets the histogram's timer run between exports, as a server's sockets would.
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

async function measure(run: () => Promise<unknown>) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const started = performance.now();
  for (let i = 0; i < EXPORTS; i++) {
    await run();
    await tick();
  }
  const seconds = (performance.now() - started) / 1000;
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6, seconds };
}

const pool = new JobPool({ size: 1, timeoutMs: 120_000, maxOutputBytes: 50_000_000 });
await pool.run(nextJob()); // The worker's first compile loads fonts: not what a steady server pays.
const inPool = await measure(() => pool.run(nextJob()));
await pool.close();
await renderPdf(model, nextCover(), options);
const inMain = await measure(() => renderPdf(model, nextCover(), options));

console.log(`${EXPORTS} PDF exports of ${model.footnotes.length} notes each; event-loop delay while they run`);
console.log(
  table(
    ["where the export runs", "loop delay p99 ms", "loop delay max ms", "total s"],
    [
      ["worker pool (the server)", fmt(inPool.p99, 1), fmt(inPool.max, 1), fmt(inPool.seconds, 1)],
      ["main thread (for contrast)", fmt(inMain.p99, 1), fmt(inMain.max, 1), fmt(inMain.seconds, 1)],
    ],
  ),
);
