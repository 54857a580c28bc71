// One stage of the memory breakdown, in a process of its own: imports what argv[2] names (a
// comma-separated list of module specifiers or paths), waits, collects garbage and prints one
// JSON line. Run with and without `--import tsx` to see what the loader itself costs.
//   node [--import tsx] bench/memory/stages.mjs build/server/index.js
// "@worker:<path>" starts a worker thread on that entry and posts it {id: 1, job} once (the job
// pool's worker, after its first job: its module graph loaded).
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";
import { Worker } from "node:worker_threads";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
const kept = [];
for (const spec of (process.argv[2] ?? "").split(",").filter(Boolean)) {
  if (spec.startsWith("@worker:")) {
    const worker = new Worker(new URL(pathToFileURL(resolve(spec.slice("@worker:".length)))));
    // Not a Word document: the reader says so, after its whole module graph has loaded.
    const job = { format: "word-check", bytes: new TextEncoder().encode("{\\rtf1 not a docx}"), fileName: "old.rtf", template: "upr-joint" };
    await new Promise((done) => {
      worker.once("message", done);
      worker.postMessage({ id: 1, job });
    });
    kept.push(worker);
  } else {
    kept.push(await import(/^[./]/.test(spec) ? pathToFileURL(resolve(spec)).href : spec));
  }
}
await new Promise((done) => setTimeout(done, 1500));
gc();
const status = Object.fromEntries(
  readFileSync("/proc/self/status", "utf8")
    .split("\n")
    .filter((l) => /^(VmRSS|RssAnon|RssFile):/.test(l))
    .map((l) => [l.split(":")[0], Number(l.match(/\d+/)[0]) / 1024]),
);
const usage = process.memoryUsage();
console.log(JSON.stringify({ rssMb: status.VmRSS, anonMb: status.RssAnon, heapUsedMb: usage.heapUsed / 1048576, heapTotalMb: usage.heapTotal / 1048576, externalMb: usage.external / 1048576 }));
for (const item of kept) if (item instanceof Worker) await item.terminate();
process.exit(0);
