import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { encodePong } from "../../core/collab/session-messages";
import type { Logger } from "../logger";
import type { Connection } from "./connection";
import { encodeAwarenessStates, encodeSyncStep2, readAwarenessPayload, readStateVector, readSyncPayload } from "./protocol";
import type { Room } from "./room";
import type { ChangeOrigin, ClassifiedMessage } from "./types";

/**
 * Applies one frame that the extensions let through: answers sync step 1, applies updates and
 * awareness with the connection as origin (so the room does not echo them back). A frame that
 * does not decode closes the socket (1007) and changes nothing: false then.
 */
export function applyFrame(room: Room, connection: Connection, message: ClassifiedMessage, log: Logger): boolean {
  const origin: ChangeOrigin = { kind: "client", connection };
  try {
    switch (message.type) {
      case "sync-step-1":
        answerSyncStep1(room, connection, message.bytes, log);
        break;
      case "sync-step-2":
      case "sync-update": {
        const before = room.changeCount;
        Y.applyUpdate(room.doc, readSyncPayload(message.bytes), origin);
        if (room.changeCount === before) connection.sentKnownContent = true;
        break;
      }
      case "awareness":
        awarenessProtocol.applyAwarenessUpdate(room.awareness, readAwarenessPayload(message.bytes), origin);
        break;
      case "query-awareness":
        connection.send(encodeAwarenessStates(room.awareness, [...room.awareness.getStates().keys()]));
        break;
      case "ping":
        // The browser's liveness check: any answer proves the path both ways.
        connection.pings = true;
        connection.send(encodePong());
        break;
      default:
        break;
    }
    return true;
  } catch (error) {
    log.warn("collab frame refused", { draftId: room.draftId, error: String(error) });
    connection.close(1007, "Malformed update");
    return false;
  }
}

function answerSyncStep1(room: Room, connection: Connection, bytes: Uint8Array, log: Logger): void {
  const replyStartedAt = performance.now();
  const stateVector = readStateVector(bytes);
  // An empty state vector (a new client) gets the cached full state: no re-encoding.
  const reply = isEmptyStateVector(stateVector) ? room.fullState() : encodeSyncStep2(Y.encodeStateAsUpdate(room.doc, stateVector));
  connection.send(reply);
  if (connection.firstSyncDone) return;
  connection.firstSyncDone = true;
  // Server time only: authenticate, load the room, answer; not the client's round trip.
  const ms = (from: number, to: number) => Math.round((to - from) * 1000) / 1000;
  const authMs = ms(connection.upgradeStartedAt, connection.acceptedAt);
  const loadMs = ms(connection.acceptedAt, connection.roomReadyAt);
  const replyMs = ms(replyStartedAt, performance.now());
  log.debug("collab first sync", {
    draftId: room.draftId,
    warm: connection.roomWasOpen,
    serverMs: Math.round((authMs + loadMs + replyMs) * 1000) / 1000,
    authMs,
    loadMs,
    replyMs,
    bytes: reply.byteLength,
  });
}

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}
