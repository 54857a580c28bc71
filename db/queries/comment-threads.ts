import type { Anchor } from "../../core/comments/contract";
import type { CommentThread } from "../schema";
import type { Executor } from "./executor";

export interface ThreadRow extends CommentThread {
  resolvedByName: string | null;
}

/**
 * A new thread. An imported one (a Word comment) may carry its own date and arrive resolved,
 * resolved by no Caucus account.
 */
export async function createThread(
  db: Executor,
  input: { draftId: string; workspaceId: string; anchor: Anchor; createdBy: string | null; createdAt?: Date; resolved?: boolean },
): Promise<CommentThread> {
  return db
    .insertInto("comment_threads")
    .values({
      draft_id: input.draftId,
      workspace_id: input.workspaceId,
      anchor_start: input.anchor.start,
      anchor_end: input.anchor.end,
      quote: input.anchor.quote,
      created_by: input.createdBy,
      ...(input.createdAt ? { created_at: input.createdAt } : {}),
      ...(input.resolved ? { status: "resolved" as const, resolved_at: new Date() } : {}),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * A thread of this draft, locked for the rest of the transaction: writes to one thread run one
 * at a time, so two people deleting its last two comments cannot leave it empty. A thread of
 * another draft is simply not found.
 */
export async function lockThreadInDraft(db: Executor, draftId: string, threadId: string): Promise<CommentThread | undefined> {
  return db
    .selectFrom("comment_threads")
    .selectAll()
    .where("id", "=", threadId)
    .where("draft_id", "=", draftId)
    .forUpdate()
    .executeTakeFirst();
}

/** A draft's threads, oldest first, or only the given ones (which must belong to the draft). */
export async function listThreads(db: Executor, draftId: string, threadIds?: readonly string[]): Promise<ThreadRow[]> {
  if (threadIds?.length === 0) return [];
  let query = db
    .selectFrom("comment_threads as t")
    .leftJoin("users as r", "r.id", "t.resolved_by")
    .selectAll("t")
    .select("r.name as resolvedByName")
    .where("t.draft_id", "=", draftId);
  if (threadIds) query = query.where("t.id", "in", threadIds);
  return query.orderBy("t.created_at").orderBy("t.id").execute();
}

/** Marks an open thread resolved; false when it already was (nothing written). */
export async function resolveThread(db: Executor, threadId: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable("comment_threads")
    .set({ status: "resolved", resolved_at: new Date(), resolved_by: userId })
    .where("id", "=", threadId)
    .where("status", "=", "open")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Opens a resolved thread again; false when it was open (nothing written). */
export async function reopenThread(db: Executor, threadId: string): Promise<boolean> {
  const result = await db
    .updateTable("comment_threads")
    .set({ status: "open", resolved_at: null, resolved_by: null })
    .where("id", "=", threadId)
    .where("status", "=", "resolved")
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a thread; its comments and their notifications go with it (cascade). */
export async function deleteThread(db: Executor, threadId: string): Promise<void> {
  await db.deleteFrom("comment_threads").where("id", "=", threadId).execute();
}

/** Open threads per draft of a workspace; drafts without any are absent. */
export async function countOpenThreads(db: Executor, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("comment_threads")
    .select(["draft_id", (eb) => eb.fn.countAll<string>().as("open")])
    .where("workspace_id", "=", workspaceId)
    .where("status", "=", "open")
    .groupBy("draft_id")
    .execute();
  return new Map(rows.map((r) => [r.draft_id, Number(r.open)]));
}
