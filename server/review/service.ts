import type { CommentIntent, ThreadView } from "../../core/comments/contract";
import type { SuggestionIntent } from "../../core/suggestions/contract";
import { listMembers } from "../../db/queries/memberships";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "../../db/queries/notifications";
import type { Draft, DraftStatus } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { applyCommentIntent, type Actor, type Target } from "./comments";
import { refusable, type Refused } from "../refusal";
import { applySuggestionIntent, type SuggestionActor } from "./suggestions";
import { changeDraftStatus, loadDraftStatusControl, type DraftStatusChange } from "./status";
import { loadThreadView, loadThreadViews } from "./thread-views";

export type { DraftStatusChange, DraftStatusControlData } from "./status";
export type { NotificationListRow } from "../../db/queries/notifications";

/** A review write refused for a reason the person can act on; nothing was written. */
export type ReviewRefused = Refused;

/**
 * Review of a draft: comment threads (written over HTTP, never through the Y.Doc), the draft's
 * status and reviewers, and the notifications they send. After a write commits, every open
 * editor of the draft hears of it (a "thread" or "status" event) and fetches it again.
 */
export function createReviewService({ db, collab }: Pick<ServiceDeps, "db" | "collab">) {
  return {
    /** The draft's threads as the browser sees them (or only the given ones). */
    threads: (draftId: string, threadIds?: readonly string[]): Promise<ThreadView[]> => loadThreadViews(db, draftId, threadIds),

    /** The workspace's members who can be @mentioned, by name. */
    async mentionable(workspaceId: string): Promise<Array<{ id: string; name: string }>> {
      return (await listMembers(db, workspaceId)).map((m) => ({ id: m.userId, name: m.name }));
    },

    /**
     * Applies one comment intent (the caller has checked that the actor may comment) and
     * answers the thread as it now is, null once deleted.
     */
    applyComment(actor: Actor, target: Target, intent: CommentIntent) {
      return refusable(async () => {
        const outcome = await applyCommentIntent(db, actor, target, intent);
        // After the commit, so the browsers that fetch on this event read what was written.
        if (outcome.changed) collab.announce(target.draftId, { type: "thread", threadId: outcome.threadId });
        const thread = outcome.threadDeleted ? null : ((await loadThreadView(db, target.draftId, outcome.threadId)) ?? null);
        return { threadId: outcome.threadId, thread };
      });
    },

    /**
     * Applies one suggestion intent (issue 20; the caller has checked that the actor may
     * comment, and says whether they may edit) and announces every thread it changed. Answers
     * their ids and, for an intent on one suggestion, its thread as it now is; a decision on
     * many answers ids only (each browser fetches what the announcement tells it to).
     */
    applySuggestion(actor: SuggestionActor, target: Target, intent: SuggestionIntent) {
      return refusable(async (): Promise<{ threadIds: string[]; thread: ThreadView | null }> => {
        const { threadIds } = await applySuggestionIntent(db, actor, target, intent);
        // After the commit, on every node (the Redis fan-out), so browsers read what was written.
        for (const threadId of threadIds) collab.announce(target.draftId, { type: "thread", threadId });
        const one = intent.intent === "decide-suggestions" ? undefined : threadIds[0];
        return { threadIds, thread: one === undefined ? null : ((await loadThreadView(db, target.draftId, one)) ?? null) };
      });
    },

    /** Moves the draft between drafting and in review (status.ts says what each step writes). */
    changeStatus(actor: { userId: string }, draft: { id: string; workspaceId: string; title: string }, change: DraftStatusChange) {
      return refusable(async (): Promise<{ status: DraftStatus }> => {
        const result = await changeDraftStatus(db, actor, draft, change);
        if (result.changed) collab.announce(draft.id, { type: "status" });
        return { status: result.status };
      });
    },

    /** What the draft page's status control shows; `canChange` is the workspace's edit ability. */
    statusControl: (draft: Draft, canChange: boolean) => loadDraftStatusControl(db, draft, canChange),

    notifications: (userId: string, workspaceId: string, limit: number) => listNotifications(db, userId, workspaceId, limit),
    unreadNotifications: (userId: string, workspaceId: string) => countUnreadNotifications(db, userId, workspaceId),
    /** Marks the user's own notifications read (all, or the given ids); someone else's match nothing. */
    markNotificationsRead: (userId: string, workspaceId: string, ids?: string[]) => markNotificationsRead(db, userId, workspaceId, ids),
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
