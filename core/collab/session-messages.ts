import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

/**
 * Message types of our own on the collaboration socket, beside y-websocket's 0–3 and the draft
 * events (100, draft-events.ts). They carry what y-websocket does not: whether a change is
 * durable, whether the socket is alive, why edits were refused, and updates too large for one
 * frame. Every one is a varUint type followed by its fields; a peer that does not know a type
 * drops it. docs/decisions/012-saved-means-stored.md explains the exchange.
 *
 * Client → server: SAVE_REQUEST, PING, UPDATE_CHUNK. Server → client: SAVE_RESULT, PONG,
 * EDITS_REFUSED. The server drops a client's server-only types like any unknown frame.
 */
export const MESSAGE_SAVE_REQUEST = 101;
export const MESSAGE_SAVE_RESULT = 102;
export const MESSAGE_PING = 103;
export const MESSAGE_PONG = 104;
export const MESSAGE_EDITS_REFUSED = 105;
export const MESSAGE_UPDATE_CHUNK = 106;

/** What the server did with everything a client sent before a save request. */
export type SaveOutcome = "stored" | "refused";

/**
 * Why the server will not apply a socket's changes. "read-only": the person's role does not
 * edit (reviewer, viewer, or lowered while offline); "submitting": the draft is frozen while its
 * file is made; "submitted": the draft went to the mechanism.
 */
export const REFUSAL_REASONS = ["read-only", "submitting", "submitted"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Largest piece of an update sent in one UPDATE_CHUNK frame, well under the frame limit. */
export const UPDATE_CHUNK_BYTES = 512 * 1024;

function frame(type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** [101][mark]: "tell me when everything I sent before this is stored". */
export const encodeSaveRequest = (mark: number) => frame(MESSAGE_SAVE_REQUEST, (e) => encoding.writeVarUint(e, mark));

/** [102][mark][0 stored | 1 refused] */
export const encodeSaveResult = (mark: number, outcome: SaveOutcome) =>
  frame(MESSAGE_SAVE_RESULT, (e) => {
    encoding.writeVarUint(e, mark);
    encoding.writeVarUint(e, outcome === "stored" ? 0 : 1);
  });

export const encodePing = () => frame(MESSAGE_PING);
export const encodePong = () => frame(MESSAGE_PONG);

/**
 * [105][reason][the server's whole document as one Yjs update]: sent once when a socket's
 * change held something the document lacks and was dropped. The client compares its copy with
 * the server's to show exactly what was not accepted, then resets to the server's.
 */
export const encodeEditsRefused = (reason: RefusalReason, serverState: Uint8Array) =>
  frame(MESSAGE_EDITS_REFUSED, (e) => {
    encoding.writeVarString(e, reason);
    encoding.writeVarUint8Array(e, serverState);
  });

/** [106][update id][index][count][bytes]: one piece of a Yjs update too large for one frame. */
export const encodeUpdateChunk = (updateId: number, index: number, count: number, bytes: Uint8Array) =>
  frame(MESSAGE_UPDATE_CHUNK, (e) => {
    encoding.writeVarUint(e, updateId);
    encoding.writeVarUint(e, index);
    encoding.writeVarUint(e, count);
    encoding.writeVarUint8Array(e, bytes);
  });

/** The frames that carry `update` in pieces of at most UPDATE_CHUNK_BYTES. */
export function chunkUpdate(updateId: number, update: Uint8Array, chunkBytes = UPDATE_CHUNK_BYTES): Uint8Array[] {
  const count = Math.max(1, Math.ceil(update.byteLength / chunkBytes));
  const frames: Uint8Array[] = [];
  for (let index = 0; index < count; index++) {
    frames.push(encodeUpdateChunk(updateId, index, count, update.subarray(index * chunkBytes, (index + 1) * chunkBytes)));
  }
  return frames;
}

export interface UpdateChunk {
  updateId: number;
  index: number;
  count: number;
  bytes: Uint8Array;
}

/** Readers take the decoder positioned after the message type; they throw on a short frame. */
export const readSaveRequest = (decoder: decoding.Decoder) => decoding.readVarUint(decoder);

export function readSaveResult(decoder: decoding.Decoder): { mark: number; outcome: SaveOutcome } {
  const mark = decoding.readVarUint(decoder);
  return { mark, outcome: decoding.readVarUint(decoder) === 0 ? "stored" : "refused" };
}

export function readEditsRefused(decoder: decoding.Decoder): { reason: RefusalReason; serverState: Uint8Array } | null {
  const reason = decoding.readVarString(decoder);
  const serverState = decoding.readVarUint8Array(decoder);
  return (REFUSAL_REASONS as readonly string[]).includes(reason) ? { reason: reason as RefusalReason, serverState } : null;
}

export function readUpdateChunk(decoder: decoding.Decoder): UpdateChunk {
  return {
    updateId: decoding.readVarUint(decoder),
    index: decoding.readVarUint(decoder),
    count: decoding.readVarUint(decoder),
    bytes: decoding.readVarUint8Array(decoder),
  };
}
