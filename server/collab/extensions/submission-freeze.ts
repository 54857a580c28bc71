import type { Kysely } from "kysely";
import { statementBatcher } from "../../../db/queries/batching";
import { findDraftFreezes } from "../../../db/queries/draft-freeze";
import type { Database } from "../../../db/schema";
import type { Room } from "../room";
import type { CollabExtension } from "../types";

export interface SubmissionFreezeOptions {
  db: Kysely<Database>;
  /** A hold ended by itself (its submission never finished): open pages should look again. */
  onThaw(room: Room): void;
}

/**
 * Keeps each room's `frozen` in line with the stored draft: "submitted" once it went,
 * "submitting" while a submission holds it (drafts.frozen_until), null otherwise. Read when the
 * room loads and on every settle (the submission route settles every node after holding the
 * draft, and again after storing the file or giving up). The edit gate refuses every change
 * while `frozen` is set. A hold that nobody releases (the submitting process died) lapses at its
 * time: the room reads the draft again then.
 */
export function submissionFreeze(options: SubmissionFreezeOptions): CollabExtension {
  const timers = new Map<Room, NodeJS.Timeout>();
  // Rooms loading or settling together (a reconnect storm, a settle of every room) share statements.
  const readFreeze = statementBatcher((draftIds: readonly string[]) => findDraftFreezes(options.db, draftIds), { maxBatchSize: 256 });

  const apply = async (room: Room): Promise<void> => {
    const freeze = await readFreeze(room.draftId);
    const before = room.frozen;
    room.frozen = freeze?.frozen ?? null;
    clearTimeout(timers.get(room));
    timers.delete(room);
    if (room.frozen === "submitting" && freeze?.frozenUntil) {
      const timer = setTimeout(() => void recheck(room), Math.max(0, freeze.frozenUntil.getTime() - Date.now()) + 50);
      timer.unref();
      timers.set(room, timer);
    }
    if (before === "submitting" && room.frozen === null) options.onThaw(room);
  };

  const recheck = (room: Room): Promise<void> => {
    timers.delete(room);
    if (room.destroyed) return Promise.resolve();
    // A failed read leaves the room frozen: refusing an edit is recoverable, a lost freeze is not.
    return apply(room).catch(() => {
      timers.set(room, setTimeout(() => void recheck(room), 1000).unref());
    });
  };

  return {
    name: "submission freeze",
    onLoadDocument: apply,
    settle: apply,
    async onShutdown() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
