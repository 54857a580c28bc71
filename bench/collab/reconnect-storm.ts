/**
 * Reconnect storm (issue 23): CLIENTS (5,000) clients on DRAFTS (1,000) drafts connect at once, as
 * after a restart or a network blip, against Caucus (real accounts, sessions and memberships: every
 * upgrade checks them as in production) and against y-websocket@2's reference server. Per run: time
 * from the storm's start until every client synced, connect p50/p99 (socket created → first sync
 * complete), server CPU over the storm, RSS after it (and per connection), server-side event-loop
 * delay and GC (loop-probe.mjs), the load generators' CPU. Server on core 0, WORKERS (4) client
 * processes on core 1. Every run printed, then medians of REPEATS (3). Needs `npm run build`.
 *
 *   npx tsx bench/collab/reconnect-storm.ts                       # PGlite
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/collab/reconnect-storm.ts
 *   CLIENTS=500 DRAFTS=100 REPEATS=1 npx tsx bench/collab/reconnect-storm.ts   # smoke run
 */
import type { ChildProcess } from "node:child_process";
import { draftDocName } from "../../core/collab/doc-name";
import { prepareBenchData } from "./fixtures";
import { spawnPinnedWorker } from "./load";
import { cpuMicros, readProbe, rssKiB, signalProbe, startCaucus, startReference, type ServerUnderTest } from "./processes";
import { fmt, median, percentile, table } from "./stats";
import type { StormConfig, StormMessage } from "./storm-worker";

const CLIENTS = Number(process.env.CLIENTS ?? 5000);
const DRAFTS = Number(process.env.DRAFTS ?? 1000);
const WORKERS = Number(process.env.WORKERS ?? 4);
const REPEATS = Number(process.env.REPEATS ?? 3);
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS ?? 60_000);

interface StormResult {
  allSyncedS: number;
  connectP50: number;
  connectP99: number;
  unsynced: number;
  closes: number;
  serverCpuS: number;
  rssMiB: number;
  kibPerConnection: number;
  loopP99: number;
  loopMax: number;
  gcMaxMs: number;
  loadCpuPercent: number;
}

function waitFor<T extends StormMessage["type"]>(child: ChildProcess, type: T): Promise<Extract<StormMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: StormMessage) => {
      if (m.type !== type) return;
      child.off("message", onMessage);
      resolve(m as Extract<StormMessage, { type: T }>);
    };
    child.on("message", onMessage);
    child.once("exit", (code) => reject(new Error(`storm worker exited with ${code}`)));
  });
}

async function stormOnce(server: ServerUnderTest, clients: StormConfig["clients"]): Promise<StormResult> {
  // Let the server settle after its start, so the idle baseline is idle.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssBefore = rssKiB(server.pid);
  const workers: ChildProcess[] = [];
  for (let w = 0; w < WORKERS; w++) {
    const mine = clients.filter((_, i) => i % WORKERS === w);
    workers.push(await spawnPinnedWorker("bench/collab/storm-worker.ts", { url: server.wsUrl, origin: server.origin, clients: mine, timeoutMs: TIMEOUT_MS } satisfies StormConfig));
  }
  await Promise.all(workers.map((child) => waitFor(child, "ready")));
  const loadCpu = () => workers.reduce((sum, child) => sum + cpuMicros(child.pid!), 0);
  const startAt = performance.timeOrigin + performance.now() + 500;
  const done = Promise.all(workers.map((child) => waitFor(child, "done")));
  for (const child of workers) child.send({ type: "start", startAt });
  await new Promise((resolve) => setTimeout(resolve, startAt - (performance.timeOrigin + performance.now())));
  const cpuStart = cpuMicros(server.pid);
  const loadStart = loadCpu();
  signalProbe(server);
  const reports = await done;
  const endedAt = performance.timeOrigin + performance.now();
  const serverCpu = cpuMicros(server.pid) - cpuStart;
  const loadUsed = loadCpu() - loadStart;
  signalProbe(server);
  const rss = rssKiB(server.pid);
  const probe = await readProbe(server);
  await Promise.all(
    workers.map((child) => {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.send({ type: "stop" });
      return exited;
    }),
  );
  const connects = reports.flatMap((r) => r.connects);
  const latencies = connects.map(([created, synced]) => synced - created).sort((a, b) => a - b);
  const lastSync = Math.max(...connects.map(([, synced]) => synced));
  return {
    allSyncedS: (lastSync - startAt) / 1000,
    connectP50: percentile(latencies, 50),
    connectP99: percentile(latencies, 99),
    unsynced: reports.reduce((n, r) => n + r.unsynced, 0),
    closes: reports.reduce((n, r) => n + r.closes, 0),
    serverCpuS: serverCpu / 1e6,
    rssMiB: rss / 1024,
    kibPerConnection: (rss - rssBefore) / Math.max(1, connects.length),
    loopP99: probe?.p99 ?? NaN,
    loopMax: probe?.max ?? NaN,
    gcMaxMs: probe?.gc.maxMs ?? NaN,
    loadCpuPercent: (loadUsed / ((endedAt - startAt) * 1000)) * 100,
  };
}

// One account per client (the per-person socket limit is 50), five clients per draft by default.
const data = await prepareBenchData(CLIENTS, DRAFTS);
const clients = Array.from({ length: CLIENTS }, (_, i) => ({ room: draftDocName(data.draftIds[i % DRAFTS]!), token: data.tokens[i]! }));
const runs: Record<ServerUnderTest["name"], StormResult[]> = { caucus: [], reference: [] };
try {
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    // Alternate which server goes first, so warm caches favour neither.
    const order = repeat % 2 === 0 ? (["caucus", "reference"] as const) : (["reference", "caucus"] as const);
    for (const name of order) {
      const server = name === "caucus" ? await startCaucus(data.env) : await startReference();
      try {
        const r = await stormOnce(server, clients);
        runs[name].push(r);
        console.log(
          `  run ${repeat + 1} ${name.padEnd(9)} all synced ${fmt(r.allSyncedS, 2)} s  connect p50 ${fmt(r.connectP50)} p99 ${fmt(r.connectP99)} ms  server CPU ${fmt(r.serverCpuS, 2)} s` +
            `  RSS ${fmt(r.rssMiB, 0)} MiB  loop p99 ${fmt(r.loopP99)} max ${fmt(r.loopMax)} ms  gc max ${fmt(r.gcMaxMs)} ms  load-gen CPU ${fmt(r.loadCpuPercent, 0)} %  unsynced ${r.unsynced}  closes ${r.closes}`,
        );
      } finally {
        await server.stop();
      }
    }
  }
} finally {
  await data.drop();
}

const row = (name: string, rs: StormResult[]) => [
  name,
  fmt(median(rs.map((r) => r.allSyncedS)), 2),
  fmt(median(rs.map((r) => r.connectP50))),
  fmt(median(rs.map((r) => r.connectP99))),
  fmt(median(rs.map((r) => r.serverCpuS)), 2),
  fmt(median(rs.map((r) => r.rssMiB)), 0),
  fmt(median(rs.map((r) => r.kibPerConnection)), 1),
  fmt(median(rs.map((r) => r.loopP99))),
  fmt(median(rs.map((r) => r.loopMax))),
  fmt(median(rs.map((r) => r.gcMaxMs))),
  fmt(median(rs.map((r) => r.loadCpuPercent)), 0),
  String(median(rs.map((r) => r.unsynced))),
  String(median(rs.map((r) => r.closes))),
];
const ours = row("caucus", runs.caucus);
const reference = row("reference", runs.reference);
const ratio = ["ours/reference", ...ours.slice(1, 11).map((v, i) => fmt(Number(v) / Number(reference[i + 1]), 2)), "", ""];
console.log(`\nReconnect storm: ${CLIENTS} clients on ${DRAFTS} drafts at once, ${WORKERS} client processes — medians of ${REPEATS} runs`);
console.log(
  table(
    ["server", "all synced s", "connect p50 ms", "connect p99 ms", "server CPU s", "RSS MiB", "KiB/conn", "loop p99", "loop max", "GC max", "load-gen %", "unsynced", "closes"],
    [ours, reference, ratio],
  ),
);
