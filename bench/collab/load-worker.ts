/**
 * One load-generator process: real y-websocket clients (ws), each a browser-like peer. Writers
 * type one character per edit at a fixed rate; every peer records when each other writer's edit
 * arrived. Talks to the orchestrator over IPC. Config comes as a JSON file path in argv[2].
 */
import { readFileSync } from "node:fs";
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface WorkerConfig {
  url: string;
  origin: string;
  clients: Array<{ room: string; token: string; writer: string | null }>;
  editsPerSecond: number;
}

export type WorkerMessage =
  | { type: "ready"; connected: number }
  | { type: "result"; received: Array<[string, number, number]>; sent: number; sentKeys: string[]; echoes: number };

// Every y-websocket provider adds a process "exit" listener; hundreds here are expected.
process.setMaxListeners(0);
const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as WorkerConfig;
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
let measuring = { from: Infinity, to: Infinity };
const sentKeys: string[] = [];
/** Own edits that came back from the server: a server should never echo an update to its author. */
let echoes = 0;

/**
 * The client id of an update's first struct group: for a server relaying one transaction, its
 * author. Reads three varUints instead of decoding the whole update (Y.parseUpdateMeta), which
 * cost the saturated load-generator core about as much as applying the update.
 */
function firstAuthor(update: Uint8Array): number | null {
  const decoder = decoding.createDecoder(update);
  if (decoding.readVarUint(decoder) === 0) return null; // only deletions
  decoding.readVarUint(decoder); // number of structs
  return decoding.readVarUint(decoder);
}

/**
 * A ws class with the browser's headers that also inspects incoming sync updates: one carrying
 * this client's own changes is an echo. (Yjs ignores a duplicate silently, so no observer sees it.)
 */
function socketFor(token: string, ownClientId: () => number) {
  const headers = { origin: config.origin, cookie: `caucus_session=${token}` };
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      this.on("message", (data: Buffer | ArrayBuffer) => {
        // y-websocket sets binaryType "arraybuffer", so ws hands over ArrayBuffers.
        const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
        // [0 = sync][2 = update][varUint8Array update]: both tags are single-byte varUints.
        if (bytes[0] !== 0 || bytes[1] !== 2) return;
        if (firstAuthor(decoding.readVarUint8Array(decoding.createDecoder(bytes.subarray(2)))) === ownClientId()) echoes += 1;
      });
    }
  };
}

for (const [index, spec] of config.clients.entries()) {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(config.url, spec.room, doc, {
    WebSocketPolyfill: socketFor(spec.token, () => doc.clientID) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  const peer: Peer = { doc, provider, writer: spec.writer, room: spec.room, seq: 0 };
  doc.getMap("edits").observe((event) => {
    const at = now();
    for (const writer of event.keysChanged) {
      if (writer === peer.writer) continue;
      const value = doc.getMap("edits").get(writer) as [number, number] | undefined;
      if (!value) continue;
      const [seq, sentAt] = value;
      if (sentAt < measuring.from || sentAt > measuring.to) continue;
      const key = `${spec.room}|${writer}|${seq}`;
      const entry = received.get(key);
      const latency = at - sentAt;
      if (entry) {
        entry[0] = Math.max(entry[0], latency);
        entry[1] += 1;
      } else received.set(key, [latency, 1]);
    }
  });
  peers.push(peer);
  // Open sockets in small steps: thousands of simultaneous upgrades measure the kernel, not us.
  if (index % 100 === 99) await new Promise((resolve) => setTimeout(resolve, 50));
}

await Promise.all(peers.map((p) => (p.provider.synced ? Promise.resolve() : new Promise((resolve) => p.provider.once("sync", resolve)))));
send({ type: "ready", connected: peers.length });

process.on("message", (message: { type: "start"; startAt: number; warmupMs: number; durationMs: number } | { type: "stop" }) => {
  if (message.type === "stop") {
    for (const peer of peers) peer.provider.destroy();
    process.exit(0);
  }
  const { startAt, warmupMs, durationMs } = message;
  measuring = { from: startAt + warmupMs, to: startAt + warmupMs + durationMs };
  const interval = 1000 / config.editsPerSecond;
  for (const peer of peers) {
    if (!peer.writer) continue;
    const writer = peer.writer;
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
      peer.doc.transact(() => {
        text ??= paragraph();
        text.insert(text.length, "x");
        edits.set(writer, [peer.seq, at]);
      });
      if (at >= measuring.from) sentKeys.push(`${peer.room}|${writer}|${peer.seq}`);
      setTimeout(tick, Math.max(0, begin + peer.seq * interval - now()));
    };
    setTimeout(tick, Math.max(0, begin - now()));
  }
  // Report once the window closed and late deliveries had time to land.
  setTimeout(() => {
    send({ type: "result", received: [...received.entries()].map(([k, [l, n]]) => [k, l, n]), sent: sentKeys.length, sentKeys, echoes });
  }, Math.max(0, measuring.to - now()) + 2000);
});
