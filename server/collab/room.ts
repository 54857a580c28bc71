import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import type { Connection } from "./connection";
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from "./protocol";
import type { RefusalReason } from "../../core/collab/session-messages";
import type { ChangeOrigin } from "./types";

/** Origin used when storage fills the document, so persistence does not write it back. */
export const STORAGE_ORIGIN: ChangeOrigin = { kind: "storage" };
export const SERVER_ORIGIN: ChangeOrigin = { kind: "server" };

/**
 * One open draft: its Y.Doc, awareness and the local sockets on it. Every applied change is
 * broadcast to every local socket except its author, then handed to the extensions (which must
 * not block), so persistence never sits between receive and broadcast.
 */
export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Approximate size of the document's history in bytes, for the document-size limit. */
  approxBytes = 0;
  /** Changes applied so far: a frame that leaves it unchanged held nothing new. */
  changeCount = 0;
  /** Full state as a sync-step-2 frame, for new clients with an empty document; reset on change. */
  private fullStateFrame: Uint8Array | null = null;
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
    onChange: (room: Room, update: Uint8Array, origin: ChangeOrigin) => void,
    onAwarenessChange: (room: Room, update: Uint8Array, origin: ChangeOrigin) => void,
  ) {
    // The server holds no local awareness state of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      const from = asOrigin(origin);
      this.approxBytes += update.byteLength;
      this.changeCount += 1;
      this.fullStateFrame = null;
      const frame = encodeUpdate(update);
      for (const connection of this.connections) {
        if (from.kind !== "client" || from.connection !== connection) connection.send(frame);
      }
      onChange(this, update, from);
    });
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

  /**
   * Seeds the full-state cache with bytes that already encode the whole document (a snapshot
   * loaded with no tail), so the first client after a cold load costs no re-encoding.
   */
  primeFullState(update: Uint8Array): void {
    this.fullStateFrame = encodeSyncStep2(update);
  }

  /** The sync-step-2 answer for a client that has nothing yet, encoded once per change. */
  fullState(): Uint8Array {
    this.fullStateFrame ??= encodeSyncStep2(Y.encodeStateAsUpdate(this.doc));
    return this.fullStateFrame;
  }

  /** The whole document as one update, for a socket whose edits were refused (rare: not cached). */
  stateUpdate(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
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
    this.doc.destroy();
  }
}

function asOrigin(origin: unknown): ChangeOrigin {
  if (origin && typeof origin === "object" && "kind" in origin) return origin as ChangeOrigin;
  return STORAGE_ORIGIN;
}
