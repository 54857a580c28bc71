import type { Kysely } from "kysely";
import * as Y from "yjs";
import { appendDraftUpdates, loadDraftDocument } from "../../../db/queries/draft-documents";
import type { Database } from "../../../db/schema";
import type { Logger } from "../../logger";
import { compactDraft } from "../compaction";
import { STORAGE_ORIGIN } from "../room";
import type { CollabExtension } from "../types";

export interface PersistenceOptions {
  db: Kysely<Database>;
  log: Logger;
  /** Longest an update waits in memory before it is written (a few hundred ms). */
  batchMs: number;
  /** Compact a draft once this many rows accumulated since its snapshot. */
  compactEvery: number;
}

interface Pending {
  updates: Uint8Array[];
  users: Set<string | null>;
}

/**
 * Rows per INSERT, with a turn of the event loop between statements. On PGlite a statement runs
 * on this thread: one 100-row insert (plus merging each draft's updates) held every socket for
 * 20–40 ms at 100 busy rooms, which was the server's whole fan-out tail. Sixteen rows cost a few
 * milliseconds at most, and frames that arrive meanwhile are broadcast between statements.
 */
const ROWS_PER_INSERT = 16;

const yieldToSockets = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Appends what this node's clients send to `draft_updates`. Changes wait at most `batchMs`, then
 * one save writes every open draft's batch as one merged row per draft, in multi-row inserts of
 * ROWS_PER_INSERT: a few statements per tick for the whole node, instead of one per room (which
 * cost a third of the server's CPU on PGlite at 100 busy rooms). One save at a time; a failed
 * save puts its batches back and retries with backoff, never dropping them. Broadcast never
 * waits for any of this. Updates from peer nodes are theirs to store; rooms merge their memory
 * into the snapshot when they close.
 */
export function persistence(options: PersistenceOptions): CollabExtension {
  const pending = new Map<string, Pending>();
  const rowsSinceCompaction = new Map<string, number>();
  const peerChanges = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let saving: Promise<void> | null = null;
  let failures = 0;

  const schedule = (delay: number) => {
    timer ??= setTimeout(() => {
      timer = null;
      void flush().catch(() => {
        // Logged and rescheduled inside flush.
      });
    }, delay);
  };

  const requeue = (batch: Array<[string, Pending]>) => {
    for (const [draftId, put] of batch) {
      const now = pending.get(draftId);
      if (now) {
        now.updates.unshift(...put.updates);
        for (const user of put.users) now.users.add(user);
      } else pending.set(draftId, put);
    }
  };

  /** Writes everything pending now; resolves when what was pending at the call is stored. */
  const flush = async (): Promise<void> => {
    while (saving) await saving.catch(() => {});
    if (pending.size === 0) return;
    const batch = [...pending.entries()];
    pending.clear();
    saving = (async () => {
      let saved = 0;
      try {
        while (saved < batch.length) {
          if (saved > 0) await yieldToSockets();
          const chunk = batch.slice(saved, saved + ROWS_PER_INSERT);
          const refused = await appendDraftUpdates(
            options.db,
            chunk.map(([draftId, p]) => ({ draftId, update: Y.mergeUpdates(p.updates), userId: p.users.size === 1 ? [...p.users][0]! : null })),
          );
          // Typed in the moment before a submission closed the editors' sockets: the draft is frozen.
          if (refused.length) options.log.info("edits to a submitted draft were not stored", { drafts: refused });
          saved += chunk.length;
          for (const [draftId] of chunk) compactWhenDue(draftId);
        }
        failures = 0;
      } catch (error) {
        requeue(batch.slice(saved));
        failures += 1;
        const retryIn = Math.min(100 * 2 ** failures, 10_000);
        options.log.error("draft save failed; retrying", { drafts: pending.size, retryInMs: retryIn, error: String(error) });
        schedule(retryIn);
        throw error;
      } finally {
        saving = null;
      }
    })();
    await saving;
  };

  const compactWhenDue = (draftId: string) => {
    const rows = (rowsSinceCompaction.get(draftId) ?? 0) + 1;
    if (rows < options.compactEvery) return void rowsSinceCompaction.set(draftId, rows);
    rowsSinceCompaction.set(draftId, 0);
    void compactDraft(options.db, draftId).catch((error: unknown) =>
      options.log.warn("draft compaction failed; the log stays authoritative", { draftId, error: String(error) }),
    );
  };

  return {
    name: "persistence",
    async onLoadDocument(room) {
      const stored = await loadDraftDocument(options.db, room.draftId);
      room.doc.transact(() => {
        if (stored.snapshot) Y.applyUpdate(room.doc, stored.snapshot, STORAGE_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(room.doc, update, STORAGE_ORIGIN);
      }, STORAGE_ORIGIN);
      // A compacted draft's snapshot already is its full state: new clients get it as stored.
      if (stored.snapshot && stored.updates.length === 0) room.primeFullState(stored.snapshot);
      rowsSinceCompaction.set(room.draftId, stored.updates.length);
    },
    onChange(room, update, origin) {
      if (origin.kind === "peer") peerChanges.add(room.draftId);
      if (origin.kind !== "client") return;
      let entry = pending.get(room.draftId);
      if (!entry) {
        entry = { updates: [], users: new Set() };
        pending.set(room.draftId, entry);
      }
      entry.updates.push(update);
      entry.users.add(origin.connection.identity.user.id);
      schedule(options.batchMs);
    },
    isBusy(room) {
      return pending.has(room.draftId) || saving !== null;
    },
    async beforeUnload(room) {
      await flush();
      const leaving = room.connections.size === 0;
      if (leaving || peerChanges.has(room.draftId)) {
        peerChanges.delete(room.draftId);
        await compactDraft(options.db, room.draftId, Y.encodeStateAsUpdate(room.doc));
      }
      if (leaving) rowsSinceCompaction.delete(room.draftId);
    },
    async onShutdown() {
      if (timer) clearTimeout(timer);
      await flush();
    },
  };
}
