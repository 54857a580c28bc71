/**
 * How a load-generator client receives (bench/collab/load-worker.ts):
 * - "full": a real y-websocket client that integrates every update into its Y.Doc, as a browser does;
 * - "light": after its first sync, update messages go to the bench instead of the provider, which
 *   reads only the update's author (client id) and first clock to time its arrival and integrates
 *   nothing. Full clients saturate the one load-generator core of a 2-core machine well before the
 *   server (issue 23, "Measuring fairly on two cores"); light ones let it drive 30,000+ deliveries/s.
 */
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";

export type ReceiverMode = "full" | "light";

/**
 * An edit's identity on the wire: its author's client id and the clock of its first struct, in one
 * number (client ids are 32-bit, clocks stay far below 2^20 in a run: the product is exact).
 */
export function clockKey(client: number, clock: number): number {
  return client * 2 ** 20 + clock;
}

/**
 * The first struct group of the update in a sync-update message ([0 = sync][2 = update]
 * [varUint8Array update]; both tags are single-byte varUints): how many groups it has, their first
 * author and clock; null for any other message or an update with deletions only. Reads a few
 * varUints with one decoder instead of decoding the whole update (Y.parseUpdateMeta), which costs
 * the load-generator core about as much as applying it. For a server that relays each transaction
 * as its author sent it (both servers here), one group whose first clock names the edit.
 */
export function firstStruct(message: Uint8Array): { groups: number; client: number; clock: number } | null {
  if (message[0] !== 0 || message[1] !== 2) return null;
  const decoder = decoding.createDecoder(message);
  decoder.pos = 2;
  decoding.readVarUint(decoder); // the update's length
  const groups = decoding.readVarUint(decoder);
  if (groups === 0) return null;
  decoding.readVarUint(decoder); // number of structs in the group
  const client = decoding.readVarUint(decoder);
  return { groups, client, clock: decoding.readVarUint(decoder) };
}

/** Light receivers' arrivals in one worker: clock key → [latest arrival, how many peers got it]. */
export class Arrivals {
  readonly byKey = new Map<number, [number, number]>();
  /** Updates with several authors' structs (a server that merges): only the first is timed. */
  merged = 0;

  record(key: number, at: number): void {
    const entry = this.byKey.get(key);
    if (entry) {
      entry[0] = Math.max(entry[0], at);
      entry[1] += 1;
    } else this.byKey.set(key, [at, 1]);
  }

  entries(): Array<[number, number, number]> {
    return [...this.byKey.entries()].map(([key, [at, count]]) => [key, at, count]);
  }
}

export interface ReceiverHooks {
  /** This client's Y.Doc client id: an update it authored coming back is an echo. */
  ownClientId(): number;
  /** Light mode: true once the first sync completed (from then on updates go to `arrived`). */
  bypass(): boolean;
  /** Keeps the provider's liveness check fed while it sees no update messages. */
  alive(): void;
  echo(): void;
  arrived(first: NonNullable<ReturnType<typeof firstStruct>>): void;
}

const asBytes = (data: Buffer | ArrayBuffer) =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * A ws class with the browser's headers (origin, session cookie) for y-websocket's WebSocketPolyfill.
 * Every incoming sync update is checked for echoes (Yjs ignores a duplicate silently, so no observer
 * would see one). In light mode, once `bypass()` holds, y-websocket's onmessage handler no longer
 * sees update messages: the bench times them and nothing is integrated. Awareness and sync-step
 * messages still reach the provider.
 */
export function socketClass(origin: string, token: string, hooks: ReceiverHooks) {
  const headers = { origin, cookie: `caucus_session=${token}` };
  // ws defines onmessage as an accessor on its prototype; y-websocket assigns it once per socket.
  const base = Object.getOwnPropertyDescriptor(WebSocket.prototype, "onmessage")!;
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
      // An own accessor that wraps y-websocket's handler (ws types onmessage as a plain property,
      // which a subclass accessor may not override).
      Object.defineProperty(this, "onmessage", {
        configurable: true,
        get: () => base.get!.call(this) as unknown,
        set: (handler: ((event: WebSocket.MessageEvent) => void) | null) => base.set!.call(this, handler && wrap(handler)),
      });
    }
  };

  function wrap(handler: (event: WebSocket.MessageEvent) => void) {
    return (event: WebSocket.MessageEvent) => {
      // y-websocket sets binaryType "arraybuffer", so ws hands over ArrayBuffers.
      const bytes = asBytes(event.data as Buffer | ArrayBuffer);
      const isUpdate = bytes[0] === 0 && bytes[1] === 2;
      const first = isUpdate ? firstStruct(bytes) : null;
      if (first && first.client === hooks.ownClientId()) hooks.echo();
      if (isUpdate && hooks.bypass()) {
        hooks.alive();
        if (first) hooks.arrived(first);
        return;
      }
      handler(event);
    };
  }
}
