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
import { cpuMicros, rssKiB, startCaucus, startReference, type ServerUnderTest } from "./processes";
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
  setTimeout(() => (cpuStart = cpuMicros(server.pid)), startAt + WARMUP_MS - (performance.timeOrigin + performance.now()));
  setTimeout(() => (cpuEnd = cpuMicros(server.pid)), startAt + WARMUP_MS + DURATION_MS - (performance.timeOrigin + performance.now()));
  const results = await workers.run(startAt, WARMUP_MS, DURATION_MS);
  const rss = rssKiB(server.pid);
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
  };
}

// SHAPE=1 or SHAPE=2 runs one shape only.
for (const shape of process.env.SHAPE ? [SHAPES[Number(process.env.SHAPE) - 1]!] : SHAPES) {
  const data = await prepareBenchData(shape.rooms * shape.editorsPerRoom, shape.rooms);
  const runs: Record<ServerUnderTest["name"], RunResult[]> = { caucus: [], reference: [] };
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    // Alternate which server goes first, so warm caches favour neither.
    const order = repeat % 2 === 0 ? (["caucus", "reference"] as const) : (["reference", "caucus"] as const);
    for (const name of order) {
      const server = name === "caucus" ? await startCaucus(data.env) : await startReference();
      try {
        runs[name].push(await runOnce(server, shape, data.tokens, data.draftIds));
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
    String(median(rs.map((r) => r.incomplete))),
    String(median(rs.map((r) => r.echoes))),
  ];
  const ours = row("caucus", runs.caucus);
  const reference = row("reference", runs.reference);
  const ratio = ["ours/reference", ...ours.slice(1, 8).map((v, i) => fmt(Number(v) / Number(reference[i + 1]), 2)), "", ""];
  console.log(`\n${shape.name} — medians of ${REPEATS} runs, ${DURATION_MS / 1000} s each`);
  console.log(
    table(["server", "p50 ms", "p95 ms", "p99 ms", "delivered/s", "CPU µs/deliv", "CPU µs/edit", "RSS MiB", "incomplete", "echoed"], [ours, reference, ratio]),
  );
}
