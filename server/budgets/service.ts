import type { WordBudget } from "../../core/budgets/shares";
import type { CountingRule } from "../../core/checks/word-count";
import type { Draft } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { replaceBudgets } from "./replace";
import { readBudgetsView, readStoredCounts, type BudgetsView, type StoredCounts } from "./view";

export type { BudgetsView } from "./view";
export type { BudgetsRefused } from "./replace";

/**
 * How long one read of a stored draft's counts serves every page polling that draft: each open
 * page asks every 30 s (and sooner while someone new is typing), and one read of a long draft is
 * a few hundred milliseconds of this process's time.
 */
export const STORED_COUNTS_TTL_MS = 5_000;
/** Drafts whose counts are held at once; the oldest go first beyond it. */
const MAX_CACHED = 200;

/**
 * Word budgets (issue 21): the coordinator's shares of a draft's word limit by template section
 * or organisation, and the counts they are judged against. Callers authorise: reading is for
 * members, replacing for owners (the manage ability).
 */
export function createBudgetsService({ db, collab }: Pick<ServiceDeps, "db" | "collab">) {
  const cache = new Map<string, { at: number; counts: Promise<StoredCounts> }>();

  function storedCounts(draftId: string, counts: CountingRule, fresh: boolean): Promise<StoredCounts> {
    const now = Date.now();
    const key = `${draftId}:${counts.footnotes}:${counts.headings}:${counts.tables}`;
    const held = cache.get(key);
    if (!fresh && held && now - held.at < STORED_COUNTS_TTL_MS) return held.counts;
    // Fresh: every node stores what it holds first (a slow node's last half second is left out), as the checks do.
    const read = (fresh ? collab.settle(draftId).catch(() => {}) : Promise.resolve()).then(() => readStoredCounts(db, draftId, counts));
    cache.delete(key);
    cache.set(key, { at: now, counts: read });
    // A failed read is not kept: the next poll reads again.
    read.catch(() => cache.get(key)?.counts === read && cache.delete(key));
    for (const [oldest] of cache) {
      if (cache.size <= MAX_CACHED) break;
      cache.delete(oldest);
    }
    return read;
  }

  return {
    /**
     * The budgets with what the browser needs to count live, and the stored draft's counts: from
     * a read at most STORED_COUNTS_TTL_MS old, or `fresh` (the Export dialog: what a file would
     * be made from now) after every node has stored what it holds.
     */
    read(draft: Draft, reader: { userId: string; organisationId: string | null; canManage: boolean }, options: { fresh?: boolean } = {}): Promise<BudgetsView> {
      return readBudgetsView(db, draft, reader, (counts) => storedCounts(draft.id, counts, options.fresh === true));
    },

    /** Replaces every budget of the draft at once (an empty list clears them), audited. */
    replace(actor: { userId: string }, draft: Draft, budgets: readonly WordBudget[]) {
      return replaceBudgets(db, actor, draft, budgets);
    },
  };
}

export type BudgetsService = ReturnType<typeof createBudgetsService>;
