import { CloseCode } from "../../core/collab/close-codes";
import { MESSAGE_DRAFT_EVENT } from "../../core/collab/draft-events";
import type { Logger } from "../logger";
import { noCollabMetrics, type CollabMetrics, type DropReason } from "../metrics/recorder";
import type { Connection } from "./connection";
import { applyFrame } from "./frames";
import { classifyMessage, encodeUpdate } from "./protocol";
import type { Room } from "./room";
import type { ClassifiedMessage, CollabExtension } from "./types";
import { UpdateChunkAssembler, type ChunkLimits } from "./update-chunks";

const changes = (message: ClassifiedMessage) => message.type === "sync-update" || message.type === "sync-step-2";

/** The extensions that drop frames, by name, as the metrics' reason label (a fixed set). */
const DROPPED_BY: Record<string, DropReason> = { "edit gate": "edit-gate", "presence guard": "presence-guard", limits: "limits" };

/**
 * What happens to one frame from a socket whose room is ready: classified, put together with
 * its siblings when it is a piece of a large update, passed through the extensions in pipeline
 * order (any may drop it), then applied. Frames the server does not understand are dropped.
 */
export class FrameIntake {
  private readonly chunks: UpdateChunkAssembler;
  /** Sockets already logged for forging a draft event: once each, so a loop cannot flood the log. */
  private readonly forgers = new WeakSet<Connection>();

  constructor(
    private readonly extensions: readonly CollabExtension[],
    private readonly limits: ChunkLimits,
    private readonly log: Logger,
    private readonly metrics: CollabMetrics = noCollabMetrics,
  ) {
    this.chunks = new UpdateChunkAssembler(limits);
  }

  receive(room: Room, connection: Connection, bytes: Uint8Array): void {
    if (room.destroyed) return;
    let message = classifyMessage(bytes);
    if (message.type === "update-chunk") {
      const assembled = this.assemble(room, connection, bytes);
      if (!assembled) return;
      message = assembled;
    }
    if (changes(message)) this.metrics.updateReceived();
    for (const extension of this.extensions) {
      if (!extension.onMessage) continue;
      // A hook that returns false has dropped the frame only when it says so (droppedFrames) or
      // closed the socket for it; save acknowledgements and coalesced presence return false too.
      const dropsBefore = connection.droppedFrames;
      const openBefore = connection.isOpen;
      if (extension.onMessage(connection, message, room)) continue;
      if (connection.droppedFrames > dropsBefore || (openBefore && !connection.isOpen)) this.metrics.frameDropped(DROPPED_BY[extension.name] ?? "other");
      return;
    }
    // After the extensions, so limits still close an oversized frame of any type.
    if (message.type === "unknown") return this.dropUnknown(room, connection, message);
    if (!applyFrame(room, connection, message, this.log)) this.metrics.frameDropped("malformed");
  }

  /** The socket closed: its unfinished large update is forgotten. */
  release(connection: Connection): void {
    this.chunks.release(connection);
  }

  /**
   * One piece of an update too large for a frame; the whole update, as a sync-update frame,
   * once the last piece is in. The document-size limit bounds it as it arrives.
   */
  private assemble(room: Room, connection: Connection, bytes: Uint8Array): ClassifiedMessage | null {
    const result = this.chunks.add(connection, bytes, this.limits.maxUpdateBytes - room.approxBytes);
    switch (result.kind) {
      case "pending":
        return null;
      case "done":
        return { type: "sync-update", bytes: encodeUpdate(result.update), assembled: true };
      case "too-large":
        this.metrics.frameDropped("chunk-too-large");
        connection.close(CloseCode.DocumentTooLarge, "Document too large");
        return null;
      case "busy":
        this.metrics.frameDropped("chunk-busy");
        connection.close(CloseCode.ServerBusy, "Server busy");
        return null;
      case "malformed":
        this.metrics.frameDropped("chunk-malformed");
        connection.close(1007, "Malformed update chunk");
        return null;
    }
  }

  /**
   * Nothing the server does not understand is applied or relayed, whoever sent it. A draft
   * event from a client (type 100 is the server's own) would be a forged "refetch" for everyone:
   * it is counted like the edit gate's drops and logged once per socket.
   */
  private dropUnknown(room: Room, connection: Connection, message: ClassifiedMessage): void {
    connection.droppedFrames += 1;
    this.metrics.frameDropped("unknown");
    // A varUint below 128 is one byte, so the first byte is the whole message type.
    if (message.bytes[0] !== MESSAGE_DRAFT_EVENT || this.forgers.has(connection)) return;
    this.forgers.add(connection);
    this.log.warn("collab client sent a draft event; dropped", {
      connection: connection.id,
      user: connection.identity.user.id,
      draftId: room.draftId,
    });
  }
}
