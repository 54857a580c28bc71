import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { acceptDraftEvents } from "../../app/editor/draft-events";
import { draftDocName } from "../../core/collab/doc-name";
import { DurableSync } from "../../core/collab/durable-sync";
import type { DatabaseHandle } from "../../db/client";
import { createCollabServer, type CollabServer } from "../../server/collab";
import type { CollabLimits } from "../../server/collab/extensions/limits";
import { createLogger } from "../../server/logger";
import { upgradeRouter } from "../../server/upgrade";

// y-websocket adds a process "exit" listener per provider; suites open a dozen clients at once.
process.setMaxListeners(Math.max(process.getMaxListeners(), 64));

export interface CollabHarness {
  collab: CollabServer;
  /** ws://… base URL the providers append `draft.<uuid>` to. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** The real collaboration server on an ephemeral port, over a test database. */
export async function startCollab(
  handle: DatabaseHandle,
  limits?: Partial<CollabLimits>,
  redisUrl?: string,
): Promise<CollabHarness> {
  const collab = createCollabServer({
    db: handle.db,
    log: createLogger("silent"),
    publicOrigin: undefined,
    trustProxy: false,
    limits,
    redisUrl,
    roomGraceMs: 50,
  });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", upgradeRouter(collab));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    collab,
    url: `ws://127.0.0.1:${port}/collab`,
    origin: `http://127.0.0.1:${port}`,
    async close() {
      await collab.shutdown();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A ws class that sends the browser's headers: the session cookie and the page's Origin. */
function browserLikeSocket(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** The browser's save tracking, liveness and chunked sync, on this client. */
  durable: DurableSync;
  closes: Array<{ code: number; reason: string }>;
  text(): string;
  type(text: string): void;
  destroy(): void;
}

/** A real y-websocket client, as the browser runs it, for one user on one draft. */
export function connectClient(
  harness: { url: string; origin: string },
  token: string | undefined,
  draftId: string,
  options: { doc?: Y.Doc; connect?: boolean; carriedOver?: number } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = { origin: harness.origin };
  if (token) headers.cookie = `caucus_session=${token}`;
  const provider = new WebsocketProvider(harness.url, draftDocName(draftId), doc, {
    WebSocketPolyfill: browserLikeSocket(headers) as unknown as typeof globalThis.WebSocket,
    // Without this, providers in one process sync through BroadcastChannel, bypassing the server.
    disableBc: true,
    maxBackoffTime: 300,
    connect: false,
  });
  // As the browser's collab session does: draft events are understood from the first message,
  // and DurableSync takes the socket before it opens.
  acceptDraftEvents(provider);
  const durable = new DurableSync(provider, { carriedOver: options.carriedOver });
  if (options.connect !== false) provider.connect();
  const closes: TestClient["closes"] = [];
  provider.on("closed", (event) => closes.push(event));
  const paragraph = () => {
    const body = doc.getXmlFragment("body");
    if (body.length === 0) {
      const p = new Y.XmlElement("paragraph");
      p.insert(0, [new Y.XmlText()]);
      body.insert(0, [p]);
    }
    return (body.get(0) as Y.XmlElement).get(0) as Y.XmlText;
  };
  return {
    doc,
    provider,
    durable,
    closes,
    text: () => doc.getXmlFragment("body").toArray().map((p) => (p as Y.XmlElement).toArray().map(String).join("")).join("\n"),
    type(text) {
      doc.transact(() => {
        const target = paragraph();
        target.insert(target.length, text);
      });
    },
    destroy() {
      durable.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves once `check` passes, polling; fails with the last value after `ms`. */
export async function eventually<T>(read: () => T, check: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = read();
  while (!check(value)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    value = read();
  }
  return value;
}

export function synced(client: TestClient): Promise<void> {
  return client.provider.synced ? Promise.resolve() : new Promise((resolve) => client.provider.once("sync", () => resolve()));
}

/** A raw upgrade attempt: the HTTP status of a refusal, or the close code of an accepted socket. */
export function attemptConnection(url: string, headers: Record<string, string>): Promise<{ status?: number; code?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers });
    socket.on("unexpected-response", (_req, res) => {
      resolve({ status: res.statusCode });
      socket.terminate();
    });
    socket.on("close", (code) => resolve({ code }));
    socket.on("error", () => {});
  });
}

/**
 * One collaboration server for a test suite: started before its tests, closed after them with
 * every client the suite connected. `harness` is read at call time, so `restart()` (close, then
 * start again on the same database, as after a crash or a deploy) is seen by later calls.
 */
export function collabSuite(handle: () => DatabaseHandle, limits?: Partial<CollabLimits>) {
  let harness: CollabHarness;
  const clients: TestClient[] = [];
  beforeAll(async () => {
    harness = await startCollab(handle(), limits);
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await harness.close();
  });
  return {
    get harness(): CollabHarness {
      return harness;
    },
    connect(token: string | undefined, draftId: string): TestClient {
      const client = connectClient(harness, token, draftId);
      clients.push(client);
      return client;
    },
    async restart(): Promise<void> {
      await harness.close();
      harness = await startCollab(handle(), limits);
    },
  };
}
