import type { Anchor } from "../../core/comments/contract";
import type { CommentThread } from "../schema";
import type { Executor } from "./executor";

export interface ThreadRow extends CommentThread {
  resolvedByName: string | null;
}

/** A new thread; `createdBy` null for one brought in from Word, `createdAt` its Word date. */
export async function createThread(
  db: Executor,
  input: { draftId: string; workspaceId: string; anchor: Anchor; createdBy: string | null; createdAt?: Date },
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

/** A thread brought in with its comments from a Word file (ids made by the caller, so comments can name their thread in the same batch). */
export interface ImportedThreadRow {
  id: string;
  draftId: string;
  workspaceId: string;
  anchor: Anchor;
  createdBy: string | null;
  createdAt: Date;
  resolved: boolean;
  comments: Array<{ authorId: string | null; authorName: string; body: string; createdAt: Date }>;
}

/** Rows per INSERT: a few hundred keeps each statement well under PostgreSQL's 65,535 parameters. */
const BATCH = 500;

/**
 * Writes imported threads and their comments with a handful of multi-row INSERTs rather than one
 * round trip per row: a Word file may bring a thousand comments, all inside the import's
 * transaction. Resolved threads arrive resolved by no Caucus account.
 */
export async function insertImportedThreads(db: Executor, threads: readonly ImportedThreadRow[]): Promise<void> {
  const now = new Date();
  for (let i = 0; i < threads.length; i += BATCH) {
    const rows = threads.slice(i, i + BATCH).map((t) => ({
      id: t.id,
      draft_id: t.draftId,
      workspace_id: t.workspaceId,
      anchor_start: t.anchor.start,
      anchor_end: t.anchor.end,
      quote: t.anchor.quote,
      created_by: t.createdBy,
      created_at: t.createdAt,
      status: t.resolved ? ("resolved" as const) : ("open" as const),
      resolved_at: t.resolved ? now : null,
    }));
    if (rows.length) await db.insertInto("comment_threads").values(rows).execute();
  }
  const comments = threads.flatMap((t) => t.comments.map((c) => ({ thread_id: t.id, author_id: c.authorId, author_name: c.authorName, body: c.body, mentions: [] as string[], created_at: c.createdAt })));
  for (let i = 0; i < comments.length; i += BATCH) {
    await db.insertInto("comments").values(comments.slice(i, i + BATCH)).execute();
  }
}
