/**
 * Keystroke to "saved" (issue 16): how long after a keystroke the browser may say "All changes
 * saved" — the server's answer that the change is stored — idle and under the 100-room load
 * (100 rooms × 5 editors, 4 edits/s each, the load generators on core 1, the server on core 0).
 * Probe clients run DurableSync exactly as the browser does, one in each of PROBES loaded rooms,
 * and type one character at a time, each waiting for its answer. Prints every run, then medians
 * over REPEATS. Needs `npm run build` first (the server runs the production build).
 *
 *   npx tsx bench/collab/saved-latency.ts
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/collab/saved-latency.ts
 */
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { draftDocName } from "../../core/collab/doc-name";
import { DurableSync } from "../../core/collab/durable-sync";
import { prepareBenchData } from "./fixtures";
import { startWorkers } from "./load";
import { cpuMicros, startCaucus, type ServerUnderTest } from "./processes";
import { fmt, median, percentile, table } from "./stats";

const REPEATS = Number(process.env.REPEATS ?? 3);
const DURATION_MS = Number(process.env.DURATION_MS ?? 10_000);
const PROBES = 10;
const ROOMS = 100;
const EDITORS = 5;
/** Between one answer and the next keystroke: a typist's pause, so probes do not queue on themselves. */
const THINK_MS = 150;

interface Probe {
  doc: Y.Doc;
  provider: WebsocketProvider;
  durable: DurableSync;
}

function connectProbe(server: ServerUnderTest, token: string, room: string): Promise<Probe> {
  const headers = { origin: server.origin, cookie: `caucus_session=${token}` };
  const Socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, room, doc, { WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket, disableBc: true, connect: false });
  const durable = new DurableSync(provider);
  provider.connect();
  return new Promise((resolve) => provider.once("sync", () => resolve({ doc, provider, durable })));
}

/** Types one character and resolves with the milliseconds until the server said it is stored. */
function keystrokeToSaved(probe: Probe, char: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const stop = probe.durable.subscribe((state) => {
      if (state.unsaved > 0) return;
      stop();
      resolve(performance.now() - started);
    });
    probe.doc.getText("probe").insert(probe.doc.getText("probe").length, char);
  });
}

async function measure(probes: Probe[], until: number): Promise<number[]> {
  const samples: number[] = [];
  await Promise.all(
    probes.map(async (probe, p) => {
      // Staggered, so probes do not all type in the same tick.
      await new Promise((resolve) => setTimeout(resolve, (p * THINK_MS) / probes.length));
      while (performance.now() < until) {
        samples.push(await keystrokeToSaved(probe, "k"));
        if (process.env.BENCH_TRACE) console.log("probe", p, samples.at(-1));
        await new Promise((resolve) => setTimeout(resolve, THINK_MS));
      }
    }),
  );
  return samples.sort((a, b) => a - b);
}

interface RunResult {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  samples: number;
  loadCpuPercent: number;
  serverCpuPercent: number;
}

async function runOnce(loaded: boolean, tokens: string[], draftIds: string[], env: Record<string, string>): Promise<RunResult> {
  const server = await startCaucus(env);
  try {
    const clients = [];
    for (let r = 0; loaded && r < ROOMS; r++) {
      for (let e = 0; e < EDITORS; e++) clients.push({ room: draftDocName(draftIds[r]!), token: tokens[r * EDITORS + e]!, writer: `w${e}` });
    }
    const workers = loaded ? await startWorkers(4, { url: server.wsUrl, origin: server.origin, editsPerSecond: 4 }, clients) : null;
    const probes = await Promise.all(Array.from({ length: PROBES }, (_, p) => connectProbe(server, tokens[ROOMS * EDITORS + p]!, draftDocName(draftIds[p]!))));
    const startAt = performance.timeOrigin + performance.now() + 500;
    const running = workers?.run(startAt, 2000, DURATION_MS + 1000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const load = () => workers?.processes.reduce((sum, child) => sum + cpuMicros(child.pid!), 0) ?? 0;
    const [cpu0, load0, t0] = [cpuMicros(server.pid), load(), performance.now()];
    const samples = await measure(probes, performance.now() + DURATION_MS);
    const seconds = (performance.now() - t0) / 1000;
    const [cpu1, load1] = [cpuMicros(server.pid), load()];
    await running;
    await workers?.stop();
    for (const probe of probes) {
      probe.durable.destroy();
      probe.provider.destroy();
    }
    return {
      p50: percentile(samples, 50),
      p95: percentile(samples, 95),
      p99: percentile(samples, 99),
      max: samples.at(-1) ?? NaN,
      samples: samples.length,
      loadCpuPercent: ((load1 - load0) / (seconds * 1_000_000)) * 100,
      serverCpuPercent: ((cpu1 - cpu0) / (seconds * 1_000_000)) * 100,
    };
  } finally {
    await server.stop();
  }
}

// y-websocket adds a process exit listener per provider.
process.setMaxListeners(PROBES + 10);
const data = await prepareBenchData(ROOMS * EDITORS + PROBES, ROOMS * REPEATS * 2);
let next = 0;
const fresh = () => data.draftIds.slice(next, (next += ROOMS));
const runs: Record<"idle" | "loaded", RunResult[]> = { idle: [], loaded: [] };
for (let repeat = 0; repeat < REPEATS; repeat++) {
  for (const kind of ["idle", "loaded"] as const) {
    const result = await runOnce(kind === "loaded", data.tokens, fresh(), data.env);
    runs[kind].push(result);
    console.log(
      `  run ${repeat + 1} ${kind.padEnd(6)} p50 ${fmt(result.p50)}  p95 ${fmt(result.p95)}  p99 ${fmt(result.p99)}  max ${fmt(result.max)} ms  (${result.samples} keystrokes)  server CPU ${fmt(result.serverCpuPercent, 0)} %  load-gen CPU ${fmt(result.loadCpuPercent, 0)} %`,
    );
  }
}
await data.drop();
const row = (name: string, rs: RunResult[]) => [
  name,
  fmt(median(rs.map((r) => r.p50))),
  fmt(median(rs.map((r) => r.p95))),
  fmt(median(rs.map((r) => r.p99))),
  fmt(median(rs.map((r) => r.max))),
  String(median(rs.map((r) => r.samples))),
  fmt(median(rs.map((r) => r.serverCpuPercent)), 0),
  fmt(median(rs.map((r) => r.loadCpuPercent)), 0),
];
console.log(`\nKeystroke → "All changes saved" (server's stored answer), ${PROBES} probe typists — medians of ${REPEATS} runs, ${DURATION_MS / 1000} s each`);
console.log(table(["load", "p50 ms", "p95 ms", "p99 ms", "max ms", "keystrokes", "server CPU %", "load-gen CPU %"], [row("idle", runs.idle), row(`${ROOMS} rooms × ${EDITORS}, 4 edits/s`, runs.loaded)]));
process.exit(0);
