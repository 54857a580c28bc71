/**
 * One load-generator process: real y-websocket clients (ws), each a browser-like peer. Writers
 * type one character per edit at a fixed rate; every peer records when each other writer's edit
 * arrived: "full" receivers when they integrated it, "light" ones when its message came in (see
 * receivers.ts). Talks to the orchestrator over IPC. Config comes as a JSON file path in argv[2].
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { Arrivals, clockKey, socketClass, type ReceiverMode } from "./receivers";

export interface WorkerConfig {
  /** Every node the clients connect to (two with NODES=2); each client names its own. */
  servers: Array<{ url: string; origin: string }>;
  clients: Array<{ room: string; token: string; writer: string | null; server: number }>;
  editsPerSecond: number;
  receivers: ReceiverMode;
}

export type WorkerMessage =
  | { type: "ready"; connected: number }
  | {
      type: "result";
      /** Full receivers: edit key (room|writer|seq) → [max latency ms, how many peers applied it]. */
      received: Array<[string, number, number]>;
      sentKeys: string[];
      /** Light receivers: clock key → [latest arrival, how many peers got it]; edits as [clock key, sent at]. */
      arrivals: Array<[number, number, number]>;
      sentClocks: Array<[number, number]>;
      /** Light receivers: updates carrying several authors (a merging server), timed by their first only. */
      merged: number;
      echoes: number;
      /** Full receivers: each client's room and a digest of its document (state vector + text). */
      digests: Array<[string, string]>;
    };

// Every y-websocket provider adds a process "exit" listener; hundreds here are expected.
process.setMaxListeners(0);
const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as WorkerConfig;
const light = config.receivers === "light";
const now = () => performance.timeOrigin + performance.now();
const send = (message: WorkerMessage) => process.send!(message);

interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  writer: string | null;
  room: string;
  seq: number;
}

const peers: Peer[] = [];
/** edit key → [max latency ms, how many peers received it] */
const received = new Map<string, [number, number]>();
const arrivals = new Arrivals();
let measuring = { from: Infinity, to: Infinity };
const sentKeys: string[] = [];
const sentClocks: Array<[number, number]> = [];
/** Own edits that came back from the server: a server should never echo an update to its author. */
let echoes = 0;

for (const [index, spec] of config.clients.entries()) {
  const doc = new Y.Doc();
  const server = config.servers[spec.server]!;
  let provider: WebsocketProvider | null = null;
  const socket = socketClass(server.origin, spec.token, {
    ownClientId: () => doc.clientID,
    bypass: () => light && provider !== null && provider.synced,
    alive: () => (provider!.wsLastMessageReceived = Date.now()),
    echo: () => (echoes += 1),
    arrived: (first) => {
      if (first.groups > 1) arrivals.merged += 1;
      // Arrivals before the window are not kept: the orchestrator only matches edits sent in it.
      const at = now();
      if (at >= measuring.from) arrivals.record(clockKey(first.client, first.clock), at);
    },
  });
  provider = new WebsocketProvider(server.url, spec.room, doc, {
    WebSocketPolyfill: socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  const peer: Peer = { doc, provider, writer: spec.writer, room: spec.room, seq: 0 };
  if (!light) doc.getMap("edits").observe((event) => recordApplied(peer, event.keysChanged));
  peers.push(peer);
  // Open sockets in small steps: thousands of simultaneous upgrades measure the kernel, not us.
  if (index % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Full receivers: each other writer's edit, timed when this client integrated it. */
function recordApplied(peer: Peer, writers: Set<string>) {
  const at = now();
  for (const writer of writers) {
    if (writer === peer.writer) continue;
    const value = peer.doc.getMap("edits").get(writer) as [number, number] | undefined;
    if (!value) continue;
    const [seq, sentAt] = value;
    if (sentAt < measuring.from || sentAt > measuring.to) continue;
    const key = `${peer.room}|${writer}|${seq}`;
    const entry = received.get(key);
    const latency = at - sentAt;
    if (entry) {
      entry[0] = Math.max(entry[0], latency);
      entry[1] += 1;
    } else received.set(key, [latency, 1]);
  }
}

await Promise.all(peers.map((p) => (p.provider.synced ? Promise.resolve() : new Promise((resolve) => p.provider.once("sync", resolve)))));
send({ type: "ready", connected: peers.length });

/** Equal digests mean equal documents: the same structs from every client, the same text. */
function digest(doc: Y.Doc): string {
  const vector = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort(([a], [b]) => a - b);
  return createHash("sha1").update(JSON.stringify(vector)).update(doc.getXmlFragment("body").toString()).digest("hex");
}

function startTyping(peer: Peer, writer: string, startAt: number) {
  const interval = 1000 / config.editsPerSecond;
  const edits = peer.doc.getMap("edits");
  // Write the way the editor does: a paragraph in the "body" XmlFragment, so the server's
  // compaction reads the same document shape it reads in production.
  const body = peer.doc.getXmlFragment("body");
  const paragraph = () => {
    const own = body.toArray().find((node) => node instanceof Y.XmlElement && node.getAttribute("data-writer") === writer) as Y.XmlElement | undefined;
    if (own) return own.get(0) as Y.XmlText;
    const p = new Y.XmlElement("paragraph");
    p.setAttribute("data-writer", writer);
    p.insert(0, [new Y.XmlText()]);
    body.insert(body.length, [p]);
    return p.get(0) as Y.XmlText;
  };
  let text: Y.XmlText | null = null;
  // A random phase per writer, so edits spread over the interval like real typing.
  const begin = startAt + Math.random() * interval;
  const tick = () => {
    const at = now();
    if (at > measuring.to) return;
    peer.seq += 1;
    // The edit's first clock names it on the wire, for light receivers.
    const clock = Y.getState(peer.doc.store, peer.doc.clientID);
    peer.doc.transact(() => {
      text ??= paragraph();
      text.insert(text.length, "x");
      edits.set(writer, [peer.seq, at]);
    });
    if (at >= measuring.from) {
      if (light) sentClocks.push([clockKey(peer.doc.clientID, clock), at]);
      else sentKeys.push(`${peer.room}|${writer}|${peer.seq}`);
    }
    setTimeout(tick, Math.max(0, begin + peer.seq * interval - now()));
  };
  setTimeout(tick, Math.max(0, begin - now()));
}

process.on("message", (message: { type: "start"; startAt: number; warmupMs: number; durationMs: number } | { type: "stop" }) => {
  if (message.type === "stop") {
    for (const peer of peers) peer.provider.destroy();
    process.exit(0);
  }
  const { startAt, warmupMs, durationMs } = message;
  measuring = { from: startAt + warmupMs, to: startAt + warmupMs + durationMs };
  for (const peer of peers) if (peer.writer) startTyping(peer, peer.writer, startAt);
  // Report once the window closed and late deliveries had time to land.
  setTimeout(() => {
    send({
      type: "result",
      received: [...received.entries()].map(([k, [l, n]]) => [k, l, n]),
      sentKeys,
      arrivals: arrivals.entries(),
      sentClocks,
      merged: arrivals.merged,
      echoes,
      digests: light ? [] : peers.map((p) => [p.room, digest(p.doc)]),
    });
  }, Math.max(0, measuring.to - now()) + 2000);
});
