import { Worker } from "node:worker_threads";
import { protocol } from "@electric-sql/pglite";
import type { ThreadData, ThreadReply, ThreadRequest } from "./thread-main";

/**
 * The thread's entry. Compiled (build/node, decision 019): pglite-thread.js, bundled next to this
 * chunk. From source (`npm run dev`, tests): thread.mjs, which registers tsx first, as the job
 * pool's worker does (server/jobs/job-pool.ts).
 */
const THREAD_ENTRY = import.meta.url.endsWith(".ts") ? new URL("./thread.mjs", import.meta.url) : new URL("./pglite-thread.js", import.meta.url);
/** What PGlite's parser yields: the objects node-postgres's connection emits as events. */
type BackendMessage = Parameters<Parameters<InstanceType<typeof protocol.Parser>["parse"]>[1]>[0];
/** A thread that does not finish closing in this time is terminated (its data was synced after every statement). */
const CLOSE_TIMEOUT_MS = 10_000;
/** Frontend message types (the first byte) that end a query cycle: simple Query and Sync. */
const QUERY = 0x51;
const SYNC = 0x53;
/** Frontend messages whose answers PostgreSQL holds until Sync or Flush: Parse, Bind, Describe, Execute, Close. */
const HELD_UNTIL_SYNC = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);
/** ReadyForQuery, idle. */
const READY_FOR_QUERY = Uint8Array.from([0x5a, 0, 0, 0, 5, 0x49]);

/** The messages in one buffer of their own (so it can be transferred whole). */
function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const joined = new Uint8Array(parts.reduce((length, part) => length + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

/** An ErrorResponse: FATAL, connection_failure (08006), with `message`. */
function errorResponse(message: string): Uint8Array {
  const fields = Buffer.from(`SFATAL\0VFATAL\0C08006\0M${message}\0\0`, "utf8");
  const header = Buffer.alloc(5);
  header.writeUInt8(0x45, 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

interface Pending {
  resolve: (bytes: Uint8Array | undefined) => void;
  reject: (error: Error) => void;
}

export interface PGliteThreadOptions {
  /** The thread stopped without being asked (a crash, a fatal PostgreSQL error): queries now fail. */
  onFailure?: (error: Error) => void;
  /** Compile PostgreSQL's WebAssembly fully optimised at start (see ThreadData.optimiseAtStart). */
  optimiseAtStart?: boolean;
}

/**
 * PGlite in a worker thread, seen from the main thread as the part of a PGlite instance that
 * `createPgConfig` (@electric-sql/pglite/node-postgres) uses: `waitReady` and
 * `execProtocolStream(bytes, { throwOnError: false })`. Every statement runs on the thread, so a
 * long query or a compaction's writes never stall the event loop that serves the sockets
 * (issue 23). The raw reply is parsed here with PGlite's own parser, so node-postgres receives the
 * very objects in-process PGlite gives it (DatabaseError with code and detail, notices,
 * notifications, COPY messages).
 */
export class PGliteThread {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped: Error | null = null;
  private closing: Promise<void> | null = null;
  private refusedSinceSync = false;
  /** Parse, Bind, Describe, Execute and Close messages waiting for their Sync. */
  private held: Uint8Array[] = [];

  private constructor(data: ThreadData, options: PGliteThreadOptions) {
    this.worker = new Worker(THREAD_ENTRY, { workerData: data });
    // Held open only while a request is outstanding: an idle database must not keep a process
    // alive (in-process PGlite never did), but a query awaited by a command must finish.
    this.worker.unref();
    let opened: Pending;
    this.waitReady = new Promise<void>((resolve, reject) => {
      opened = { resolve: () => resolve(), reject };
    });
    this.track(0, opened!);
    this.worker.on("message", (reply: ThreadReply) => this.settle(reply));
    this.worker.on("error", (error) => this.stop(new Error(`The database thread failed: ${error.message}`, { cause: error }), options));
    this.worker.on("exit", (code) => this.stop(new Error(`The database thread stopped (exit code ${code}); the database is closed.`), options));
  }

  /**
   * Starts the thread and opens `dataDir` there (pg_trgm loaded, as openPGlite does in-process),
   * from the dump `loadDataDir` if given.
   */
  static async open(dataDir: string, options: PGliteThreadOptions & { loadDataDir?: Uint8Array<ArrayBuffer> } = {}): Promise<PGliteThread> {
    const thread = new PGliteThread({ dataDir, loadDataDir: options.loadDataDir, optimiseAtStart: options.optimiseAtStart }, options);
    try {
      await thread.waitReady;
    } catch (error) {
      // The caller hears of it from this rejection, not from onFailure as well.
      thread.closing = Promise.resolve();
      await thread.worker.terminate();
      throw error;
    }
    return thread;
  }

  /**
   * Runs wire-protocol bytes and returns the backend's messages, errors included (node-postgres
   * asks with throwOnError false and turns an ErrorResponse into the query's rejection).
   *
   * One round trip per query, not per message: node-postgres sends an extended query as five
   * calls (parse, bind, describe, execute, sync) and waits for none of their answers before the
   * next, so the first four are held here, answered with nothing, and sent with the Sync, whose
   * answer carries all of theirs. PostgreSQL itself holds its output until Sync or Flush, so a
   * client cannot tell. Anything else (Sync, Flush, a simple Query, the end of a COPY) goes at once.
   */
  async execProtocolStream(bytes: Uint8Array, options: { throwOnError?: boolean } = {}): Promise<BackendMessage[]> {
    if (HELD_UNTIL_SYNC.has(bytes[0]!)) {
      this.held.push(bytes);
      return [];
    }
    const batch = this.held.length ? concat([...this.held, bytes]) : null;
    this.held = [];
    const reply = await this.request((id) => ({ id, bytes: batch ?? bytes }), batch ? [batch.buffer] : []).catch((error: Error) => {
      if (error !== this.stopped) throw error;
      return this.refusal(bytes[0]!, error);
    });
    const messages: BackendMessage[] = [];
    if (reply?.byteLength) new protocol.Parser().parse(reply, (message) => void messages.push(message));
    if (options.throwOnError !== false) {
      const error = messages.find((message) => message.name === "error");
      if (error) throw error;
    }
    return messages;
  }

  /**
   * What a stopped thread answers, as a backend would: one ErrorResponse per query (the first
   * message after the previous Sync or simple Query), and ReadyForQuery to each Sync or Query.
   * So node-postgres fails each query with the reason and stays usable, where a rejected call
   * would make its connection emit "error" on a client nobody listens to (an uncaught exception).
   */
  private refusal(messageType: number, reason: Error): Uint8Array {
    const parts: Uint8Array[] = [];
    if (!this.refusedSinceSync) parts.push(errorResponse(reason.message));
    this.refusedSinceSync = true;
    if (messageType === QUERY || messageType === SYNC) {
      parts.push(READY_FOR_QUERY);
      this.refusedSinceSync = false;
    }
    return Buffer.concat(parts);
  }

  /** Closes PGlite on its thread and ends the thread; idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.stopped) return;
      const exited = new Promise<void>((resolve) => this.worker.once("exit", () => resolve()));
      const timeout = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
      try {
        // The thread may exit before its answer arrives: closed either way.
        await this.request((id) => ({ id, close: true })).catch((error: Error) => {
          if (!this.stopped) throw error;
        });
      } finally {
        await exited;
        clearTimeout(timeout);
      }
    })();
    return this.closing;
  }

  /** Ends the thread at once, as a crash would (PGlite is not closed; it synced after every statement). */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }

  /**
   * Sends a request; `transfer` only for buffers made here. node-postgres's own bytes are copied:
   * its serializer hands out shared constants for Sync and Flush.
   */
  private request(make: (id: number) => ThreadRequest, transfer: ArrayBuffer[] = []): Promise<Uint8Array | undefined> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    const reply = new Promise<Uint8Array | undefined>((resolve, reject) => this.track(id, { resolve, reject }));
    this.worker.postMessage(make(id), transfer);
    return reply;
  }

  private track(id: number, pending: Pending): void {
    if (this.pending.size === 0) this.worker.ref();
    this.pending.set(id, pending);
  }

  private settle(reply: ThreadReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    if (reply.ok) pending.resolve(reply.bytes);
    else pending.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
  }

  /** The thread is gone: every waiting request fails now (none hangs), later ones at once. */
  private stop(error: Error, options: PGliteThreadOptions): void {
    if (this.stopped) return;
    this.stopped = error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    if (!this.closing) options.onFailure?.(error);
  }
}
