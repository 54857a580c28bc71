import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Connection } from "./connection";
import { encodeAwareness, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from "./protocol";
import { EMPTY_UPDATE, inspectUpdate, UpdateLog } from "./update-log";
import type { RefusalReason } from "../../core/collab/session-messages";
import type { ChangeOrigin } from "./types";

/** Origin used when storage fills the document, so persistence does not write it back. */
export const STORAGE_ORIGIN: ChangeOrigin = { kind: "storage" };
export const SERVER_ORIGIN: ChangeOrigin = { kind: "server" };
/** A peer's or the server's update larger than this is cut to what the room lacks before it is kept. */
const TRIM_ABOVE_BYTES = 16 * 1024;

/**
 * One open draft: its state as updates (UpdateLog: no Y.Doc, issue 23), awareness and the local
 * sockets on it. An update that holds something new is sent as it came to every local socket
 * except its author, kept, then handed to the extensions (which must not block), so persistence
 * never sits between receive and broadcast. Nothing is integrated: the server only relays, and
 * merges bytes.
 */
export class Room {
  readonly log = new UpdateLog();
  /** Awareness needs a Y.Doc only for a client id of its own; this one stays empty. */
  private readonly awarenessDoc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.awarenessDoc);
  readonly connections = new Set<Connection>();
  private syncStep1Frame: Uint8Array | null = null;
  /** The whole draft as a sync step 2, for clients that have nothing yet; reset on change. */
  private fullStateFrames: Uint8Array[] | null = null;
  unloadTimer: NodeJS.Timeout | null = null;
  /**
   * Why no socket may change this draft now, or null: "submitting" while its file is made,
   * "submitted" once it went. Set from what is stored (extensions/submission-freeze.ts); the
   * edit gate drops every change while it is set, so nothing is applied after the freeze point.
   */
  frozen: Extract<RefusalReason, "submitting" | "submitted"> | null = null;

  constructor(
    readonly name: string,
    readonly draftId: string,
    readonly workspaceId: string,
    private readonly onChange: (room: Room, update: Uint8Array, origin: ChangeOrigin, freshClients: readonly number[]) => void,
    onAwarenessChange: (room: Room, update: Uint8Array, origin: ChangeOrigin) => void,
  ) {
    // The server holds no local awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on(
      "update",
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        const from = asOrigin(origin);
        const changed = [...added, ...updated, ...removed];
        if (from.kind === "client") {
          for (const id of added) from.connection.awarenessClients.add(id);
          for (const id of removed) from.connection.awarenessClients.delete(id);
        }
        const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
        const frame = encodeAwareness(update);
        for (const connection of this.connections) {
          if (from.kind !== "client" || from.connection !== connection) connection.send(frame);
        }
        onAwarenessChange(this, update, from);
      },
    );
  }

  /** Approximate size of the document's history in bytes, for the document-size limit. */
  get approxBytes(): number {
    return this.log.bytes;
  }

  /** Fills the room from storage before any socket sees it (nothing is broadcast or stored again). */
  load(snapshot: Uint8Array | null, updates: readonly Uint8Array[]): void {
    this.log.load(snapshot, updates);
    this.syncStep1Frame = null;
    this.fullStateFrames = null;
  }

  /**
   * Takes a change in: false when it held nothing the room lacks (then nothing happens). Throws,
   * changing nothing, when it is not a well-formed update. `frame` is the update frame it came in,
   * relayed as it is; updates from elsewhere (a peer, the server) are framed here, and a large one
   * is cut down to what the room lacks first (a peer's answer to a sync request holds the draft).
   */
  receive(update: Uint8Array, origin: ChangeOrigin, frame?: Uint8Array): boolean {
    const trimmed = origin.kind !== "client" && update.byteLength > TRIM_ABOVE_BYTES ? Y.diffUpdate(update, this.log.stateVector()) : update;
    const inspected = inspectUpdate(trimmed);
    const fresh = this.log.freshClients(inspected);
    if (!fresh) return false;
    const out = frame && trimmed === update ? frame : encodeUpdate(trimmed);
    for (const connection of this.connections) {
      if (origin.kind !== "client" || origin.connection !== connection) connection.send(out);
    }
    const kept = this.log.append(inspected, out);
    this.syncStep1Frame = null;
    this.fullStateFrames = null;
    this.onChange(this, kept, origin, fresh);
    return true;
  }

  /** The server's sync step 1 (its state vector), encoded once per change. */
  syncStep1(): Uint8Array {
    this.syncStep1Frame ??= encodeSyncStep1(this.log.stateVector());
    return this.syncStep1Frame;
  }

  /**
   * The answer to a client's sync step 1: a sync step 2 carrying the first thing it lacks (for a
   * new client, the base: the draft as storage held it), then the rest of the stored pieces as
   * update frames, in the same write. The draft itself arrives in the message that marks the
   * client synced: a reviewer's page in Suggesting mode hung on a draft that arrived as an update
   * *before* its sync step 2, while updates after it are what every live edit looks like.
   * Nothing is merged: merging a 50,000-word base with a 200-edit tail took 17 ms of this thread
   * at every first join after a change (issue 23). A new client gets frames encoded once per change.
   */
  syncReply(stateVector: Uint8Array): Uint8Array[] {
    if (Y.decodeStateVector(stateVector).size === 0) {
      if (!this.fullStateFrames) {
        const [first, ...rest] = this.log.pieces();
        this.fullStateFrames = [encodeSyncStep2(first?.update ?? EMPTY_UPDATE), ...rest.map((piece) => piece.frame)];
      }
      return this.fullStateFrames;
    }
    const { frames, last } = this.log.missing(stateVector);
    return [encodeSyncStep2(last), ...frames];
  }

  /** The whole document as one update, for a socket whose edits were refused (rare: merges it all). */
  stateUpdate(): Uint8Array {
    return this.log.merged();
  }

  /** A Y.Doc of the room's state, for tests and diagnostics only: the room itself keeps none. */
  materialise(): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.log.merged());
    return doc;
  }

  /** Removes a socket and the awareness states it announced (its caret disappears for others). */
  remove(connection: Connection): void {
    this.connections.delete(connection);
    if (connection.awarenessClients.size > 0) {
      const origin: ChangeOrigin = { kind: "client", connection };
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], origin);
    }
  }

  /** Set once the room left memory: timers that outlive it check this. */
  destroyed = false;

  destroy(): void {
    this.destroyed = true;
    this.awareness.destroy();
    this.awarenessDoc.destroy();
  }
}

function asOrigin(origin: unknown): ChangeOrigin {
  if (origin && typeof origin === "object" && "kind" in origin) return origin as ChangeOrigin;
  return STORAGE_ORIGIN;
}
