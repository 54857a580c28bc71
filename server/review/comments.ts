import type { Kysely } from "kysely";
import { SUBMITTED_COMMENTS_MESSAGE, type CommentIntent } from "../../core/comments/contract";
import { recordAudit } from "../../db/queries/audit";
import { createThread, deleteThread, lockThreadInDraft, reopenThread, resolveThread } from "../../db/queries/comment-threads";
import {
  countLiveComments,
  createComment,
  deleteComment,
  findCommentInDraft,
  findOpeningCommentId,
  markCommentDeleted,
  updateCommentBody,
} from "../../db/queries/comments";
import { lockDraftStatus } from "../../db/queries/draft-status";
import type { Executor } from "../../db/queries/executor";
import { listMembers } from "../../db/queries/memberships";
import { createNotifications, deleteCommentNotifications } from "../../db/queries/notifications";
import { isSuggestionThread } from "../../db/queries/suggestions";
import type { Database } from "../../db/schema";
import { keepMentions } from "./mentions";
import { ReviewRefusal } from "./refusal";

export interface Actor {
  userId: string;
  userName: string;
}

export interface Target {
  draftId: string;
  workspaceId: string;
  /** For the audit log only, so it can name the draft as it was called at the time. */
  draftTitle: string;
}

/** What a write did: the thread it touched, whether anything changed, whether the thread is gone. */
export interface CommentOutcome {
  threadId: string;
  changed: boolean;
  threadDeleted: boolean;
}

/**
 * Applies one intent in one transaction: the thread or comment, its mention notifications and
 * the checks they rest on land together or not at all. The caller has already checked that the
 * actor may comment on the draft.
 */
export async function applyCommentIntent(
  db: Kysely<Database>,
  actor: Actor,
  target: Target,
  intent: CommentIntent,
): Promise<CommentOutcome> {
  const members = new Map((await listMembers(db, target.workspaceId)).map((m) => [m.userId, m.name]));
  return db.transaction().execute(async (tx) => {
    // Shared lock: the draft cannot be submitted between this check and the write.
    if ((await lockDraftStatus(tx, target.draftId, "share")) === "submitted") throw new ReviewRefusal(409, SUBMITTED_COMMENTS_MESSAGE);
    const mentionsIn = (body: string, requested: readonly string[]) => keepMentions(body, requested, members);
    switch (intent.intent) {
      case "create-thread": {
        const thread = await createThread(tx, { ...target, anchor: intent.anchor, createdBy: actor.userId });
        await addComment(tx, actor, target, thread.id, intent.body, mentionsIn(intent.body, intent.mentions));
        return { threadId: thread.id, changed: true, threadDeleted: false };
      }
      case "reply": {
        await requireThread(tx, target.draftId, intent.threadId);
        await addComment(tx, actor, target, intent.threadId, intent.body, mentionsIn(intent.body, intent.mentions));
        return { threadId: intent.threadId, changed: true, threadDeleted: false };
      }
      case "edit": {
        const comment = await requireOwnComment(tx, actor, target.draftId, intent.commentId, "edit");
        const mentions = mentionsIn(intent.body, intent.mentions);
        await updateCommentBody(tx, comment.id, { body: intent.body, mentions });
        // Newly named people hear of it once; people no longer named lose the notice.
        const added = mentions.filter((id) => !comment.mentions.includes(id));
        await notifyMentions(tx, actor, target, comment.thread_id, comment.id, added);
        await deleteCommentNotifications(tx, comment.id, comment.mentions.filter((id) => !mentions.includes(id)));
        return { threadId: comment.thread_id, changed: true, threadDeleted: false };
      }
      case "delete": {
        const comment = await requireOwnComment(tx, actor, target.draftId, intent.commentId, "delete");
        const threadDeleted = await removeComment(tx, comment.thread_id, comment.id);
        await auditReview(tx, actor, target, "comment.deleted", { type: "comment", id: comment.id }, { threadId: comment.thread_id, threadDeleted });
        return { threadId: comment.thread_id, changed: true, threadDeleted };
      }
      case "resolve":
      case "reopen": {
        await requireThread(tx, target.draftId, intent.threadId);
        // A suggestion's thread is open exactly while the suggestion is (server/review/suggestions.ts).
        if (await isSuggestionThread(tx, intent.threadId)) throw new ReviewRefusal(409, "suggestions.refused.threadStatus");
        const changed = intent.intent === "resolve" ? await resolveThread(tx, intent.threadId, actor.userId) : await reopenThread(tx, intent.threadId);
        // Only a change is recorded: resolving a resolved thread wrote nothing.
        if (changed) {
          const action = intent.intent === "resolve" ? "comment.thread_resolved" : "comment.thread_reopened";
          await auditReview(tx, actor, target, action, { type: "comment_thread", id: intent.threadId });
        }
        return { threadId: intent.threadId, changed, threadDeleted: false };
      }
    }
  });
}

/**
 * The audit event of a review write, in its transaction. Creating and replying are not audited
 * (they are the content itself), and no event carries a comment's words or the quoted text:
 * the log says who did what to which draft and thread, not what was written.
 */
async function auditReview(
  tx: Executor,
  actor: Actor,
  target: Target,
  action: "comment.deleted" | "comment.thread_resolved" | "comment.thread_reopened",
  subject: { type: "comment" | "comment_thread"; id: string },
  details: { threadId?: string; threadDeleted?: boolean } = {},
) {
  await recordAudit(tx, {
    workspaceId: target.workspaceId,
    actorId: actor.userId,
    action,
    targetType: subject.type,
    targetId: subject.id,
    details: { draftId: target.draftId, draftTitle: target.draftTitle, ...details },
  });
}

async function requireThread(tx: Executor, draftId: string, threadId: string) {
  const thread = await lockThreadInDraft(tx, draftId, threadId);
  if (!thread) throw new ReviewRefusal(404, "comments.refused.threadMissing");
  return thread;
}

/** The actor's own live comment in this draft, its thread locked first (the order every write takes). */
async function requireOwnComment(tx: Executor, actor: Actor, draftId: string, commentId: string, verb: "edit" | "delete") {
  const notFound = new ReviewRefusal(404, "comments.refused.commentMissing");
  const seen = await findCommentInDraft(tx, draftId, commentId);
  if (!seen) throw notFound;
  await requireThread(tx, draftId, seen.thread_id);
  // Read again under the thread's lock: a concurrent delete may have removed it meanwhile.
  const comment = await findCommentInDraft(tx, draftId, commentId);
  if (!comment) throw notFound;
  if (comment.author_id !== actor.userId) throw new ReviewRefusal(403, verb === "edit" ? "comments.refused.ownEdit" : "comments.refused.ownDelete");
  return comment;
}

async function addComment(tx: Executor, actor: Actor, target: Target, threadId: string, body: string, mentions: string[]) {
  const comment = await createComment(tx, { threadId, authorId: actor.userId, authorName: actor.userName, body, mentions });
  await notifyMentions(tx, actor, target, threadId, comment.id, mentions);
}

async function notifyMentions(tx: Executor, actor: Actor, target: Target, threadId: string, commentId: string, userIds: readonly string[]) {
  await createNotifications(
    tx,
    userIds
      .filter((id) => id !== actor.userId)
      .map((userId) => ({ userId, ...target, kind: "mention" as const, actorId: actor.userId, threadId, commentId })),
  );
}

/**
 * On a suggestion's thread every comment is a reply to the change, deleted outright; the thread
 * stays until the suggestion is decided or withdrawn. Otherwise deleting the last comment still
 * showing words deletes the thread; deleting the opening comment of a thread with replies
 * empties it and marks it deleted, so the replies keep their context; any other comment is
 * deleted outright. Returns whether the thread went.
 */
async function removeComment(tx: Executor, threadId: string, commentId: string): Promise<boolean> {
  if (await isSuggestionThread(tx, threadId)) {
    await deleteComment(tx, commentId);
    return false;
  }
  if ((await countLiveComments(tx, threadId)) <= 1) {
    await deleteThread(tx, threadId);
    return true;
  }
  if ((await findOpeningCommentId(tx, threadId)) === commentId) {
    await markCommentDeleted(tx, commentId);
    await deleteCommentNotifications(tx, commentId);
  } else {
    await deleteComment(tx, commentId);
  }
  return false;
}
