/**
 * One socket floods a draft's presence (issue 16: 3,000 awareness updates of 20 KB) while two
 * editors in ANOTHER draft keep editing: how long their edits take to reach each other (client →
 * server → other client) before and during the flood, and the server's event-loop delay.
 * Server on core 0; the flooder (and a listener in the flooded draft) in a process on core 1,
 * the probing editors in this process, also on core 1. Needs `npm run build` first.
 *
 *   npx tsx bench/collab/awareness-flood.ts   # FRAMES=3000 BYTES=20000 LISTENERS=5 REPEATS=3
 */
import { execFileSync, spawn } from "node:child_process";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { draftDocName } from "../../core/collab/doc-name";
import { prepareBenchData } from "./fixtures";
import type { FloodConfig, FloodMessage } from "./flood-worker";
import { readProbe, signalProbe, startCaucus } from "./processes";
import { fmt, median, percentile, table } from "./stats";

const FRAMES = Number(process.env.FRAMES ?? 3000);
const BYTES = Number(process.env.BYTES ?? 20_000);
const REPEATS = Number(process.env.REPEATS ?? 3);
const LISTENERS = Number(process.env.LISTENERS ?? 5);
const PROBE_EVERY_MS = 10;

execFileSync("taskset", ["-pc", "1", String(process.pid)], { stdio: "ignore" });

function editor(url: string, origin: string, room: string, token: string) {
  const headers = { origin, cookie: `caucus_session=${token}` };
  const socket = class extends WebSocket {
    constructor(u: string, protocols?: string | string[]) {
      super(u, protocols, { headers });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: socket as unknown as typeof globalThis.WebSocket, disableBc: true });
  const synced = new Promise<void>((resolve) => provider.once("sync", () => resolve()));
  return { doc, provider, synced };
}

interface Run {
  baseline: number[];
  during: number[];
  loopMax: number;
  loopP99: number;
  sendMs: number;
  closeCode: number | null;
  relayed: number;
}

async function runOnce(env: Record<string, string>, tokens: string[], flooded: string, probed: string): Promise<Run> {
  const server = await startCaucus(env);
  try {
    const writer = editor(server.wsUrl, server.origin, draftDocName(probed), tokens[2]!);
    const reader = editor(server.wsUrl, server.origin, draftDocName(probed), tokens[3]!);
    await Promise.all([writer.synced, reader.synced]);
    const sentAt = new Map<number, number>();
    const latencies: Array<[number, number]> = [];
    reader.doc.getArray<number>("probe").observe((event) => {
      const now = performance.now();
      for (const item of event.changes.added) for (const seq of item.content.getContent() as number[]) latencies.push([sentAt.get(seq)!, now - sentAt.get(seq)!]);
    });
    // A fixed schedule, each edit timed from when it was due: an edit this process could not send
    // on time (core 1 is shared with the flooder) counts as late, not as never sent.
    const scheduleStart = performance.now();
    let seq = 0;
    const probe = setInterval(() => {
      for (let due = scheduleStart + seq * PROBE_EVERY_MS; due <= performance.now(); due = scheduleStart + seq * PROBE_EVERY_MS) {
        sentAt.set(seq, due);
        writer.doc.getArray<number>("probe").push([seq++]);
      }
    }, PROBE_EVERY_MS);

    const config: FloodConfig = { url: server.wsUrl, origin: server.origin, room: draftDocName(flooded), floodToken: tokens[0]!, listenerToken: tokens[1]!, listeners: LISTENERS, frames: FRAMES, bytes: BYTES };
    const worker = spawn("taskset", ["-c", "1", process.execPath, "--import", "tsx", "bench/collab/flood-worker.ts", JSON.stringify(config)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    await new Promise<void>((resolve) => worker.once("message", () => resolve()));
    // The first second warms up (JIT, first syncs) and is not counted; the next two are the baseline.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const baselineStart = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const floodStart = performance.now();
    signalProbe(server);
    const done = new Promise<Extract<FloodMessage, { type: "done" }>>((resolve) => worker.once("message", (m: FloodMessage) => m.type === "done" && resolve(m)));
    worker.send("start");
    const result = await done;
    signalProbe(server);
    clearInterval(probe);
    const loop = await readProbe(server);
    writer.provider.destroy();
    reader.provider.destroy();
    const sorted = (list: number[]) => list.sort((a, b) => a - b);
    return {
      baseline: sorted(latencies.filter(([at]) => at >= baselineStart && at < floodStart).map(([, ms]) => ms)),
      during: sorted(latencies.filter(([at]) => at >= floodStart).map(([, ms]) => ms)),
      loopMax: loop?.max ?? NaN,
      loopP99: loop?.p99 ?? NaN,
      sendMs: result.sendMs,
      closeCode: result.closeCode,
      relayed: result.relayed,
    };
  } finally {
    await server.stop();
  }
}

const data = await prepareBenchData(4, REPEATS * 2);
const runs: Run[] = [];
for (let repeat = 0; repeat < REPEATS; repeat++) {
  const run = await runOnce(data.env, data.tokens, data.draftIds[repeat * 2]!, data.draftIds[repeat * 2 + 1]!);
  runs.push(run);
  console.log(
    `  run ${repeat + 1}: other draft p50 ${fmt(percentile(run.during, 50))} p99 ${fmt(percentile(run.during, 99))} max ${fmt(run.during.at(-1) ?? NaN)} ms (baseline p99 ${fmt(percentile(run.baseline, 99))}); server loop max ${fmt(run.loopMax)} ms; flood sent in ${fmt(run.sendMs, 0)} ms, closed ${run.closeCode ?? "—"}, ${run.relayed} presence changes relayed`,
  );
}
await data.drop();
const col = (pick: (r: Run) => number, digits = 1) => fmt(median(runs.map(pick)), digits);
console.log(`\n${FRAMES} awareness frames of ${BYTES} bytes from one socket, ${LISTENERS} clients in its draft; edits in another draft every ${PROBE_EVERY_MS} ms — medians of ${REPEATS} runs`);
console.log(
  table(
    ["", "p50 ms", "p99 ms", "max ms", "server loop p99", "server loop max", "relayed", "close code"],
    [
      ["before the flood", col((r) => percentile(r.baseline, 50)), col((r) => percentile(r.baseline, 99)), col((r) => r.baseline.at(-1) ?? NaN), "", "", "", ""],
      [
        "during the flood",
        col((r) => percentile(r.during, 50)),
        col((r) => percentile(r.during, 99)),
        col((r) => r.during.at(-1) ?? NaN),
        col((r) => r.loopP99),
        col((r) => r.loopMax),
        col((r) => r.relayed, 0),
        String(runs.map((r) => r.closeCode ?? "—").join("/")),
      ],
    ],
  ),
);
// The y-websocket providers' exit hooks keep this process alive after destroy().
process.exit(0);
