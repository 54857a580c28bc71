import type { CommentView, ThreadView } from "../../core/comments/contract";
import type { SuggestionView } from "../../core/suggestions/contract";
import { listComments } from "../../db/queries/comments";
import { listThreads } from "../../db/queries/comment-threads";
import { listSuggestions, type SuggestionListRow } from "../../db/queries/suggestions";
import type { CommentRow } from "../../db/schema";
import type { Executor } from "../../db/queries/executor";

function toCommentView(row: CommentRow): CommentView {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    mentions: row.mentions,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted: row.deleted_at !== null,
  };
}

function toSuggestionView(row: SuggestionListRow): SuggestionView {
  return {
    state: row.state,
    revision: row.revision,
    deleted: row.deleted_text,
    insert: row.insert,
    authorId: row.author_id,
    authorName: row.author_name,
    organisationId: row.organisation_id,
    organisationName: row.organisationName,
    imported: row.imported,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedByName: row.decidedByName,
  };
}

/** A draft's threads as the browser sees them (or only the given ones), in three queries. */
export async function loadThreadViews(db: Executor, draftId: string, threadIds?: readonly string[]): Promise<ThreadView[]> {
  const threads = await listThreads(db, draftId, threadIds);
  const ids = threads.map((t) => t.id);
  const comments = await listComments(db, ids);
  const suggestions = new Map((await listSuggestions(db, ids)).map((row) => [row.thread_id, toSuggestionView(row)]));
  const byThread = new Map<string, CommentView[]>();
  for (const row of comments) {
    const list = byThread.get(row.thread_id) ?? [];
    list.push(toCommentView(row));
    byThread.set(row.thread_id, list);
  }
  return threads.map((t) => ({
    id: t.id,
    draftId: t.draft_id,
    anchor: { start: t.anchor_start, end: t.anchor_end, quote: t.quote },
    status: t.status,
    createdBy: t.created_by,
    createdAt: t.created_at.toISOString(),
    resolvedAt: t.resolved_at?.toISOString() ?? null,
    resolvedByName: t.resolvedByName,
    comments: byThread.get(t.id) ?? [],
    suggestion: suggestions.get(t.id) ?? null,
  }));
}

/** One thread as the browser sees it; undefined when it is not (or no longer) in this draft. */
export async function loadThreadView(db: Executor, draftId: string, threadId: string): Promise<ThreadView | undefined> {
  const [view] = await loadThreadViews(db, draftId, [threadId]);
  return view;
}
