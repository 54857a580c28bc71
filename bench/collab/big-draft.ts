/**
 * A 50,000-word draft with a long edit history: first sync for a new client when its room is
 * open (served from the cached encoded state) and cold from the database; resident memory of
 * the open room. Server-side times come from the server's own "collab first sync" log lines.
 * The server runs on core 0; this process, the clients, pins itself to core 1, or its own
 * decoding of the 430 KiB draft would compete with the server it measures.
 *
 *   npx tsx bench/collab/big-draft.ts    (needs `npm run build`)
 */
import { execFileSync } from "node:child_process";
import * as Y from "yjs";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import { compactDraft } from "../../server/collab/compaction";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import { draftDocName } from "../../core/collab/doc-name";
import { buildHistory } from "./big-history";
import { prepareBenchData } from "./fixtures";
import { rssKiB, startCaucus } from "./processes";
import { fmt, median, table } from "./stats";

const COLD_SAMPLES = 18;
const WARM_SAMPLES = 25;
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 5000);
execFileSync("taskset", ["-apc", "1", String(process.pid)], { stdio: "ignore" });
const history = buildHistory();
const data = await prepareBenchData(WARM_SAMPLES + 2, COLD_SAMPLES, async (handle, draftIds) => {
  for (const draftId of draftIds) {
    // Most history compacted into the snapshot, the rest still a tail of log rows.
    const head = history.updates.slice(0, -200);
    for (let i = 0; i < head.length; i += 500) {
      await appendDraftUpdates(handle.db, head.slice(i, i + 500).map((update) => ({ draftId, update, userId: null })));
    }
    await compactDraft(handle.db, draftId);
    // Half the drafts were closed cleanly (compacted, no tail); the other half after a crash,
    // with the last 200 edits still as log rows.
    if (draftIds.indexOf(draftId) % 2 === 1) {
      await appendDraftUpdates(handle.db, history.updates.slice(-200).map((update) => ({ draftId, update, userId: null })));
    }
  }
});

/** A plain y-websocket client (the test harness imports vitest, which a bench cannot). */
type TestClient = { provider: WebsocketProvider; destroy(): void };
function connectClient(target: { url: string; origin: string }, token: string, draftId: string): TestClient {
  const headers = { origin: target.origin, cookie: `caucus_session=${token}` };
  const socket = class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.url, draftDocName(draftId), doc, { WebSocketPolyfill: socket as unknown as typeof globalThis.WebSocket, disableBc: true });
  return { provider, destroy: () => (provider.destroy(), doc.destroy()) };
}
const synced = (client: TestClient) =>
  client.provider.synced ? Promise.resolve() : new Promise<void>((resolve) => client.provider.once("sync", () => resolve()));

const server = await startCaucus({ ...data.env, LOG_LEVEL: "debug" });
const target = { url: server.wsUrl, origin: server.origin };
const clients: TestClient[] = [];
const firstSyncs = () => server.logs.filter((l) => l.message === "collab first sync");
const nextSync = async (count: number) => {
  while (firstSyncs().length < count) await new Promise((resolve) => setTimeout(resolve, 5));
  return firstSyncs()[count - 1]!;
};

// "Cold" means a room not in memory on a running server, not a process still starting: the
// server compiles its database engine in the background for its first seconds (decision 025).
await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
const rssBefore = rssKiB(server.pid);
const cold: number[] = [];
const coldClient: number[] = [];
const coldParts: Array<[number, number, number]> = [];
for (let i = 0; i < COLD_SAMPLES; i++) {
  const started = performance.now();
  const client = connectClient(target, data.tokens[0]!, data.draftIds[i]!);
  clients.push(client);
  await synced(client);
  coldClient.push(performance.now() - started);
  const line = await nextSync(clients.length);
  cold.push(Number(line.serverMs));
  coldParts.push([Number(line.authMs), Number(line.loadMs), Number(line.replyMs)]);
}
await new Promise((resolve) => setTimeout(resolve, 1000));
const perRoomMiB = (rssKiB(server.pid) - rssBefore) / 1024 / COLD_SAMPLES;

const warm: number[] = [];
const warmReply: number[] = [];
const warmAuth: number[] = [];
const warmClient: number[] = [];
for (let i = 0; i < WARM_SAMPLES; i++) {
  const started = performance.now();
  const client = connectClient(target, data.tokens[i + 1]!, data.draftIds[0]!);
  await synced(client);
  warmClient.push(performance.now() - started);
  const line = await nextSync(clients.length + i + 1);
  warm.push(Number(line.serverMs));
  warmAuth.push(Number(line.authMs));
  warmReply.push(Number(line.replyMs));
  client.destroy();
}
const bytes = Number(firstSyncs()[0]!.bytes);
for (const client of clients) client.destroy();
await server.stop();
await data.drop();

console.log(`\n50,000-word draft: ${history.words.toLocaleString("en")} words, ${history.updates.length.toLocaleString("en")} edits of history, ${(bytes / 1024).toFixed(0)} KiB full state`);
console.log(
  table(
    ["first sync of a new client", "server p50 ms", "server max ms", "client p50 ms", "samples"],
    [
      ["room open (cached state)", fmt(median(warm), 2), fmt(Math.max(...warm), 2), fmt(median(warmClient), 1), String(WARM_SAMPLES)],
      ["  of which authentication", fmt(median(warmAuth), 2), fmt(Math.max(...warmAuth), 2), "", ""],
      ["  of which the sync reply", fmt(median(warmReply), 3), fmt(Math.max(...warmReply), 3), "", ""],
      ...(["compacted", "200-edit tail"] as const).flatMap((kind, k) => {
        const pick = <T,>(xs: T[]) => xs.filter((_, i) => i % 2 === k);
        const parts = pick(coldParts);
        return [
          [`cold from the database, ${kind}`, fmt(median(pick(cold)), 1), fmt(Math.max(...pick(cold)), 1), fmt(median(pick(coldClient)), 1), String(parts.length)],
          ["  of which authentication", fmt(median(parts.map((p) => p[0])), 1), "", "", ""],
          ["  of which loading the room", fmt(median(parts.map((p) => p[1])), 1), "", "", ""],
          ["  of which the sync reply", fmt(median(parts.map((p) => p[2])), 1), "", "", ""],
        ];
      }),
    ],
  ),
);
console.log(`resident memory per open room: ${fmt(perRoomMiB, 1)} MiB (RSS growth over ${COLD_SAMPLES} rooms)`);
console.log("server = authentication + room load + sync reply, not the client's round trip; client = provider created → synced.");
