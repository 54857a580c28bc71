import type { CommentRow } from "../schema";
import type { Executor } from "./executor";

export async function createComment(
  db: Executor,
  input: { threadId: string; authorId: string; authorName: string; body: string; mentions: readonly string[] },
): Promise<CommentRow> {
  return db
    .insertInto("comments")
    .values({
      thread_id: input.threadId,
      author_id: input.authorId,
      author_name: input.authorName,
      body: input.body,
      mentions: [...input.mentions],
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The comments of the given threads, oldest first within each (the first opens the thread). */
export async function listComments(db: Executor, threadIds: readonly string[]): Promise<CommentRow[]> {
  if (threadIds.length === 0) return [];
  return db
    .selectFrom("comments")
    .selectAll()
    .where("thread_id", "in", threadIds)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/**
 * A comment of this draft that has not been deleted. Call after locking its thread
 * (lockThreadInDraft) when about to change it; a comment of another draft is not found.
 */
export async function findCommentInDraft(db: Executor, draftId: string, commentId: string): Promise<CommentRow | undefined> {
  return db
    .selectFrom("comments as c")
    .innerJoin("comment_threads as t", "t.id", "c.thread_id")
    .selectAll("c")
    .where("c.id", "=", commentId)
    .where("t.draft_id", "=", draftId)
    .where("c.deleted_at", "is", null)
    .executeTakeFirst();
}

export async function updateCommentBody(
  db: Executor,
  commentId: string,
  changes: { body: string; mentions: readonly string[] },
): Promise<void> {
  await db
    .updateTable("comments")
    .set({ body: changes.body, mentions: [...changes.mentions], edited_at: new Date() })
    .where("id", "=", commentId)
    .execute();
}

/** The id of a thread's opening comment (deleted or not). */
export async function findOpeningCommentId(db: Executor, threadId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("comments")
    .select("id")
    .where("thread_id", "=", threadId)
    .orderBy("created_at")
    .orderBy("id")
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

/** Comments of a thread still showing their words. */
export async function countLiveComments(db: Executor, threadId: string): Promise<number> {
  const row = await db
    .selectFrom("comments")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("thread_id", "=", threadId)
    .where("deleted_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Empties an opening comment and marks it deleted, so the replies under it keep their place. */
export async function markCommentDeleted(db: Executor, commentId: string): Promise<void> {
  await db
    .updateTable("comments")
    .set({ body: "", mentions: [], deleted_at: new Date() })
    .where("id", "=", commentId)
    .execute();
}

/** Deletes a comment row; notifications about it go with it (cascade). */
export async function deleteComment(db: Executor, commentId: string): Promise<void> {
  await db.deleteFrom("comments").where("id", "=", commentId).execute();
}
