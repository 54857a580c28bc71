/**
 * Fan-out benchmark: our server (auth + persistence on) against y-websocket@2's reference server
 * (no auth, in memory), same load, same machine. Servers on core 0, load generators on core 1.
 * Prints every run, then medians over REPEATS runs (default 3). Needs `npm run build` first.
 *
 *   npx tsx bench/collab/fan-out.ts            # PGlite; the issue's four shapes
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/collab/fan-out.ts
 *   SHAPE=2 RECEIVERS=both npx tsx bench/collab/fan-out.ts   # one shape, light and full receivers
 *   NODES=2 npx tsx bench/collab/fan-out.ts    # two Caucus nodes (PostgreSQL + Redis) against one
 */
import { describeRun, runOnce, type RunResult, type Shape } from "./fan-out-run";
import { runTwoNodes } from "./fan-out-nodes";
import { prepareBenchData } from "./fixtures";
import { startCaucus, startReference, type ServerUnderTest } from "./processes";
import type { ReceiverMode } from "./receivers";
import { fmt, median, table } from "./stats";

const REPEATS = Number(process.env.REPEATS ?? 3);
const DURATION_MS = Number(process.env.DURATION_MS ?? 10_000);

// The four shapes. "full" clients apply every update as a browser does and saturate the
// one load-generator core early; "light" ones only time arrivals (receivers.ts), so the server is
// the bound. RECEIVERS=full|light runs every shape in that mode, RECEIVERS=both in each.
const SHAPES: Shape[] = [
  { name: "1 room × 50 editors, 4 edits/s each", rooms: 1, editorsPerRoom: 50, editsPerSecond: 4, workers: 2, receivers: "full" },
  { name: "1 room × 50 editors, 16 edits/s each", rooms: 1, editorsPerRoom: 50, editsPerSecond: 16, workers: 2, receivers: "light" },
  { name: "100 rooms × 5 editors, 16 edits/s each", rooms: 100, editorsPerRoom: 5, editsPerSecond: 16, workers: 4, receivers: "light" },
  { name: "100 rooms × 5 editors, 4 edits/s each", rooms: 100, editorsPerRoom: 5, editsPerSecond: 4, workers: 4, receivers: "full" },
];

function modesFor(shape: Shape): ReceiverMode[] {
  const chosen = process.env.RECEIVERS;
  if (chosen === "both") return ["full", "light"];
  if (chosen === "full" || chosen === "light") return [chosen];
  if (chosen) throw new Error(`RECEIVERS must be full, light or both, not ${chosen}`);
  return [shape.receivers];
}

async function compareWithReference(shape: Shape): Promise<void> {
  // Fresh drafts for every run: the reference starts each run from an empty document, so ours
  // must too (re-using drafts made later runs load and sync what earlier runs typed).
  const data = await prepareBenchData(shape.rooms * shape.editorsPerRoom, shape.rooms * REPEATS * 2);
  let nextDraft = 0;
  const freshDrafts = () => data.draftIds.slice(nextDraft, (nextDraft += shape.rooms));
  const runs: Record<ServerUnderTest["name"], RunResult[]> = { caucus: [], reference: [] };
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    // Alternate which server goes first, so warm caches favour neither.
    const order = repeat % 2 === 0 ? (["caucus", "reference"] as const) : (["reference", "caucus"] as const);
    for (const name of order) {
      const server = name === "caucus" ? await startCaucus(data.env) : await startReference();
      try {
        const result = await runOnce([server], shape, data.tokens, freshDrafts(), { durationMs: DURATION_MS });
        runs[name].push(result);
        console.log(describeRun(`run ${repeat + 1} ${name.padEnd(9)}`, result));
      } finally {
        await server.stop();
      }
    }
  }
  await data.drop();
  const row = (name: string, rs: RunResult[]) => [
    name,
    fmt(median(rs.map((r) => r.p50))),
    fmt(median(rs.map((r) => r.p95))),
    fmt(median(rs.map((r) => r.p99))),
    fmt(median(rs.map((r) => r.deliveredPerSecond)), 0),
    fmt(median(rs.map((r) => r.cpuPerDelivered))),
    fmt(median(rs.map((r) => r.cpuPerEdit))),
    fmt(median(rs.map((r) => r.rssMiB)), 0),
    fmt(median(rs.map((r) => r.loopP99))),
    fmt(median(rs.map((r) => r.loopMax))),
    fmt(median(rs.map((r) => r.gcMaxMs))),
    fmt(median(rs.map((r) => r.loadCpuPercent)), 0),
    String(median(rs.map((r) => r.incomplete))),
    String(median(rs.map((r) => r.echoes))),
  ];
  const ours = row("caucus", runs.caucus);
  const reference = row("reference", runs.reference);
  const ratio = ["ours/reference", ...ours.slice(1, 11).map((v, i) => fmt(Number(v) / Number(reference[i + 1]), 2)), "", "", ""];
  console.log(`\n${shape.name}, ${shape.receivers} receivers — medians of ${REPEATS} runs, ${DURATION_MS / 1000} s each`);
  console.log(
    table(
      ["server", "p50 ms", "p95 ms", "p99 ms", "delivered/s", "CPU µs/deliv", "CPU µs/edit", "RSS MiB", "loop p99", "loop max", "GC max", "load-gen %", "incomplete", "echoed"],
      [ours, reference, ratio],
    ),
  );
  console.log("");
}

if (process.env.NODES && process.env.NODES !== "1") {
  if (process.env.NODES !== "2") throw new Error("NODES must be 1 or 2");
  await runTwoNodes(SHAPES[0]!, { repeats: REPEATS, durationMs: DURATION_MS });
} else {
  // SHAPE=1…4 runs one shape only.
  for (const shape of process.env.SHAPE ? [SHAPES[Number(process.env.SHAPE) - 1]!] : SHAPES) {
    for (const receivers of modesFor(shape)) await compareWithReference({ ...shape, receivers });
  }
}
