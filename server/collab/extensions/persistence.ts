import type { Kysely } from "kysely";
import * as Y from "yjs";
import { appendDraftUpdate, loadDraftDocument } from "../../../db/queries/draft-documents";
import type { Database } from "../../../db/schema";
import type { Logger } from "../../logger";
import { compactDraft } from "../compaction";
import { STORAGE_ORIGIN, type Room } from "../room";
import type { CollabExtension } from "../types";

export interface PersistenceOptions {
  db: Kysely<Database>;
  log: Logger;
  /** Quiet time before a batch is written; a burst of typing becomes one row. */
  debounceMs: number;
  /** Longest an update waits in memory while someone types without pause. */
  maxWaitMs: number;
  /** Compact once this many rows accumulated since the snapshot. */
  compactEvery: number;
}

interface DraftSaver {
  pending: Uint8Array[];
  pendingUsers: Set<string | null>;
  saving: Promise<void> | null;
  timer: NodeJS.Timeout | null;
  firstPendingAt: number;
  appendedSinceCompaction: number;
  failures: number;
  /** Changes heard from peer nodes since the last compaction: theirs to save, ours to reconcile. */
  peerChanges: boolean;
}

/**
 * Appends the updates this node's clients send to `draft_updates` in small batches, one save at
 * a time per draft, retrying failures with backoff and never dropping them; compacts in the
 * background. Updates from peer nodes are theirs to store. Rooms load from snapshot + tail.
 */
export function persistence(options: PersistenceOptions): CollabExtension {
  const savers = new Map<string, DraftSaver>();

  const saverFor = (room: Room): DraftSaver => {
    let saver = savers.get(room.draftId);
    if (!saver) {
      saver = { pending: [], pendingUsers: new Set(), saving: null, timer: null, firstPendingAt: 0, appendedSinceCompaction: 0, failures: 0, peerChanges: false };
      savers.set(room.draftId, saver);
    }
    return saver;
  };

  const schedule = (room: Room, saver: DraftSaver, delay: number) => {
    if (saver.timer) clearTimeout(saver.timer);
    saver.timer = setTimeout(() => void flush(room), delay);
  };

  /** Writes everything pending, one batch at a time; resolves when nothing is left unsaved. */
  const flush = async (room: Room): Promise<void> => {
    const saver = saverFor(room);
    if (saver.timer) clearTimeout(saver.timer);
    saver.timer = null;
    if (saver.saving) return saver.saving.then(() => (saver.pending.length ? flush(room) : undefined));
    if (saver.pending.length === 0) return;
    const batch = saver.pending.splice(0);
    const users = [...saver.pendingUsers];
    saver.pendingUsers.clear();
    saver.saving = (async () => {
      try {
        await appendDraftUpdate(options.db, room.draftId, Y.mergeUpdates(batch), users.length === 1 ? users[0]! : null);
        saver.failures = 0;
        saver.appendedSinceCompaction += 1;
      } catch (error) {
        // Put the batch back in front: order does not matter to Yjs, but losing it would.
        saver.pending.unshift(...batch);
        saver.failures += 1;
        const retryIn = Math.min(100 * 2 ** saver.failures, 10_000);
        options.log.error("draft save failed; retrying", { draftId: room.draftId, retryInMs: retryIn, error: String(error) });
        schedule(room, saver, retryIn);
        throw error;
      } finally {
        saver.saving = null;
      }
    })();
    await saver.saving;
    if (saver.appendedSinceCompaction >= options.compactEvery) {
      saver.appendedSinceCompaction = 0;
      void compactDraft(options.db, room.draftId).catch((error: unknown) =>
        options.log.warn("draft compaction failed; the log stays authoritative", { draftId: room.draftId, error: String(error) }),
      );
    }
    if (saver.pending.length > 0) await flush(room);
  };

  return {
    name: "persistence",
    async onLoadDocument(room) {
      const stored = await loadDraftDocument(options.db, room.draftId);
      room.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, STORAGE_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(room.doc, update, STORAGE_ORIGIN);
      }, STORAGE_ORIGIN);
      saverFor(room).appendedSinceCompaction = stored.updates.length;
    },
    onChange(room, update, origin) {
      if (origin.kind === "peer") saverFor(room).peerChanges = true;
      if (origin.kind !== "client") return;
      const saver = saverFor(room);
      if (saver.pending.length === 0) saver.firstPendingAt = Date.now();
      saver.pending.push(update);
      saver.pendingUsers.add(origin.connection.identity.user.id);
      const waited = Date.now() - saver.firstPendingAt;
      schedule(room, saver, waited >= options.maxWaitMs ? 0 : Math.min(options.debounceMs, options.maxWaitMs - waited));
    },
    isBusy(room) {
      const saver = savers.get(room.draftId);
      return Boolean(saver && (saver.pending.length > 0 || saver.saving));
    },
    async beforeUnload(room) {
      await flush(room);
      const saver = saverFor(room);
      const leaving = room.connections.size === 0;
      if (leaving || saver.peerChanges) {
        saver.peerChanges = false;
        await compactDraft(options.db, room.draftId, Y.encodeStateAsUpdate(room.doc));
      }
      if (leaving) savers.delete(room.draftId);
    },
  };
}
