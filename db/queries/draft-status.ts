import type { DraftStatus } from "../schema";
import type { Executor } from "./executor";

/**
 * A draft's status, its row locked for the rest of the transaction. A status change takes
 * "update"; a comment write takes "share", so a draft cannot become submitted (read-only)
 * between the check and the write, while comment writes do not wait for each other.
 */
export async function lockDraftStatus(db: Executor, draftId: string, mode: "update" | "share"): Promise<DraftStatus | undefined> {
  const query = db.selectFrom("drafts").select("status").where("id", "=", draftId);
  const row = await (mode === "update" ? query.forUpdate() : query.forShare()).executeTakeFirst();
  return row?.status;
}

export async function updateDraftStatus(db: Executor, draftId: string, status: DraftStatus): Promise<void> {
  await db.updateTable("drafts").set({ status, updated_at: new Date() }).where("id", "=", draftId).execute();
}
