import type { NotificationKind } from "../schema";
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

export interface NotificationListRow {
  id: string;
  kind: NotificationKind;
  draftId: string;
  draftTitle: string;
  threadId: string | null;
  actorName: string | null;
  /** The mentioning comment's words (null for a review request, or a comment since emptied). */
  commentBody: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** A member's notifications in one workspace, newest first. */
export async function listNotifications(
  db: Executor,
  userId: string,
  workspaceId: string,
  limit: number,
): Promise<NotificationListRow[]> {
  return db
    .selectFrom("notifications as n")
    .innerJoin("drafts as d", "d.id", "n.draft_id")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .leftJoin("comments as c", "c.id", "n.comment_id")
    .select([
      "n.id",
      "n.kind",
      "n.draft_id as draftId",
      "d.title as draftTitle",
      "n.thread_id as threadId",
      "a.name as actorName",
      "c.body as commentBody",
      "n.read_at as readAt",
      "n.created_at as createdAt",
    ])
    .where("n.user_id", "=", userId)
    .where("n.workspace_id", "=", workspaceId)
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .limit(limit)
    .execute();
}

export async function countUnreadNotifications(db: Executor, userId: string, workspaceId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where("workspace_id", "=", workspaceId)
    .where("read_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks the member's unread notifications in a workspace read: all of them, or the given ones. */
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
    .where("workspace_id", "=", workspaceId)
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
