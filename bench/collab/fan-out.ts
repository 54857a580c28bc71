/**
 * Fan-out benchmark: our server (auth + persistence on) against y-websocket@2's reference server
 * (no auth, in memory), same load, same machine. Servers on core 0, load generators on core 1.
 * Prints medians over REPEATS runs (default 3). Needs `npm run build` first.
 *
 *   npx tsx bench/collab/fan-out.ts            # PGlite
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/collab/fan-out.ts
 */
import { draftDocName } from "../../core/collab/doc-name";
import { prepareBenchData } from "./fixtures";
import { startWorkers } from "./load";
import { cpuMicros, readProbe, rssKiB, signalProbe, startCaucus, startReference, type ServerUnderTest } from "./processes";
import { fmt, median, percentile, table } from "./stats";

const REPEATS = Number(process.env.REPEATS ?? 3);
const WARMUP_MS = 2000;
const DURATION_MS = Number(process.env.DURATION_MS ?? 10_000);

interface Shape {
  name: string;
  rooms: number;
  editorsPerRoom: number;
  editsPerSecond: number;
  workers: number;
}

const SHAPES: Shape[] = [
  { name: "1 room × 50 editors, 4 edits/s each", rooms: 1, editorsPerRoom: 50, editsPerSecond: 4, workers: 2 },
  { name: "100 rooms × 5 editors, 16 edits/s each", rooms: 100, editorsPerRoom: 5, editsPerSecond: 16, workers: 4 },
  // The second shape saturates the one load-generator core on a 2-core machine (its tail
  // then measures the clients); this one is the most rooms × rate that core absorbs here.
  { name: "100 rooms × 5 editors, 4 edits/s each", rooms: 100, editorsPerRoom: 5, editsPerSecond: 4, workers: 4 },
];

interface RunResult {
  p50: number;
  p95: number;
  p99: number;
  deliveredPerSecond: number;
  cpuPerDelivered: number;
  cpuPerEdit: number;
  rssMiB: number;
  incomplete: number;
  echoes: number;
  /** The load generators' CPU use over the window, % of their one core. */
  loadCpuPercent: number;
  /** Server-side, over the window: event-loop delay p99 and max, longest GC pause (ms). */
  loopP99: number;
  loopMax: number;
  gcMaxMs: number;
}

async function runOnce(server: ServerUnderTest, shape: Shape, tokens: string[], draftIds: string[]): Promise<RunResult> {
  const clients = [];
  for (let r = 0; r < shape.rooms; r++) {
    for (let e = 0; e < shape.editorsPerRoom; e++) {
      clients.push({ room: draftDocName(draftIds[r]!), token: tokens[r * shape.editorsPerRoom + e]!, writer: `w${e}` });
    }
  }
  const workers = await startWorkers(shape.workers, { url: server.wsUrl, origin: server.origin, editsPerSecond: shape.editsPerSecond }, clients);
  const startAt = performance.timeOrigin + performance.now() + 500;
  let cpuStart = 0;
  let cpuEnd = 0;
  // The load generators' CPU over the window: near 100 % of their core, latency measures them.
  const loadCpu = () => workers.processes.reduce((sum, child) => sum + cpuMicros(child.pid!), 0);
  let loadCpuStart = 0;
  let loadCpuEnd = 0;
  const untilMs = (at: number) => at - (performance.timeOrigin + performance.now());
  setTimeout(() => {
    cpuStart = cpuMicros(server.pid);
    loadCpuStart = loadCpu();
    signalProbe(server);
  }, untilMs(startAt + WARMUP_MS));
  setTimeout(() => {
    cpuEnd = cpuMicros(server.pid);
    loadCpuEnd = loadCpu();
    signalProbe(server);
  }, untilMs(startAt + WARMUP_MS + DURATION_MS));
  const results = await workers.run(startAt, WARMUP_MS, DURATION_MS);
  const rss = rssKiB(server.pid);
  const probe = await readProbe(server);
  await workers.stop();

  const merged = new Map<string, [number, number]>();
  for (const result of results) {
    for (const [key, latency, count] of result.received) {
      const entry = merged.get(key);
      if (entry) {
        entry[0] = Math.max(entry[0], latency);
        entry[1] += count;
      } else merged.set(key, [latency, count]);
    }
  }
  const sent = results.flatMap((r) => r.sentKeys);
  const peers = shape.editorsPerRoom - 1;
  const latencies: number[] = [];
  let delivered = 0;
  let incomplete = 0;
  const echoes = results.reduce((n, r) => n + r.echoes, 0);
  for (const key of sent) {
    const entry = merged.get(key);
    delivered += Math.min(entry?.[1] ?? 0, peers);
    if (entry && entry[1] >= peers) latencies.push(entry[0]);
    else incomplete += 1;
  }
  latencies.sort((a, b) => a - b);
  const cpu = cpuEnd - cpuStart;
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    deliveredPerSecond: delivered / (DURATION_MS / 1000),
    cpuPerDelivered: cpu / Math.max(1, delivered),
    cpuPerEdit: cpu / Math.max(1, sent.length),
    rssMiB: rss / 1024,
    incomplete,
    echoes,
    loadCpuPercent: ((loadCpuEnd - loadCpuStart) / (DURATION_MS * 1000)) * 100,
    loopP99: probe?.p99 ?? NaN,
    loopMax: probe?.max ?? NaN,
    gcMaxMs: probe?.gc.maxMs ?? NaN,
  };
}

// SHAPE=1, 2 or 3 runs one shape only.
for (const shape of process.env.SHAPE ? [SHAPES[Number(process.env.SHAPE) - 1]!] : SHAPES) {
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
        const result = await runOnce(server, shape, data.tokens, freshDrafts());
        runs[name].push(result);
        console.log(
          `  run ${repeat + 1} ${name.padEnd(9)} p50 ${fmt(result.p50)}  p99 ${fmt(result.p99)}  loop p99 ${fmt(result.loopP99)}  loop max ${fmt(result.loopMax)}  gc max ${fmt(result.gcMaxMs)} ms  load-gen CPU ${fmt(result.loadCpuPercent, 0)} %`,
        );
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
    String(median(rs.map((r) => r.incomplete))),
    String(median(rs.map((r) => r.echoes))),
  ];
  const ours = row("caucus", runs.caucus);
  const reference = row("reference", runs.reference);
  const ratio = ["ours/reference", ...ours.slice(1, 11).map((v, i) => fmt(Number(v) / Number(reference[i + 1]), 2)), "", ""];
  console.log(`\n${shape.name} — medians of ${REPEATS} runs, ${DURATION_MS / 1000} s each`);
  console.log(
    table(["server", "p50 ms", "p95 ms", "p99 ms", "delivered/s", "CPU µs/deliv", "CPU µs/edit", "RSS MiB", "loop p99", "loop max", "GC max", "incomplete", "echoed"], [ours, reference, ratio]),
  );
}
