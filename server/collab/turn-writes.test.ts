import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { Connection } from "./connection";
import { WRITE_WINDOW_MS } from "./turn-writes";
import type { ConnectionIdentity } from "./types";

/**
 * A real ws server and client on loopback. The server side's TCP socket counts the writes it
 * hands the kernel (net.Socket's _writeGeneric serves both write and writev).
 */
async function connectedPair() {
  const http: Server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const accepted = new Promise<{ ws: WebSocket; transport: Socket }>((resolve) =>
    http.on("upgrade", (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => resolve({ ws, transport: socket as Socket }))),
  );
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as { port: number };
  const client = new WebSocket(`ws://127.0.0.1:${port}`);
  const received: string[] = [];
  client.on("message", (data) => received.push(String(data)));
  await new Promise((resolve) => client.once("open", resolve));
  const { ws, transport } = await accepted;
  const counted = transport as Socket & { _writeGeneric: (...args: unknown[]) => unknown };
  const writeGeneric = counted._writeGeneric;
  const writes = { count: 0 };
  counted._writeGeneric = function (this: Socket, ...args: unknown[]) {
    writes.count += 1;
    return writeGeneric.apply(this, args);
  };
  const connection = new Connection(ws, { docName: "draft.test" } as ConnectionIdentity, transport);
  const close = async () => {
    client.terminate();
    wss.close();
    await new Promise((resolve) => http.close(resolve));
  };
  return { connection, received, writes, close };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const frame = (text: string) => new TextEncoder().encode(text);
const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
};

let pair: Awaited<ReturnType<typeof connectedPair>> | null = null;
afterEach(async () => {
  await pair?.close();
  pair = null;
});

describe("frames sent close together leave in one write", () => {
  it("sends the frames of one turn in one write, in order", async () => {
    pair = await connectedPair();
    const before = pair.writes.count;
    for (const text of ["one", "two", "three"]) pair.connection.send(frame(text));
    expect(pair.writes.count).toBe(before);
    await nextTurn();
    expect(pair.writes.count).toBe(before + 1);
    await until(() => pair!.received.length === 3);
    expect(pair.received).toEqual(["one", "two", "three"]);
  });

  it("holds a socket written moments ago until its window ends, then sends what it was given at once", async () => {
    pair = await connectedPair();
    await new Promise((resolve) => setTimeout(resolve, WRITE_WINDOW_MS + 5));
    const before = pair.writes.count;
    pair.connection.send(frame("first"));
    await nextTurn();
    const firstWrittenAt = performance.now();
    expect(pair.writes.count).toBe(before + 1);
    // The next turn, inside the window: held, not written.
    pair.connection.send(frame("second"));
    pair.connection.send(frame("third"));
    await nextTurn();
    const heldFor = performance.now() - firstWrittenAt;
    // Only meaningful while the window lasts (a machine that stalled 2 ms between two turns
    // has let it end): then nothing more was written.
    if (heldFor < WRITE_WINDOW_MS) expect(pair.writes.count).toBe(before + 1);
    await until(() => pair!.received.length === 3);
    expect(pair.writes.count).toBe(before + 2);
    expect(pair.received).toEqual(["first", "second", "third"]);
  });

  it("writes a socket that was quiet for longer than the window at the end of the turn", async () => {
    pair = await connectedPair();
    pair.connection.send(frame("earlier"));
    await new Promise((resolve) => setTimeout(resolve, WRITE_WINDOW_MS * 3));
    const before = pair.writes.count;
    pair.connection.send(frame("later"));
    await nextTurn();
    expect(pair.writes.count).toBe(before + 1);
    await until(() => pair!.received.length === 2);
    expect(pair.received).toEqual(["earlier", "later"]);
  });
});
