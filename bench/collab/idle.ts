/**
 * Idle connections one node holds: 5 per room, small documents, clients in separate processes
 * on core 1, server on core 0. Prints memory per connection and CPU while idle.
 *
 *   IDLE_CONNECTIONS=19500 npx tsx bench/collab/idle.ts    (needs `npm run build`)
 *
 * This sandbox caps open files at 20,000 per process (a hard limit root cannot raise), so one
 * server process here can hold at most ~19,900 sockets: the default stays just under it.
 */
import { draftDocName } from "../../core/collab/doc-name";
import { prepareBenchData } from "./fixtures";
import { startWorkers } from "./load";
import { cpuMicros, rssKiB, startCaucus } from "./processes";
import { fmt, table } from "./stats";

const CONNECTIONS = Number(process.env.IDLE_CONNECTIONS ?? 19_500);
const PER_ROOM = 5;
const IDLE_MS = 15_000;
const rooms = Math.ceil(CONNECTIONS / PER_ROOM);
// 50 sockets per person at most (the per-user limit): spread rooms over enough people.
const users = Math.ceil(CONNECTIONS / 45);

const data = await prepareBenchData(users, rooms);
const server = await startCaucus(data.env);
await new Promise((resolve) => setTimeout(resolve, 1000));
const rssBase = rssKiB(server.pid);

const clients = [];
for (let r = 0; r < rooms; r++) {
  for (let j = 0; j < PER_ROOM && clients.length < CONNECTIONS; j++) {
    clients.push({ room: draftDocName(data.draftIds[r]!), token: data.tokens[(r * PER_ROOM + j) % users]!, writer: null });
  }
}
const connectStarted = performance.now();
// Each load process also stops at 20,000 open files: 5,000 sockets apiece leaves headroom.
const workers = await startWorkers(Math.ceil(CONNECTIONS / 5000), { url: server.wsUrl, origin: server.origin, editsPerSecond: 1 }, clients);
const connectSeconds = (performance.now() - connectStarted) / 1000;

await new Promise((resolve) => setTimeout(resolve, 3000));
const cpuStart = cpuMicros(server.pid);
await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
const cpuPercent = ((cpuMicros(server.pid) - cpuStart) / (IDLE_MS * 1000)) * 100;
const rss = rssKiB(server.pid);
await workers.stop();
await server.stop();
await data.drop();

console.log(`\nIdle connections on one node (${PER_ROOM} per room, empty drafts, awareness renewed every 15 s by each client)`);
console.log(
  table(
    ["connections", "rooms", "connect s", "RSS MiB", "KiB / connection", "CPU % idle"],
    [[String(clients.length), String(rooms), fmt(connectSeconds, 1), fmt(rss / 1024, 0), fmt((rss - rssBase) / clients.length, 1), fmt(cpuPercent, 1)]],
  ),
);
