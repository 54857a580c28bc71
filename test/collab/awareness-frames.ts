import * as encoding from "lib0/encoding";
import { WebSocket } from "ws";

export interface RawEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

/** An awareness update with whatever client ids, clocks and states a test (or a hostile client) chooses. */
export function awarenessUpdate(entries: RawEntry[]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, JSON.stringify(state));
  }
  return encoding.toUint8Array(update);
}

/** The same as a socket frame, as a y-websocket client sends it: [1][varUint8Array update]. */
export function awarenessFrame(entries: RawEntry[]): Uint8Array {
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, awarenessUpdate(entries));
  return encoding.toUint8Array(frame);
}

export interface RawSocket {
  socket: WebSocket;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
}

/**
 * A bare ws connection with a member's cookie: no provider, so it sends only what it is told.
 * Resolves once the server's first frame (its sync step 1) arrived: the room is ready, so what
 * the socket sends next is handled in order with every other socket's frames.
 */
export async function openRawSocket(url: string, origin: string, token: string): Promise<RawSocket> {
  const socket = new WebSocket(url, { headers: { origin, cookie: `caucus_session=${token}` } });
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  socket.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once("message", () => resolve());
    socket.once("unexpected-response", () => reject(new Error("upgrade refused")));
    void closed.then((code) => reject(new Error(`closed with ${code} before the room was ready`)));
  });
  return { socket, closed };
}

/**
 * Sends `count` frames of one client id with rising clocks and a `bytes`-long filler field, as
 * fast as ws takes them. It yields every 100 frames: in a test the server shares this process,
 * and one long synchronous loop here would stall it as surely as any flood.
 */
export async function flood(socket: WebSocket, count: number, bytes: number, clientId = 0x5eed): Promise<void> {
  const filler = "x".repeat(bytes);
  for (let i = 1; i <= count && socket.readyState === WebSocket.OPEN; i++) {
    socket.send(awarenessFrame([{ clientId, clock: i, state: { user: { name: "Flood" }, filler } }]));
    if (i % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}
