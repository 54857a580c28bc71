import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import type { Awareness } from "y-protocols/awareness";
import { MESSAGE_PING, MESSAGE_SAVE_REQUEST, MESSAGE_UPDATE_CHUNK } from "../../core/collab/session-messages";
import type { ClassifiedMessage } from "./types";

/** y-websocket message types: the first varUint of every frame. */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

/** Reads the message and sync type of a frame without applying anything. */
export function classifyMessage(bytes: Uint8Array): ClassifiedMessage {
  try {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) return { type: "sync-step-1", bytes };
      if (syncType === syncProtocol.messageYjsSyncStep2) return { type: "sync-step-2", bytes };
      if (syncType === syncProtocol.messageYjsUpdate) return { type: "sync-update", bytes };
      return { type: "unknown", bytes };
    }
    if (type === MESSAGE_AWARENESS) return { type: "awareness", bytes };
    if (type === MESSAGE_QUERY_AWARENESS) return { type: "query-awareness", bytes };
    if (type === MESSAGE_AUTH) return { type: "auth", bytes };
    if (type === MESSAGE_SAVE_REQUEST) return { type: "save-request", bytes };
    if (type === MESSAGE_PING) return { type: "ping", bytes };
    if (type === MESSAGE_UPDATE_CHUNK) return { type: "update-chunk", bytes };
  } catch {
    // A frame too short to hold its header is "unknown" and gets dropped.
  }
  return { type: "unknown", bytes };
}

/** The Yjs update carried by a sync-step-2 or sync-update frame. */
export function readSyncPayload(bytes: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(bytes);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/** The state vector carried by a sync-step-1 frame. */
export function readStateVector(bytes: Uint8Array): Uint8Array {
  return readSyncPayload(bytes);
}

/** The awareness update carried by an awareness frame. */
export function readAwarenessPayload(bytes: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(bytes);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

/** A sync-step-1 frame around an already-encoded state vector (rooms keep no Y.Doc to read one from). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A sync-step-2 frame around an already-encoded update (lets rooms cache the full state). */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function encodeAwarenessStates(awareness: Awareness, clients: number[]): Uint8Array {
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}
