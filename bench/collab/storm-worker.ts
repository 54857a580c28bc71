/**
 * The client side of bench/collab/reconnect-storm.ts, in its own process on core 1: at the given
 * moment every one of its y-websocket clients opens its socket at once (no stepping, as after a
 * restart or a network blip), and each notes when its socket was created (the upgrade request)
 * and when its first sync completed. Config as a JSON file path in argv[2]; IPC to the orchestrator.
 */
import { readFileSync } from "node:fs";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export interface StormConfig {
  url: string;
  origin: string;
  clients: Array<{ room: string; token: string }>;
  /** Clients not synced by then count as unsynced. */
  timeoutMs: number;
}

export type StormMessage =
  | { type: "ready" }
  /** Per synced client: [socket created, first sync complete] (ms, epoch); clients that never synced. */
  | { type: "done"; connects: Array<[number, number]>; unsynced: number; closes: number };

process.setMaxListeners(0);
const config = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as StormConfig;
const now = () => performance.timeOrigin + performance.now();
const send = (message: StormMessage) => process.send!(message);

const providers: WebsocketProvider[] = [];
/** Sockets the server closed or refused before their client synced: each one a reconnect. */
let closes = 0;

function storm(startAt: number) {
  const connects: Array<[number, number]> = [];
  let pending = config.clients.length;
  const finish = () => {
    clearTimeout(deadline);
    send({ type: "done", connects, unsynced: pending, closes });
  };
  const deadline = setTimeout(finish, Math.max(0, startAt + config.timeoutMs - now()));
  const headers = { origin: config.origin };
  for (const spec of config.clients) {
    let createdAt = 0;
    const Socket = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { ...headers, cookie: `caucus_session=${spec.token}` } });
        // From the first attempt: a refused upgrade's reconnects count against this client.
        createdAt ||= now();
      }
    };
    const provider = new WebsocketProvider(config.url, spec.room, new Y.Doc(), {
      WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      maxBackoffTime: 1000,
    });
    let synced = false;
    provider.on("connection-close", () => {
      if (!synced) closes += 1;
    });
    provider.on("sync", (isSynced: boolean) => {
      if (!isSynced || synced) return;
      synced = true;
      connects.push([createdAt, now()]);
      pending -= 1;
      if (pending === 0) finish();
    });
    providers.push(provider);
  }
}

process.on("message", (message: { type: "start"; startAt: number } | { type: "stop" }) => {
  if (message.type === "stop") {
    for (const provider of providers) provider.destroy();
    process.exit(0);
  }
  setTimeout(() => storm(message.startAt), Math.max(0, message.startAt - now()));
});
send({ type: "ready" });
