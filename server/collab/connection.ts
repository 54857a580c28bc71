import type { Duplex } from "node:stream";
import { WebSocket } from "ws";
import type { RefusalReason } from "../../core/collab/session-messages";
import { holdWrites } from "./turn-writes";
import type { ConnectionIdentity } from "./types";

let nextId = 1;

/**
 * One client socket. Frames that arrive before its room is ready are queued, never lost (the
 * client sends sync step 1 straight after opening).
 */
export class Connection {
  readonly id = nextId++;
  /** Awareness client ids this socket announced, removed when it goes. */
  readonly awarenessClients = new Set<number>();
  /** Frames dropped by the edit gate (or not understood), for logs and tests. */
  droppedFrames = 0;
  /** performance.now() marks, to time the first sync without the client's own round trip. */
  upgradeStartedAt = 0;
  acceptedAt = 0;
  roomReadyAt = 0;
  /** Whether its room was already in memory when it connected (a warm first sync). */
  roomWasOpen = false;
  firstSyncDone = false;
  /** Date.now() of the last frame from this socket, for the silence sweep. */
  lastFrameAt = Date.now();
  /**
   * Set once the client pings (our browsers do, every second or two): such a client that falls
   * silent has lost its network, and is dropped long before the protocol heartbeat would notice.
   */
  pings = false;
  /**
   * Set when a change from this socket was already in the document: it may have come from a peer
   * node that has not stored it yet, so the next save request stores what peers sent too.
   */
  sentKnownContent = false;
  /** Why this socket's changes were refused, once it was told (EDITS_REFUSED); null until then. */
  refusedEdits: RefusalReason | null = null;
  private alive = true;

  constructor(
    readonly socket: WebSocket,
    public identity: ConnectionIdentity,
    /** The TCP socket under `socket`: held (turn-writes.ts) so frames sent close together leave in one write. */
    private readonly transport: Duplex,
  ) {
    socket.on("pong", () => {
      this.alive = true;
    });
  }

  /** Whether frames can still be sent (a hook that closes the socket for a frame ends this). */
  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  get readOnly(): boolean {
    return !this.identity.abilities.edit;
  }

  /**
   * Queues a frame: it leaves at the end of this turn of the event loop with the others this
   * socket was sent, or at the end of its window when the socket is busy (turn-writes.ts). A
   * write error needs no callback here: ws closes the socket on it.
   */
  send(frame: Uint8Array): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    holdWrites(this.transport);
    this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      // Close reasons are limited to 123 bytes by the protocol.
      this.socket.close(code, reason.slice(0, 120));
    }
  }

  /** Drops the socket without a closing handshake: its network is gone, nobody would answer. */
  terminate(): void {
    this.socket.terminate();
  }

  /** Called by the heartbeat: a peer that did not answer the last ping is gone. */
  heartbeat(): void {
    if (!this.alive) {
      this.socket.terminate();
      return;
    }
    this.alive = false;
    this.socket.ping();
  }
}
