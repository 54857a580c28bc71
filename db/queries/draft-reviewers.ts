import type { Role } from "../../core/policies/roles";
import type { Executor } from "./executor";

/** Roles that can comment, so a draft can be sent to them for review (viewers cannot comment). */
export const REVIEWING_ROLES = ["owner", "editor", "reviewer"] as const satisfies readonly Role[];

export interface ReviewerRow {
  userId: string;
  name: string;
  role: Role;
}

/** The workspace's members a draft may be sent to for review, by name. */
export async function listReviewCandidates(db: Executor, workspaceId: string): Promise<ReviewerRow[]> {
  return db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["u.id as userId", "u.name", "m.role"])
    .where("m.workspace_id", "=", workspaceId)
    .where("m.role", "in", REVIEWING_ROLES)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
}

/** A draft's assigned reviewers who are still members of its workspace, by name. */
export async function listDraftReviewers(db: Executor, draftId: string): Promise<ReviewerRow[]> {
  return db
    .selectFrom("draft_reviewers as r")
    .innerJoin("drafts as d", "d.id", "r.draft_id")
    .innerJoin("memberships as m", (join) => join.onRef("m.workspace_id", "=", "d.workspace_id").onRef("m.user_id", "=", "r.user_id"))
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.id as userId", "u.name", "m.role"])
    .where("r.draft_id", "=", draftId)
    .orderBy("u.name")
    .orderBy("u.id")
    .execute();
}

/**
 * Makes `userIds` the draft's reviewers: others are removed, those already assigned keep their
 * assignment date. Returns who was added and who removed. Run inside the status change's
 * transaction.
 */
export async function replaceDraftReviewers(
  db: Executor,
  draftId: string,
  userIds: readonly string[],
  assignedBy: string,
): Promise<{ added: string[]; removed: string[] }> {
  let removal = db.deleteFrom("draft_reviewers").where("draft_id", "=", draftId);
  if (userIds.length > 0) removal = removal.where("user_id", "not in", userIds);
  const removed = await removal.returning("user_id").execute();
  const added =
    userIds.length === 0
      ? []
      : await db
          .insertInto("draft_reviewers")
          .values(userIds.map((userId) => ({ draft_id: draftId, user_id: userId, assigned_by: assignedBy })))
          .onConflict((oc) => oc.columns(["draft_id", "user_id"]).doNothing())
          .returning("user_id")
          .execute();
  return { added: added.map((r) => r.user_id), removed: removed.map((r) => r.user_id) };
}

/** The drafts of a workspace now in review that wait for this member's review. */
export async function listDraftsAwaitingReviewBy(db: Executor, workspaceId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("draft_reviewers as r")
    .innerJoin("drafts as d", "d.id", "r.draft_id")
    .select("d.id")
    .where("r.user_id", "=", userId)
    .where("d.workspace_id", "=", workspaceId)
    .where("d.status", "=", "in_review")
    .execute();
  return rows.map((r) => r.id);
}
