import { CloseCode } from "../../../core/collab/close-codes";
import { CloseRefusal, type CollabExtension } from "../types";

export interface CollabLimits {
  /** One frame; a paste of a long report fits, a runaway client does not. */
  maxFrameBytes: number;
  /** Yjs history of one draft held in memory. */
  maxDocumentBytes: number;
  maxConnectionsPerUser: number;
  maxConnectionsPerNode: number;
  /** Bytes held in unfinished chunked updates on one node (update-chunks.ts). */
  maxChunkBytesPerNode: number;
}

export const DEFAULT_LIMITS: CollabLimits = {
  maxFrameBytes: 2 * 1024 * 1024,
  maxDocumentBytes: 64 * 1024 * 1024,
  maxConnectionsPerUser: 50,
  maxConnectionsPerNode: 50_000,
  maxChunkBytesPerNode: 256 * 1024 * 1024,
};

/** Bounds every size the server holds: frames, documents, sockets per person and per node. */
export function limits(config: CollabLimits): CollabExtension {
  let total = 0;
  const perUser = new Map<string, number>();
  return {
    name: "limits",
    onUpgrade(request) {
      const mine = perUser.get(request.user?.id ?? "") ?? 0;
      if (total >= config.maxConnectionsPerNode || mine >= config.maxConnectionsPerUser) {
        throw new CloseRefusal(CloseCode.TooManyConnections, "Too many connections");
      }
    },
    onConnect(connection) {
      total += 1;
      perUser.set(connection.identity.user.id, (perUser.get(connection.identity.user.id) ?? 0) + 1);
    },
    onDisconnect(connection) {
      total -= 1;
      const left = (perUser.get(connection.identity.user.id) ?? 1) - 1;
      if (left > 0) perUser.set(connection.identity.user.id, left);
      else perUser.delete(connection.identity.user.id);
    },
    onMessage(connection, message, room) {
      // An assembled update came in frames that were each checked; the document limit still holds.
      if (!message.assembled && message.bytes.byteLength > config.maxFrameBytes) {
        connection.close(CloseCode.MessageTooLarge, "Message too large");
        return false;
      }
      const changes = message.type === "sync-step-2" || message.type === "sync-update";
      if (changes && room.approxBytes + message.bytes.byteLength > config.maxDocumentBytes) {
        connection.close(CloseCode.DocumentTooLarge, "Document too large");
        return false;
      }
      return true;
    },
  };
}
