import type { AuditEvent } from "../schema";
import type { Executor } from "./executor";

/** Actions recorded in the audit log; a closed list so the log page can describe each one. */
export type AuditAction =
  | "workspace.created"
  | "workspace.updated"
  | "workspace.two_step_required"
  | "organisation.added"
  | "organisation.updated"
  | "organisation.removed"
  | "organisation.focal_point_set"
  | "invitation.created"
  | "invitation.revoked"
  | "invitation.accepted"
  | "member.role_changed"
  | "member.removed"
  | "member.left"
  | "draft.created"
  | "draft.imported"
  | "draft.status_changed"
  | "draft.reviewers_changed"
  | "draft.exported"
  | "draft.submitted"
  | "draft.reopened"
  | "draft.version_named"
  | "draft.restored"
  | "draft.budgets_changed"
  | "draft.sign_off_requested"
  | "draft.signed_off"
  | "comment.thread_resolved"
  | "comment.thread_reopened"
  | "comment.deleted"
  | "suggestion.created"
  | "suggestion.revised"
  | "suggestion.refreshed"
  | "suggestion.withdrawn"
  | "suggestion.accepted"
  | "suggestion.rejected"
  | "library.imported"
  | "library.exported"
  | "library.recommendation_deleted";

export interface AuditInput {
  workspaceId: string;
  actorId: string | null;
  action: AuditAction;
  targetType: "workspace" | "organisation" | "invitation" | "membership" | "draft" | "comment_thread" | "comment" | "recommendation";
  targetId: string | null;
  /**
   * What the description needs. Review events say who did what to which draft or thread, never
   * what was written: no comment body, no quoted draft text (comments can be confidential).
   */
  details?: Record<string, unknown>;
}

/** Appends one event. Call inside the transaction of the change it records, so both land or neither. */
export async function recordAudit(db: Executor, event: AuditInput): Promise<void> {
  await db
    .insertInto("audit_events")
    .values({
      workspace_id: event.workspaceId,
      actor_id: event.actorId,
      action: event.action,
      target_type: event.targetType,
      target_id: event.targetId,
      details: JSON.stringify(event.details ?? {}),
    })
    .execute();
}

export interface AuditRow extends AuditEvent {
  actorName: string | null;
}

/** Newest first, keyset-paginated on id (`before`). */
export async function listAudit(
  db: Executor,
  workspaceId: string,
  options: { limit: number; before?: string },
): Promise<AuditRow[]> {
  let query = db
    .selectFrom("audit_events as a")
    .leftJoin("users as u", "u.id", "a.actor_id")
    .selectAll("a")
    .select("u.name as actorName")
    .where("a.workspace_id", "=", workspaceId);
  if (options.before) query = query.where("a.id", "<", options.before);
  return query.orderBy("a.id", "desc").limit(options.limit).execute();
}
