/**
 * The flooding side of bench/collab/awareness-flood.ts, in its own process on core 1: one raw
 * socket that sends awareness frames as fast as ws takes them, and one real y-websocket client
 * in the same draft that receives (and, as y-websocket does, echoes) whatever the server relays.
 * Config as JSON in argv[2]; talks to the orchestrator over IPC.
 */
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { flood, openRawSocket } from "../../test/collab/awareness-frames";

export interface FloodConfig {
  url: string;
  origin: string;
  room: string;
  floodToken: string;
  listenerToken: string;
  /** Real clients in the flooded draft: each gets every relayed frame (and echoes it back). */
  listeners: number;
  frames: number;
  bytes: number;
}

export type FloodMessage = { type: "ready" } | { type: "done"; sendMs: number; closeCode: number | null; relayed: number };

const config = JSON.parse(process.argv[2]!) as FloodConfig;
const send = (message: FloodMessage) => process.send!(message);

const headers = { origin: config.origin, cookie: `caucus_session=${config.listenerToken}` };
const listenerSocket = class extends WebSocket {
  constructor(url: string, protocols?: string | string[]) {
    super(url, protocols, { headers });
  }
};
const listeners = Array.from({ length: config.listeners }, () => {
  const provider = new WebsocketProvider(config.url, config.room, new Y.Doc(), {
    WebSocketPolyfill: listenerSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { provider, synced: new Promise<void>((resolve) => provider.once("sync", () => resolve())) };
});
// Presence updates the first listener received from the flooding client (its 'update' event:
// 'change' fires only when a state differs, and the flood repeats one state with rising clocks).
let relayed = 0;
listeners[0]?.provider.awareness.on("update", () => (relayed += 1));
await Promise.all(listeners.map((l) => l.synced));
const raw = await openRawSocket(`${config.url}/${config.room}`, config.origin, config.floodToken);
let closeCode: number | null = null;
void raw.closed.then((code) => (closeCode = code));
send({ type: "ready" });

const floodAndReport = async () => {
  const started = performance.now();
  await flood(raw.socket, config.frames, config.bytes);
  // Sent means handed to the kernel: wait for ws's buffer to drain, or for the server to close us.
  while (raw.socket.readyState === WebSocket.OPEN && raw.socket.bufferedAmount > 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const sendMs = performance.now() - started;
  // Let the server work through what it received before the window closes.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  send({ type: "done", sendMs, closeCode, relayed });
  raw.socket.terminate();
  for (const { provider } of listeners) provider.destroy();
  process.exit(0);
};
// A failed flood ends the worker with its error, so the bench reports it instead of waiting for "done".
process.once("message", () => void floodAndReport().catch((error: unknown) => { console.error(error); process.exit(1); }));
