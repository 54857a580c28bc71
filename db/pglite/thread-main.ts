import { setFlagsFromString } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { openPGlite } from "./open";

/** What the main thread sends: wire-protocol bytes to run, or the request to close. */
export type ThreadRequest = { id: number; bytes: Uint8Array } | { id: number; close: true };
/** What the thread answers: `ready` once (id 0) or an open failure, then one reply per request. */
export type ThreadReply =
  | { id: number; ok: true; bytes?: Uint8Array }
  | { id: number; ok: false; error: { message: string; stack?: string } };

export interface ThreadData {
  dataDir: string;
  /** A dump to start from (PGlite's loadDataDir), as tests clone a migrated template. */
  loadDataDir?: Uint8Array<ArrayBuffer>;
  /**
   * Compile PostgreSQL's WebAssembly optimised in the background at start, rather than tiering up
   * each function once it is hot. A server pays ~2 s of compiler CPU once at boot; without it, the
   * first thousands of statements after a restart (a reconnect storm: every client at once) run
   * in the baseline tier while V8's compiler threads compete for the same cores (issue 23).
   * Short-lived processes (tests, commands) do not want that bill.
   */
  optimiseAtStart?: boolean;
}

const port = parentPort!;
const { dataDir, loadDataDir, optimiseAtStart } = workerData as ThreadData;
// Read when the module is compiled (openPGlite below), and PGlite is the process's only WebAssembly.
if (optimiseAtStart) setFlagsFromString("--no-wasm-dynamic-tiering");

function failure(id: number, error: unknown): ThreadReply {
  const { message, stack } = error instanceof Error ? error : new Error(String(error));
  return { id, ok: false, error: { message, stack } };
}

/**
 * The PGlite host. Requests run one after another, in arrival order: PGlite is one connection and
 * execProtocolRaw takes no lock of its own (node-postgres's connection already sends one message
 * at a time; the chain keeps that true even if it did not). Each reply's bytes are a fresh copy
 * PGlite made of its output buffer, so they are transferred, not copied again.
 */
try {
  const pglite = await openPGlite(dataDir, loadDataDir && new Blob([loadDataDir]));
  let chain: Promise<unknown> = Promise.resolve();
  port.on("message", (request: ThreadRequest) => {
    chain = chain.then(async () => {
      if ("close" in request) {
        try {
          await pglite.close();
          port.postMessage({ id: request.id, ok: true } satisfies ThreadReply);
        } catch (error) {
          port.postMessage(failure(request.id, error));
        }
        // Nothing else to wait for: the thread exits once the port is closed.
        port.close();
        return;
      }
      try {
        const bytes = await pglite.execProtocolRaw(request.bytes);
        // Transfer only a buffer the bytes own whole: a view into PGlite's own would detach it.
        const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        port.postMessage({ id: request.id, ok: true, bytes } satisfies ThreadReply, owned ? [bytes.buffer as ArrayBuffer] : []);
      } catch (error) {
        port.postMessage(failure(request.id, error));
      }
    });
  });
  port.postMessage({ id: 0, ok: true } satisfies ThreadReply);
} catch (error) {
  port.postMessage(failure(0, error));
  port.close();
}
