import * as awarenessProtocol from "y-protocols/awareness";
import { encodePong } from "../../core/collab/session-messages";
import type { Logger } from "../logger";
import type { Connection } from "./connection";
import { encodeAwarenessStates, readAwarenessPayload, readStateVector, readSyncPayload } from "./protocol";
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
        const update = readSyncPayload(message.bytes);
        // An update frame that ends with its update is relayed as it came; anything else is re-framed.
        const relayable = message.type === "sync-update" && update.byteOffset + update.byteLength === message.bytes.byteOffset + message.bytes.byteLength;
        if (!room.receive(update, origin, relayable ? message.bytes : undefined)) connection.sentKnownContent = true;
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
  // A new client gets the frames the room holds encoded already: nothing is merged or re-encoded.
  const reply = room.syncReply(stateVector);
  for (const frame of reply) connection.send(frame);
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
    bytes: reply.reduce((sum, frame) => sum + frame.byteLength, 0),
    frames: reply.length,
  });
}
