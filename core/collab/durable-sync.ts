import * as bc from "lib0/broadcastchannel";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import {
  chunkUpdate,
  encodePing,
  encodeSaveRequest,
  MESSAGE_EDITS_REFUSED,
  MESSAGE_PONG,
  MESSAGE_SAVE_RESULT,
  readEditsRefused,
  readSaveResult,
  type RefusalReason,
} from "./session-messages";

const MESSAGE_SYNC = 0;

/** Where the link to the server stands, as the person should be told it. */
export type LinkState = "connecting" | "online" | "offline";

export interface DurableSyncState {
  link: LinkState;
  /** This device's changes that the server has not confirmed stored: kept here until it does. */
  unsaved: number;
  /** The server refused this device's changes: why, and its own document to compare with. */
  refused: { reason: RefusalReason; serverState: Uint8Array } | null;
}

export interface DurableSyncOptions {
  /** Changes an earlier page left unconfirmed (kept in IndexedDB): counted until stored. */
  carriedOver?: number;
  /** Updates that are not this person's edits besides the provider's (the IndexedDB loader). */
  isLoadOrigin?: (origin: unknown) => boolean;
  /** Ping when nothing arrived for this long (and at least every twice this). */
  pingEveryMs?: number;
  /** Offline when nothing arrived for this long: the socket is dropped and retried. */
  offlineAfterMs?: number;
  /** A connection attempt that neither opens nor fails (or opens and never syncs) in this long is abandoned and retried. */
  connectTimeoutMs?: number;
  /** An update larger than this goes in UPDATE_CHUNK pieces (the server's frame limit is 2 MiB). */
  chunkAboveBytes?: number;
}

/** How long after a change its save request follows: one per burst of typing, not per key. */
const SAVE_REQUEST_DELAY_MS = 100;
const TICK_MS = 250;

/**
 * The browser's side of "saved means stored" (issue 16), on top of a y-websocket provider:
 * - counts this person's changes and asks the server (SAVE_REQUEST, after a burst of them and
 *   after every sync) to confirm they are stored; `unsaved` falls only on SAVE_RESULT "stored";
 * - pings, and calls the link offline when nothing arrived for `offlineAfterMs` (or the browser
 *   says so): the socket is dropped, which also drops everyone else's presence, and retried;
 * - sends updates larger than a frame in pieces, so offline work of any size can be merged;
 * - reports a refusal (EDITS_REFUSED) with the server's document, for the page to act on.
 * Nothing here trusts the socket being open: only the server's answers move the state.
 */
export class DurableSync {
  private localSeq: number;
  private savedSeq = 0;
  private nextMark = 0;
  /** Save requests in flight on the current socket: mark → local changes it covers. */
  private readonly marks = new Map<number, number>();
  private markTimer: ReturnType<typeof setTimeout> | null = null;
  private lastPingAt = 0;
  private connectingSince = 0;
  private connectedAt = 0;
  private nextUpdateId = 0;
  private browserOffline = false;
  private everFailed = false;
  private refused: DurableSyncState["refused"] = null;
  private readonly listeners = new Set<(state: DurableSyncState) => void>();
  private readonly ticker: ReturnType<typeof setInterval>;
  private readonly settings: Required<Omit<DurableSyncOptions, "carriedOver" | "isLoadOrigin">>;
  private last: DurableSyncState;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly options: DurableSyncOptions = {},
  ) {
    this.settings = {
      pingEveryMs: options.pingEveryMs ?? 1000,
      offlineAfterMs: options.offlineAfterMs ?? 2500,
      connectTimeoutMs: options.connectTimeoutMs ?? 5000,
      chunkAboveBytes: options.chunkAboveBytes ?? 1024 * 1024,
    };
    this.localSeq = options.carriedOver ?? 0;
    this.last = this.read();
    this.takeOverSending();
    provider.messageHandlers[MESSAGE_SAVE_RESULT] = (_e, decoder) => this.onSaveResult(readSaveResult(decoder));
    provider.messageHandlers[MESSAGE_PONG] = () => {};
    provider.messageHandlers[MESSAGE_EDITS_REFUSED] = (_e, decoder) => this.onRefused(readEditsRefused(decoder));
    provider.on("status", this.onStatus);
    provider.on("sync", this.onSync);
    provider.on("connection-error", this.onFailure);
    provider.on("connection-close", this.onFailure);
    this.ticker = setInterval(() => this.tick(Date.now()), TICK_MS);
  }

  get state(): DurableSyncState {
    return this.last;
  }

  /** Calls `listener` on every change of state; returns the function that stops it. */
  subscribe(listener: (state: DurableSyncState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The browser lost its network (the `offline` event): say so now, drop the socket. */
  networkLost(): void {
    this.browserOffline = true;
    this.everFailed = true;
    this.dropSocket();
  }

  /** The browser is back online: reconnect now rather than wait out the backoff. */
  networkBack(): void {
    this.browserOffline = false;
    if (!this.provider.wsconnected) this.dropSocket();
    this.emit();
  }

  destroy(): void {
    clearInterval(this.ticker);
    if (this.markTimer) clearTimeout(this.markTimer);
    this.provider.off("status", this.onStatus);
    this.provider.off("sync", this.onSync);
    this.provider.off("connection-error", this.onFailure);
    this.provider.off("connection-close", this.onFailure);
    this.listeners.clear();
  }

  private read(): DurableSyncState {
    const { wsconnected, synced } = this.provider;
    // After a loss, "offline" until the server has synced again: a socket that opens is not yet a server that answers.
    const link: LinkState = this.browserOffline ? "offline" : wsconnected && synced ? "online" : this.everFailed ? "offline" : "connecting";
    return { link, unsaved: this.localSeq - this.savedSeq, refused: this.refused };
  }

  private emit(): void {
    const next = this.read();
    const same = next.link === this.last.link && next.unsaved === this.last.unsaved && next.refused === this.last.refused;
    this.last = next;
    if (!same) for (const listener of [...this.listeners]) listener(next);
  }

  /**
   * Replaces the provider's update sender and its answer to the server's sync step 1 with ones
   * that send in pieces what one frame cannot hold; small updates go exactly as before. Our
   * sender is registered as the provider's, so provider.destroy() removes it.
   */
  private takeOverSending(): void {
    const { provider } = this;
    const original = provider._updateHandler;
    const sender = (update: Uint8Array, origin: unknown) => {
      if (origin !== provider && update.byteLength > this.settings.chunkAboveBytes) this.sendLarge(update);
      else original(update, origin);
      this.track(origin);
    };
    provider.doc.off("update", original);
    provider.doc.on("update", sender);
    provider._updateHandler = sender;
    const syncHandler = provider.messageHandlers[MESSAGE_SYNC]!;
    provider.messageHandlers[MESSAGE_SYNC] = (encoder, decoder, p, emitSynced, type) => {
      if (decoding.peekVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) return syncHandler(encoder, decoder, p, emitSynced, type);
      decoding.readVarUint(decoder);
      const missing = Y.encodeStateAsUpdate(provider.doc, decoding.readVarUint8Array(decoder));
      if (missing.byteLength > this.settings.chunkAboveBytes) return this.sendChunks(missing);
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(encoder, missing);
    };
  }

  private sendLarge(update: Uint8Array): void {
    this.sendChunks(update);
    // Other tabs of this browser have no frame limit: they get it whole, as y-websocket would.
    if (this.provider.bcconnected) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE_SYNC);
      syncProtocol.writeUpdate(encoder, update);
      bc.publish(this.provider.bcChannel, encoding.toUint8Array(encoder), this.provider);
    }
  }

  private sendChunks(update: Uint8Array): void {
    const id = ++this.nextUpdateId;
    for (const frame of chunkUpdate(id, update)) this.send(frame);
  }

  private send(frame: Uint8Array): boolean {
    const ws = this.provider.ws;
    if (!this.provider.wsconnected || !ws || ws.readyState !== ws.OPEN) return false;
    ws.send(frame);
    return true;
  }

  /** Counts this person's change; its save request follows the burst it belongs to. */
  private track(origin: unknown): void {
    if (origin === this.provider || this.options.isLoadOrigin?.(origin)) return;
    this.localSeq += 1;
    this.markTimer ??= setTimeout(() => {
      this.markTimer = null;
      this.requestSave();
    }, SAVE_REQUEST_DELAY_MS);
    this.emit();
  }

  /** Asks the server to confirm every change sent so far; offline, the next sync asks instead. */
  private requestSave(): void {
    const mark = ++this.nextMark;
    if (this.send(encodeSaveRequest(mark))) this.marks.set(mark, this.localSeq);
  }

  private onSaveResult({ mark, outcome }: { mark: number; outcome: "stored" | "refused" }): void {
    const covered = this.marks.get(mark);
    for (const m of [...this.marks.keys()]) if (m <= mark) this.marks.delete(m);
    // "refused" is followed by EDITS_REFUSED, or by a reload of the server's copy: nothing to count.
    if (outcome !== "stored" || covered === undefined) return;
    this.savedSeq = Math.max(this.savedSeq, covered);
    this.emit();
  }

  private onRefused(refusal: DurableSyncState["refused"]): void {
    if (!refusal) return;
    this.refused = refusal;
    this.emit();
  }

  private readonly onStatus = ({ status }: { status: string }) => {
    // A ping at once tells the server this client checks the line, so its silence counts.
    if (status === "connected" && this.send(encodePing())) this.lastPingAt = Date.now();
    if (status === "connecting") this.connectingSince = Date.now();
    if (status === "connected") this.connectedAt = Date.now();
    if (status === "disconnected") {
      this.everFailed = true;
      // Answers to these will never come: the next sync asks again for everything unsaved.
      this.marks.clear();
    }
    this.emit();
  };

  private readonly onSync = (synced: boolean) => {
    // The answer to the server's step 1 (everything it lacked) went before its step 2 arrived.
    if (synced) this.requestSave();
    this.emit();
  };

  private readonly onFailure = () => {
    this.everFailed = true;
    this.emit();
  };

  private tick(now: number): void {
    // An attempt into a network that drops packets hangs until TCP gives up, minutes later.
    if (this.provider.wsconnecting && now - this.connectingSince > this.settings.connectTimeoutMs) return this.dropSocket();
    if (!this.provider.wsconnected) return;
    // Open but never synced (its first frames were lost): only a new socket syncs again.
    if (!this.provider.synced && now - this.connectedAt > this.settings.connectTimeoutMs) return this.dropSocket();
    const silentFor = now - this.provider.wsLastMessageReceived;
    if (silentFor > this.settings.offlineAfterMs) {
      // No answer to our pings: the network is gone even if the socket does not know it yet.
      this.everFailed = true;
      this.dropSocket();
      return;
    }
    const sincePing = now - this.lastPingAt;
    if ((silentFor >= this.settings.pingEveryMs && sincePing >= this.settings.pingEveryMs) || sincePing >= 2 * this.settings.pingEveryMs) {
      if (this.send(encodePing())) this.lastPingAt = now;
    }
  }

  /** Closes the socket at once (y-websocket's own close path) and lets the provider retry. */
  private dropSocket(): void {
    if (this.provider.shouldConnect) {
      this.provider.disconnect();
      this.provider.connect();
    }
    this.emit();
  }
}
