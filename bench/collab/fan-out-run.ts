/**
 * One fan-out run (bench/collab/fan-out.ts): a shape's clients spread over one or more server
 * processes, typing for a window; what the workers report, merged into latencies, deliveries,
 * server and load-generator CPU, and (full receivers) whether every client ended on one document.
 */
import { draftDocName } from "../../core/collab/doc-name";
import { startWorkers } from "./load";
import type { WorkerMessage } from "./load-worker";
import { cpuMicros, readProbe, rssKiB, signalProbe, type ServerUnderTest } from "./processes";
import type { ReceiverMode } from "./receivers";
import { fmt, percentile } from "./stats";

export const WARMUP_MS = 2000;

export interface Shape {
  name: string;
  rooms: number;
  editorsPerRoom: number;
  editsPerSecond: number;
  workers: number;
  receivers: ReceiverMode;
}

export interface RunResult {
  p50: number;
  p95: number;
  p99: number;
  deliveredPerSecond: number;
  cpuPerDelivered: number;
  cpuPerEdit: number;
  /** Every server process's CPU over the window, summed, % of one core. */
  serverCpuPercent: number;
  /** Other processes' CPU (Redis with NODES=2), % of one core. */
  extraCpuPercent: number;
  rssMiB: number;
  incomplete: number;
  echoes: number;
  /** Light receivers: updates that carried several authors (timed by the first only). */
  merged: number;
  /** Full receivers: rooms whose clients did not all end with the same document; NaN when light. */
  diverged: number;
  /** The load generators' CPU use over the window, % of their one core. */
  loadCpuPercent: number;
  /** Server-side, over the window (the worst node): event-loop delay p99 and max, longest GC pause (ms). */
  loopP99: number;
  loopMax: number;
  gcMaxMs: number;
}

type WorkerResult = Extract<WorkerMessage, { type: "result" }>;

/** Each workers' [key, time, count] entries joined per key: the latest time, the summed count. */
function latestAndCount<K>(lists: ReadonlyArray<ReadonlyArray<readonly [K, number, number]>>): Map<K, [number, number]> {
  const joined = new Map<K, [number, number]>();
  for (const list of lists) {
    for (const [key, at, count] of list) {
      const entry = joined.get(key);
      if (entry) {
        entry[0] = Math.max(entry[0], at);
        entry[1] += count;
      } else joined.set(key, [at, count]);
    }
  }
  return joined;
}

/** Per sent edit within the window: its latest arrival's latency, and how many peers got it. */
function deliveries(results: WorkerResult[], receivers: ReceiverMode): Array<{ latency: number; count: number }> {
  if (receivers === "full") {
    const merged = latestAndCount(results.map((r) => r.received));
    return results.flatMap((r) => r.sentKeys).map((key) => {
      const entry = merged.get(key);
      return { latency: entry?.[0] ?? NaN, count: entry?.[1] ?? 0 };
    });
  }
  // Light receivers timed arrivals by clock key; the senders noted when each key was sent.
  const arrived = latestAndCount(results.map((r) => r.arrivals));
  return results.flatMap((r) => r.sentClocks).map(([key, sentAt]) => {
    const entry = arrived.get(key);
    return { latency: entry ? entry[0] - sentAt : NaN, count: entry?.[1] ?? 0 };
  });
}

/** Rooms where some client's document digest differs from another's. */
function divergedRooms(results: WorkerResult[]): number {
  const byRoom = new Map<string, Set<string>>();
  for (const [room, digest] of results.flatMap((r) => r.digests)) {
    const set = byRoom.get(room) ?? new Set<string>();
    set.add(digest);
    byRoom.set(room, set);
  }
  return [...byRoom.values()].filter((digests) => digests.size > 1).length;
}

export async function runOnce(
  servers: ServerUnderTest[],
  shape: Shape,
  tokens: string[],
  draftIds: string[],
  options: { durationMs: number; extraPids?: number[] },
): Promise<RunResult> {
  const { durationMs } = options;
  const clients = [];
  for (let r = 0; r < shape.rooms; r++) {
    for (let e = 0; e < shape.editorsPerRoom; e++) {
      // With several nodes, a room's editors alternate between them (as a load balancer spreads them).
      clients.push({ room: draftDocName(draftIds[r]!), token: tokens[r * shape.editorsPerRoom + e]!, writer: `w${e}`, server: e % servers.length });
    }
  }
  const target = { servers: servers.map((s) => ({ url: s.wsUrl, origin: s.origin })), editsPerSecond: shape.editsPerSecond, receivers: shape.receivers };
  const workers = await startWorkers(shape.workers, target, clients);
  const startAt = performance.timeOrigin + performance.now() + 500;
  const sum = (pids: number[]) => pids.reduce((total, pid) => total + cpuMicros(pid), 0);
  const serverPids = servers.map((s) => s.pid);
  const extraPids = options.extraPids ?? [];
  // The load generators' CPU over the window: near 100 % of their core, latency measures them.
  const loadPids = workers.processes.map((child) => child.pid!);
  const at = { server: [0, 0], extra: [0, 0], load: [0, 0] };
  const untilMs = (time: number) => time - (performance.timeOrigin + performance.now());
  const sample = (i: 0 | 1) => {
    at.server[i] = sum(serverPids);
    at.extra[i] = sum(extraPids);
    at.load[i] = sum(loadPids);
    for (const server of servers) signalProbe(server);
  };
  setTimeout(() => sample(0), untilMs(startAt + WARMUP_MS));
  setTimeout(() => sample(1), untilMs(startAt + WARMUP_MS + durationMs));
  const results = await workers.run(startAt, WARMUP_MS, durationMs);
  const rss = servers.reduce((total, s) => total + rssKiB(s.pid), 0);
  const probes = await Promise.all(servers.map((s) => readProbe(s)));
  await workers.stop();

  const peers = shape.editorsPerRoom - 1;
  const latencies: number[] = [];
  let delivered = 0;
  let incomplete = 0;
  const sent = deliveries(results, shape.receivers);
  for (const { latency, count } of sent) {
    delivered += Math.min(count, peers);
    if (count >= peers) latencies.push(latency);
    else incomplete += 1;
  }
  latencies.sort((a, b) => a - b);
  const cpu = at.server[1]! - at.server[0]!;
  const percentOfWindow = (micros: number) => (micros / (durationMs * 1000)) * 100;
  const worst = (pick: (p: NonNullable<(typeof probes)[number]>) => number) => Math.max(...probes.map((p) => (p ? pick(p) : NaN)));
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    deliveredPerSecond: delivered / (durationMs / 1000),
    cpuPerDelivered: cpu / Math.max(1, delivered),
    cpuPerEdit: cpu / Math.max(1, sent.length),
    serverCpuPercent: percentOfWindow(cpu),
    extraCpuPercent: percentOfWindow(at.extra[1]! - at.extra[0]!),
    rssMiB: rss / 1024,
    incomplete,
    echoes: results.reduce((n, r) => n + r.echoes, 0),
    merged: results.reduce((n, r) => n + r.merged, 0),
    diverged: shape.receivers === "full" ? divergedRooms(results) : NaN,
    loadCpuPercent: percentOfWindow(at.load[1]! - at.load[0]!),
    loopP99: worst((p) => p.p99),
    loopMax: worst((p) => p.max),
    gcMaxMs: worst((p) => p.gc.maxMs),
  };
}

/** One line per run, printed as it ends. */
export function describeRun(label: string, r: RunResult): string {
  return (
    `  ${label} p50 ${fmt(r.p50)}  p99 ${fmt(r.p99)}  delivered/s ${fmt(r.deliveredPerSecond, 0)}  server CPU ${fmt(r.serverCpuPercent, 0)} %` +
    `  loop p99 ${fmt(r.loopP99)}  loop max ${fmt(r.loopMax)}  gc max ${fmt(r.gcMaxMs)} ms  load-gen CPU ${fmt(r.loadCpuPercent, 0)} %` +
    `  incomplete ${r.incomplete}${Number.isNaN(r.diverged) ? "" : `  diverged rooms ${r.diverged}`}${r.merged ? `  merged ${r.merged}` : ""}`
  );
}
