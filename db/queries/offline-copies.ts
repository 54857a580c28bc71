import type { Executor } from "./executor";

/**
 * Of the given drafts, those the user may still read: every member of a draft's workspace reads
 * it. A browser deletes its offline copies of the others (the person was removed, or the draft
 * or workspace is gone).
 */
export async function readableDraftIds(db: Executor, userId: string, draftIds: readonly string[]): Promise<string[]> {
  if (draftIds.length === 0) return [];
  const rows = await db
    .selectFrom("drafts")
    .innerJoin("memberships", (join) => join.onRef("memberships.workspace_id", "=", "drafts.workspace_id").on("memberships.user_id", "=", userId))
    .select("drafts.id")
    .where("drafts.id", "in", draftIds)
    .execute();
  return rows.map((row) => row.id);
}
