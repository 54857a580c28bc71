import type { Kysely } from "kysely";
import type { SaveOutcome } from "../../../core/collab/session-messages";
import { statementBatcher } from "../../../db/queries/batching";
import { loadDraftDocuments } from "../../../db/queries/draft-documents";
import type { Database } from "../../../db/schema";
import type { Logger } from "../../logger";
import type { CollabMetrics } from "../../metrics/recorder";
import type { JobRunner } from "../../context";
import { compactDraft } from "../compaction";
import type { Connection } from "../connection";
import type { Room } from "../room";
import { SaveQueue } from "../save-queue";
import type { CollabExtension } from "../types";

export interface PersistenceOptions {
  db: Kysely<Database>;
  log: Logger;
  /** Longest an update waits in memory before it is written (a few hundred ms). */
  batchMs: number;
  /** Where compactions do their CPU work (server/collab/compaction.ts); null: in-process. */
  compactionJobs?: JobRunner | null;
  /** Compact a draft once this many rows accumulated since its snapshot. */
  compactEvery: number;
  /** A batch was refused (the draft was submitted meanwhile): the room must be reloaded. */
  onStoreRefused(draftId: string): void;
  /** Where the save lag is reported (server/metrics); nowhere by default. */
  metrics?: Pick<CollabMetrics, "saveLag">;
}

/**
 * Stores what this node's clients send (SaveQueue: `draft_updates`, batched) and loads drafts.
 * Broadcast never waits for any of this. Updates from peer nodes are theirs to store; this node
 * only notes that it has some, for two cases where a peer may have died before storing them: a
 * client of ours re-sends content it first sent to that peer (its save request then stores what
 * the room gained since this node last stored it, so "saved" stays true), and the room's close,
 * which merges memory into the snapshot. Nothing per peer update but a flag: the room already
 * holds the content.
 */
export function persistence(options: PersistenceOptions): CollabExtension & {
  whenStored(room: Room, connection: Connection): Promise<SaveOutcome>;
} {
  const rowsSinceCompaction = new Map<string, number>();
  /** Drafts with peer changes this node has not stored, and the state vector it last stored from. */
  const peerChanged = new Set<string>();
  const storedFrom = new Map<string, Uint8Array>();
  const queue = new SaveQueue({
    db: options.db,
    log: options.log,
    batchMs: options.batchMs,
    onStored: (draftId) => compactWhenDue(draftId),
    onRefused: (draftId) => options.onStoreRefused(draftId),
    metrics: options.metrics,
  });

  // Rooms opening together (a reconnect storm after a restart) load in shared statements.
  const loadDocument = statementBatcher((draftIds: readonly string[]) => loadDraftDocuments(options.db, draftIds), { maxBatchSize: 64 });

  const compactWhenDue = (draftId: string) => {
    const rows = (rowsSinceCompaction.get(draftId) ?? 0) + 1;
    if (rows < options.compactEvery) return void rowsSinceCompaction.set(draftId, rows);
    rowsSinceCompaction.set(draftId, 0);
    void compactDraft(options.db, draftId, undefined, options.compactionJobs).catch((error: unknown) =>
      options.log.warn("draft compaction failed; the log stays authoritative", { draftId, error: String(error) }),
    );
  };

  return {
    name: "persistence",
    async onLoadDocument(room) {
      const stored = await loadDocument(room.draftId);
      // The snapshot is kept as it is stored (new clients get those very bytes), the log rows as runs.
      room.load(stored.snapshot ?? null, stored.updates);
      rowsSinceCompaction.set(room.draftId, stored.updates.length);
      storedFrom.set(room.draftId, room.log.stateVector());
    },
    onChange(room, update, origin) {
      if (origin.kind === "peer") peerChanged.add(room.draftId);
      if (origin.kind !== "client") return;
      queue.add(room.draftId, update, origin.connection.identity.user.id);
    },
    whenStored(room, connection) {
      if (connection.sentKnownContent && peerChanged.has(room.draftId)) {
        // What it sent was known here only from a peer, which may not have stored it yet: store
        // everything the room gained since this node last did (repeats are harmless to Yjs).
        const from = storedFrom.get(room.draftId);
        storedFrom.set(room.draftId, room.log.stateVector());
        queue.add(room.draftId, from ? room.log.since(from) : room.log.merged(), null);
        peerChanged.delete(room.draftId);
      }
      connection.sentKnownContent = false;
      return queue.whenStored(room.draftId);
    },
    isBusy(room) {
      return queue.has(room.draftId) || queue.isWriting;
    },
    async settle() {
      await queue.flush();
    },
    async beforeUnload(room) {
      await queue.flush();
      const leaving = room.connections.size === 0;
      if (leaving || peerChanged.has(room.draftId)) {
        peerChanged.delete(room.draftId);
        storedFrom.set(room.draftId, room.log.stateVector());
        await compactDraft(options.db, room.draftId, room.log.updates(), options.compactionJobs);
      }
      if (leaving) {
        rowsSinceCompaction.delete(room.draftId);
        storedFrom.delete(room.draftId);
      }
    },
    async onShutdown() {
      queue.stop();
      await queue.flush();
    },
  };
}
