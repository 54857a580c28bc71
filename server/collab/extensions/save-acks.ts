import * as decoding from "lib0/decoding";
import { encodeSaveResult, readSaveRequest, type SaveOutcome } from "../../../core/collab/session-messages";
import type { Connection } from "../connection";
import type { Room } from "../room";
import type { CollabExtension } from "../types";

export interface SaveAcksOptions {
  /** Resolves when every change this node applied to the room so far is stored (persistence). */
  whenStored(room: Room, connection: Connection): Promise<SaveOutcome>;
}

/**
 * Answers SAVE_REQUEST frames: "everything I sent before this mark" is stored, or was refused.
 * Frames of one socket arrive in order and each change reaches persistence's queue as it is
 * applied, so when the request is read every earlier change of that socket is applied (and
 * queued), dropped by the edit gate, or already stored; the answer waits for the queue to be
 * written. "Saved" in the browser means this answer, never "sent" (issue 16).
 */
export function saveAcks(options: SaveAcksOptions): CollabExtension {
  return {
    name: "save acknowledgements",
    onMessage(connection, message, room) {
      if (message.type !== "save-request") return true;
      let mark: number;
      try {
        const decoder = decoding.createDecoder(message.bytes);
        decoding.readVarUint(decoder);
        mark = readSaveRequest(decoder);
      } catch {
        connection.close(1007, "Malformed save request");
        return false;
      }
      if (connection.refusedEdits) {
        connection.send(encodeSaveResult(mark, "refused"));
        return false;
      }
      void options.whenStored(room, connection).then((outcome) => connection.send(encodeSaveResult(mark, outcome)));
      return false;
    },
  };
}
