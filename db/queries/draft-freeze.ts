import { sql } from "kysely";
import type { DraftStatus } from "../schema";
import type { Executor } from "./executor";

export interface DraftFreeze {
  status: DraftStatus;
  /** Why edits are refused now: the draft went, or its file is being made; null when open. */
  frozen: "submitted" | "submitting" | null;
  /** Until when a submission holds the draft (null when none does). */
  frozenUntil: Date | null;
}

/**
 * A draft's freeze, read with the database's clock (nodes' clocks may differ). `lock: "share"`
 * makes a writer that must not race a submission (compaction merging memory) wait behind the
 * submission's row lock and then read what it left.
 */
export async function findDraftFreeze(db: Executor, draftId: string, lock?: "share"): Promise<DraftFreeze | undefined> {
  let query = db.selectFrom("drafts").select(FREEZE_COLUMNS).where("id", "=", draftId);
  if (lock) query = query.forShare();
  const row = await query.executeTakeFirst();
  return row ? freezeOf(row) : undefined;
}

/** `findDraftFreeze` for many drafts in one statement (a room-load batch), aligned with `draftIds`. */
export async function findDraftFreezes(db: Executor, draftIds: readonly string[]): Promise<(DraftFreeze | undefined)[]> {
  if (draftIds.length === 0) return [];
  const rows = await db
    .selectFrom("drafts")
    .select(["id", ...FREEZE_COLUMNS])
    .where("id", "in", [...draftIds])
    .execute();
  const byId = new Map(rows.map((row) => [row.id, freezeOf(row)]));
  return draftIds.map((id) => byId.get(id));
}

const FREEZE_COLUMNS = ["status", "frozen_until", sql<boolean>`coalesce(frozen_until > now(), false)`.as("holding")] as const;

function freezeOf(row: { status: DraftStatus; frozen_until: Date | null; holding: boolean }): DraftFreeze {
  const frozen = row.status === "submitted" ? "submitted" : row.holding ? "submitting" : null;
  return { status: row.status, frozen, frozenUntil: row.holding ? row.frozen_until : null };
}

/**
 * Holds the draft for a submission for `ms` milliseconds: every node refuses edits until the
 * hold ends or is released. Returns the status found under the row lock; a submitted draft is
 * not held again.
 */
export async function holdDraftForSubmission(db: Executor, draftId: string, ms: number): Promise<DraftStatus | undefined> {
  const row = await db.selectFrom("drafts").select("status").where("id", "=", draftId).forUpdate().executeTakeFirst();
  if (!row || row.status === "submitted") return row?.status;
  await db
    .updateTable("drafts")
    .set({ frozen_until: sql<Date>`now() + make_interval(secs => ${ms / 1000})` })
    .where("id", "=", draftId)
    .execute();
  return row.status;
}

/** Ends a submission's hold (it stored its file, or failed). */
export async function releaseDraftHold(db: Executor, draftId: string): Promise<void> {
  await db.updateTable("drafts").set({ frozen_until: null }).where("id", "=", draftId).execute();
}

/** A submitted draft goes back to drafting for a correction; who and when are kept on the row. */
export async function markDraftReopened(db: Executor, draftId: string, userId: string): Promise<void> {
  await db
    .updateTable("drafts")
    .set({ status: "drafting", frozen_until: null, reopened_at: new Date(), reopened_by: userId, updated_at: new Date() })
    .where("id", "=", draftId)
    .execute();
}
