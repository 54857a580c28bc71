import type { SliceJson, SuggestionAnchor, SuggestionState } from "../../core/suggestions/contract";
import type { SuggestionRow } from "../schema";
import type { Executor } from "./executor";
import { createThread } from "./comment-threads";

/**
 * Suggestions (issue 20): a comment thread plus the change it proposes. The thread row holds the
 * anchor, the status and the replies; the suggestions row of the same id holds the change.
 */

export interface NewSuggestion {
  draftId: string;
  workspaceId: string;
  /** Start and end as Yjs relative positions; start = end and an empty quote for an insertion. */
  anchor: SuggestionAnchor;
  /** The accepted text between the anchors as the author saw it ("" for a pure insertion). */
  deleted: string;
  /** ProseMirror Slice JSON, null for a pure deletion; the caller has checked it fits the schema. */
  insert: SliceJson | null;
  /** null for a tracked change imported from Word that was not the importer's own. */
  authorId: string | null;
  authorName: string;
  organisationId: string | null;
  imported: boolean;
  /** When it was proposed (a Word tracked change's date); now when absent. */
  createdAt?: Date;
}

/**
 * Creates the thread and its suggestion: two rows, one id. Call inside a transaction (the
 * review service's, or a Word import's) so both land or neither. Answers the thread's id.
 */
export async function insertSuggestionThread(db: Executor, input: NewSuggestion): Promise<{ threadId: string }> {
  const createdAt = input.createdAt ?? new Date();
  const thread = await createThread(db, { draftId: input.draftId, workspaceId: input.workspaceId, anchor: input.anchor, createdBy: input.authorId, createdAt });
  await db
    .insertInto("suggestions")
    .values({
      thread_id: thread.id,
      draft_id: input.draftId,
      organisation_id: input.organisationId,
      author_id: input.authorId,
      author_name: input.authorName,
      imported: input.imported,
      deleted_text: input.deleted,
      insert: input.insert === null ? null : JSON.stringify(input.insert),
      created_at: createdAt,
      updated_at: createdAt,
    })
    .execute();
  return { threadId: thread.id };
}

/**
 * The suggestions of these threads of the draft, locked for the rest of the transaction, in
 * thread id order: every write that locks several takes them in that order, so two "accept
 * all" requests wait for each other instead of deadlocking. The threads are locked first.
 */
export async function lockSuggestions(db: Executor, draftId: string, threadIds: readonly string[]): Promise<SuggestionRow[]> {
  if (threadIds.length === 0) return [];
  await db
    .selectFrom("comment_threads")
    .select("id")
    .where("draft_id", "=", draftId)
    .where("id", "in", threadIds)
    .orderBy("id")
    .forUpdate()
    .execute();
  return db
    .selectFrom("suggestions")
    .selectAll()
    .where("draft_id", "=", draftId)
    .where("thread_id", "in", threadIds)
    .orderBy("thread_id")
    .forUpdate()
    .execute();
}

/** Whether a thread carries a suggestion (its status then follows the suggestion's state). */
export async function isSuggestionThread(db: Executor, threadId: string): Promise<boolean> {
  const row = await db.selectFrom("suggestions").select("thread_id").where("thread_id", "=", threadId).executeTakeFirst();
  return row !== undefined;
}

/**
 * A new version of an open suggestion: a revision changes the anchor, the deleted text and the
 * insert; a refresh re-anchors it on the text as it is now (insert unchanged). Bumps the revision.
 */
export async function reviseSuggestion(
  db: Executor,
  threadId: string,
  change: { anchor: SuggestionAnchor; deleted: string; insert?: SliceJson | null },
): Promise<void> {
  const now = new Date();
  await db
    .updateTable("comment_threads")
    .set({ anchor_start: change.anchor.start, anchor_end: change.anchor.end, quote: change.anchor.quote })
    .where("id", "=", threadId)
    .execute();
  await db
    .updateTable("suggestions")
    .set((eb) => ({
      deleted_text: change.deleted,
      ...(change.insert === undefined ? {} : { insert: change.insert === null ? null : JSON.stringify(change.insert) }),
      revision: eb("revision", "+", 1),
      updated_at: now,
    }))
    .where("thread_id", "=", threadId)
    .execute();
}

/**
 * Closes open suggestions (accepted, rejected or withdrawn) and resolves their threads, by
 * `userId`, at one moment. The caller has locked them and checked that each is open.
 */
export async function closeSuggestions(db: Executor, threadIds: readonly string[], state: Exclude<SuggestionState, "open">, userId: string): Promise<void> {
  if (threadIds.length === 0) return;
  const now = new Date();
  await db
    .updateTable("suggestions")
    .set({ state, decided_by: userId, decided_at: now, updated_at: now })
    .where("thread_id", "in", threadIds)
    .execute();
  await db
    .updateTable("comment_threads")
    .set({ status: "resolved", resolved_at: now, resolved_by: userId })
    .where("id", "in", threadIds)
    .execute();
}

export interface SuggestionListRow extends SuggestionRow {
  organisationName: string | null;
  decidedByName: string | null;
}

/** The suggestions of the given threads (those that are suggestions), with the names a card shows. */
export async function listSuggestions(db: Executor, threadIds: readonly string[]): Promise<SuggestionListRow[]> {
  if (threadIds.length === 0) return [];
  return db
    .selectFrom("suggestions as s")
    .leftJoin("organisations as o", "o.id", "s.organisation_id")
    .leftJoin("users as d", "d.id", "s.decided_by")
    .selectAll("s")
    .select(["o.name as organisationName", "d.name as decidedByName"])
    .where("s.thread_id", "in", threadIds)
    .execute();
}
