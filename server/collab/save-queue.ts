import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { SaveOutcome } from "../../core/collab/session-messages";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import type { Database } from "../../db/schema";
import type { Logger } from "../logger";
import type { CollabMetrics } from "../metrics/recorder";

export interface SaveQueueOptions {
  db: Kysely<Database>;
  log: Logger;
  /** Longest an update waits in memory before it is written (a few hundred ms). */
  batchMs: number;
  /** A draft's batch was written (for compaction's row count). */
  onStored(draftId: string): void;
  /** A draft's batch was refused by the database: the draft was submitted meanwhile. */
  onRefused(draftId: string): void;
  /** Where the save lag (first unsaved change → stored) is reported. */
  metrics?: Pick<CollabMetrics, "saveLag">;
}

interface Batch {
  updates: Uint8Array[];
  users: Set<string | null>;
  /** Answers to save requests that wait for this batch. */
  waiters: Array<(outcome: SaveOutcome) => void>;
  /** performance.now() of its first change: the save lag is measured from here. */
  since: number;
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
 * What this node's clients changed and the database does not have yet. Changes wait at most
 * `batchMs`, then one save writes every draft's batch as one merged row per draft, in multi-row
 * inserts of ROWS_PER_INSERT: a few statements per tick for the whole node. One save at a time;
 * a failed save puts its batches back (with their waiters) and retries with backoff, never
 * dropping them. `whenStored` is how a socket learns that its changes are durable.
 */
export class SaveQueue {
  private readonly pending = new Map<string, Batch>();
  /** The batches the running save is writing, by draft: a save request may have to wait for one. */
  private readonly writing = new Map<string, Batch>();
  private timer: NodeJS.Timeout | null = null;
  private saving: Promise<void> | null = null;
  private failures = 0;

  constructor(private readonly options: SaveQueueOptions) {}

  add(draftId: string, update: Uint8Array, userId: string | null): void {
    let batch = this.pending.get(draftId);
    if (!batch) {
      batch = { updates: [], users: new Set(), waiters: [], since: performance.now() };
      this.pending.set(draftId, batch);
    }
    batch.updates.push(update);
    batch.users.add(userId);
    this.schedule(this.options.batchMs);
  }

  /** Whether the draft has changes not yet stored (queued or being written). */
  has(draftId: string): boolean {
    return this.pending.has(draftId) || this.writing.has(draftId);
  }

  /** Whether a save is running (a room is not unloaded in the middle of one). */
  get isWriting(): boolean {
    return this.saving !== null;
  }

  /**
   * Resolves when every change queued for the draft so far is stored ("stored"), or was refused
   * because the draft was submitted ("refused"). Never rejects: a failing database keeps it waiting
   * while the save retries, which is the truth ("Saving…").
   */
  whenStored(draftId: string): Promise<SaveOutcome> {
    // The newer batch first: it is written after the one being written, so it covers both.
    const batch = this.pending.get(draftId) ?? this.writing.get(draftId);
    if (!batch) return Promise.resolve("stored");
    return new Promise((resolve) => batch.waiters.push(resolve));
  }

  /** Writes everything pending now; resolves when what was pending at the call is stored. */
  async flush(): Promise<void> {
    while (this.saving) await this.saving.catch(() => {});
    if (this.pending.size === 0) return;
    const batches = [...this.pending.entries()];
    this.pending.clear();
    for (const [draftId, batch] of batches) this.writing.set(draftId, batch);
    this.saving = this.write(batches).finally(() => {
      this.saving = null;
    });
    await this.saving;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => {
        // Logged and rescheduled by write().
      });
    }, delay);
  }

  private async write(batches: Array<[string, Batch]>): Promise<void> {
    let saved = 0;
    try {
      while (saved < batches.length) {
        if (saved > 0) await yieldToSockets();
        const chunk = batches.slice(saved, saved + ROWS_PER_INSERT);
        const refused = new Set(
          await appendDraftUpdates(
            this.options.db,
            chunk.map(([draftId, b]) => ({ draftId, update: Y.mergeUpdates(b.updates), userId: b.users.size === 1 ? [...b.users][0]! : null })),
          ),
        );
        saved += chunk.length;
        for (const [draftId, batch] of chunk) this.settle(draftId, batch, refused.has(draftId) ? "refused" : "stored");
      }
      this.failures = 0;
    } catch (error) {
      this.requeue(batches.slice(saved));
      this.failures += 1;
      const retryIn = Math.min(100 * 2 ** this.failures, 10_000);
      this.options.log.error("draft save failed; retrying", { drafts: this.pending.size, retryInMs: retryIn, error: String(error) });
      this.schedule(retryIn);
      throw error;
    }
  }

  private settle(draftId: string, batch: Batch, outcome: SaveOutcome): void {
    if (this.writing.get(draftId) === batch) this.writing.delete(draftId);
    if (outcome === "refused") {
      // Typed in the moment before a submission froze the draft: it is not stored, ever.
      this.options.log.info("edits to a submitted draft were not stored", { draftId });
      this.options.onRefused(draftId);
    } else {
      this.options.metrics?.saveLag((performance.now() - batch.since) / 1000);
      this.options.onStored(draftId);
    }
    for (const resolve of batch.waiters) resolve(outcome);
  }

  private requeue(batches: Array<[string, Batch]>): void {
    for (const [draftId, put] of batches) {
      if (this.writing.get(draftId) === put) this.writing.delete(draftId);
      const now = this.pending.get(draftId);
      if (now) {
        now.updates.unshift(...put.updates);
        for (const user of put.users) now.users.add(user);
        now.waiters.unshift(...put.waiters);
        now.since = Math.min(now.since, put.since);
      } else this.pending.set(draftId, put);
    }
  }
}
