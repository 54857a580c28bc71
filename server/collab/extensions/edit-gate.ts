import { encodeEditsRefused, type RefusalReason } from "../../../core/collab/session-messages";
import type { Connection } from "../connection";
import { readSyncPayload } from "../protocol";
import type { Room } from "../room";
import { inspectUpdate } from "../update-log";
import type { CollabExtension } from "../types";

/**
 * Why this socket may not change the room now, or null when it may. A frozen room refuses
 * everyone (owners included); otherwise the socket's own access decides.
 */
export function refusalReason(connection: Connection, room: Room): RefusalReason | null {
  if (room.frozen) return room.frozen;
  if (connection.identity.abilities.edit) return null;
  return connection.identity.draftStatus === "submitted" ? "submitted" : "read-only";
}

/**
 * Dropped frames checked for new content per socket. Each check reads the whole update against
 * the room's clock ranges, and a reader's client sends one sync step 2 per connection; a socket that keeps
 * sending changes past this is told it was refused without more checks, and its page compares
 * the two copies itself, so a flood of empty changes cannot make the server scan the draft on
 * every frame.
 */
const CHECKED_DROPS = 16;

/**
 * Whether applying `update` would change the document: new items, or deletions it has not
 * made. A reviewer's client sends its whole delete set on every connect (sync step 2), which
 * is not an edit; only a change the document lacks is one the person must be told about.
 */
function holdsNewContent(room: Room, update: Uint8Array): boolean {
  return room.log.freshClients(inspectUpdate(update)) !== null;
}

/**
 * Sockets that may not change the draft (reviewers, viewers, anyone while the draft is frozen
 * for submission or after it) have their sync-step-2 and update frames dropped and counted;
 * step 1 is still answered and awareness passes, so they read the draft and others see them.
 *
 * A dropped frame that held something the document lacks is a refusal the person must hear of
 * (issue 16): typed offline before their role was lowered, typed while the draft was being
 * submitted, or a client that switched editing on by hand. The socket is told once, with the
 * reason and the server's whole document, so the client can show exactly what was not accepted
 * and reset its copy to the draft. Its later changes are dropped silently until it reconnects.
 */
export function editGate(): CollabExtension {
  return {
    name: "edit gate",
    onMessage(connection, message, room) {
      if (message.type !== "sync-step-2" && message.type !== "sync-update") return true;
      const reason = refusalReason(connection, room);
      if (!reason) return true;
      connection.droppedFrames += 1;
      if (connection.refusedEdits) return false;
      let refused: boolean;
      try {
        refused = connection.droppedFrames > CHECKED_DROPS || holdsNewContent(room, readSyncPayload(message.bytes));
      } catch {
        connection.close(1007, "Malformed update");
        return false;
      }
      if (refused) {
        connection.refusedEdits = reason;
        connection.send(encodeEditsRefused(reason, room.stateUpdate()));
      }
      return false;
    },
  };
}
