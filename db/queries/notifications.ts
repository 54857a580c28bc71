import type { ExpressionBuilder } from "kysely";
import type { Database, NotificationKind, SignInMethod } from "../schema";
import type { Executor } from "./executor";

export interface NotificationInput {
  userId: string;
  workspaceId: string;
  draftId: string;
  kind: NotificationKind;
  actorId: string | null;
  threadId?: string | null;
  commentId?: string | null;
}

/** Inserts notifications in one statement (none: no statement). */
export async function createNotifications(db: Executor, inputs: readonly NotificationInput[]): Promise<void> {
  if (inputs.length === 0) return;
  await db
    .insertInto("notifications")
    .values(
      inputs.map((n) => ({
        user_id: n.userId,
        workspace_id: n.workspaceId,
        draft_id: n.draftId,
        kind: n.kind,
        actor_id: n.actorId,
        thread_id: n.threadId ?? null,
        comment_id: n.commentId ?? null,
      })),
    )
    .execute();
}

/** "Someone signed in as you": account-level, so every workspace lists it (issue 22). */
export interface SignInNotificationInput {
  userId: string;
  device: string | null;
  method: SignInMethod;
}

export async function createSignInNotification(db: Executor, input: SignInNotificationInput): Promise<void> {
  await db
    .insertInto("notifications")
    .values({ user_id: input.userId, workspace_id: null, draft_id: null, kind: "sign-in", actor_id: null, device: input.device, sign_in_method: input.method })
    .execute();
}

/** The member's rows of this workspace, and their account-level ones (which belong to every workspace). */
function inWorkspaceOrAccount(workspaceId: string) {
  return (eb: ExpressionBuilder<Database, "notifications">) =>
    eb.or([eb("notifications.workspace_id", "=", workspaceId), eb("notifications.workspace_id", "is", null)]);
}

export interface NotificationListRow {
  id: string;
  kind: NotificationKind;
  /** Null for an account-level notification (a sign-in). */
  draftId: string | null;
  draftTitle: string | null;
  /** A sign-in's browser (User-Agent) and how it signed in; null for the other kinds. */
  device: string | null;
  signInMethod: SignInMethod | null;
  threadId: string | null;
  actorName: string | null;
  /** The mentioning comment's words (null for a review request, or a comment since emptied). */
  commentBody: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** A member's notifications in one workspace (and their account's sign-ins), newest first. */
export async function listNotifications(
  db: Executor,
  userId: string,
  workspaceId: string,
  limit: number,
): Promise<NotificationListRow[]> {
  return db
    .selectFrom("notifications")
    // Left: a sign-in has no draft.
    .leftJoin("drafts as d", "d.id", "notifications.draft_id")
    .leftJoin("users as a", "a.id", "notifications.actor_id")
    .leftJoin("comments as c", "c.id", "notifications.comment_id")
    .select([
      "notifications.id",
      "notifications.kind",
      "notifications.draft_id as draftId",
      "d.title as draftTitle",
      "notifications.device",
      "notifications.sign_in_method as signInMethod",
      "notifications.thread_id as threadId",
      "a.name as actorName",
      "c.body as commentBody",
      "notifications.read_at as readAt",
      "notifications.created_at as createdAt",
    ])
    .where("notifications.user_id", "=", userId)
    .where(inWorkspaceOrAccount(workspaceId))
    .orderBy("notifications.created_at", "desc")
    .orderBy("notifications.id", "desc")
    .limit(limit)
    .execute();
}

export async function countUnreadNotifications(db: Executor, userId: string, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where(inWorkspaceOrAccount(workspaceId))
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the member's unread notifications in a workspace (sign-ins included) read: all of them, or the given ones. */
export async function markNotificationsRead(
  db: Executor,
  userId: string,
  workspaceId: string,
  ids?: readonly string[],
): Promise<number> {
  if (ids?.length === 0) return 0;
  let query = db
    .updateTable("notifications")
    .set({ read_at: new Date() })
    .where("user_id", "=", userId)
    .where(inWorkspaceOrAccount(workspaceId))
    .where("read_at", "is", null);
  if (ids) query = query.where("id", "in", ids);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Withdraws the mention notifications of a comment: for the given people, or for everyone. */
export async function deleteCommentNotifications(db: Executor, commentId: string, userIds?: readonly string[]): Promise<void> {
  if (userIds?.length === 0) return;
  let query = db.deleteFrom("notifications").where("comment_id", "=", commentId);
  if (userIds) query = query.where("user_id", "in", userIds);
  await query.execute();
}
