import type { Kysely } from "kysely";
import type { Role } from "../../core/policies";
import { SUBMITTED_STATUS_MESSAGE } from "../../core/policies/submitted";
import { recordAudit } from "../../db/queries/audit";
import { listDraftReviewers, listReviewCandidates, replaceDraftReviewers } from "../../db/queries/draft-reviewers";
import { lockDraftStatus, updateDraftStatus } from "../../db/queries/draft-status";
import type { Executor } from "../../db/queries/executor";
import { createNotifications } from "../../db/queries/notifications";
import type { Database, Draft, DraftStatus } from "../../db/schema";
import { recordStoredVersion } from "../versions/moments";
import { ReviewRefusal } from "./refusal";

/**
 * A status change as the status form asks it (app/schemas/review.ts parses the form). Only
 * drafting ↔ in review here: "Mark as submitted" (issue 8) freezes the draft and is its own step.
 */
export interface DraftStatusChange {
  status: "drafting" | "in_review";
  reviewerIds: string[];
}

/**
 * Moves a draft between drafting and in review, in one transaction with its row locked.
 * In review needs at least one reviewer who can comment (owner, editor or reviewer); the
 * reviewers are replaced by the chosen ones. Each reviewer is asked (a notification) when a
 * review round starts, and a reviewer added during the round when added; never the actor.
 * Back to drafting keeps the assignments, so the next round starts with the same people ticked.
 * Each change writes its audit event (status from → to, or the reviewers changed) in the same
 * transaction; a refusal or a request that changes nothing writes none.
 */
export async function changeDraftStatus(
  db: Kysely<Database>,
  actor: { userId: string },
  draft: DraftRef,
  change: DraftStatusChange,
): Promise<{ status: DraftStatus; changed: boolean }> {
  const reviewerIds = [...new Set(change.reviewerIds)];
  const names = new Map<string, string>();
  if (change.status === "in_review") {
    if (reviewerIds.length === 0) throw new ReviewRefusal(400, "editor.status.chooseReviewer");
    for (const c of await listReviewCandidates(db, draft.workspaceId)) names.set(c.userId, c.name);
    if (!reviewerIds.every((id) => names.has(id))) {
      throw new ReviewRefusal(400, "editor.status.reviewerRoles");
    }
  }
  return db.transaction().execute(async (tx) => {
    const current = await lockDraftStatus(tx, draft.id, "update");
    if (current === undefined) throw new ReviewRefusal(404, "editor.status.draftNotFound");
    if (current === "submitted") throw new ReviewRefusal(409, SUBMITTED_STATUS_MESSAGE);
    const audit = (action: "draft.status_changed" | "draft.reviewers_changed", details: Record<string, unknown>) =>
      recordAudit(tx, {
        workspaceId: draft.workspaceId,
        actorId: actor.userId,
        action,
        targetType: "draft",
        targetId: draft.id,
        details: { title: draft.title, ...details },
      });
    if (change.status === "drafting") {
      if (current === "drafting") return { status: current, changed: false };
      await updateDraftStatus(tx, draft.id, "drafting");
      await recordStoredVersion(tx, draft.id, { kind: "status", actorId: actor.userId });
      await audit("draft.status_changed", { from: current, to: "drafting" });
      return { status: "drafting" as const, changed: true };
    }
    // Names of the reviewers being replaced too: one may have left the candidates since.
    for (const r of await listDraftReviewers(tx, draft.id)) if (!names.has(r.userId)) names.set(r.userId, r.name);
    const { added, removed } = await replaceDraftReviewers(tx, draft.id, reviewerIds, actor.userId);
    const startsRound = current !== "in_review";
    if (startsRound) {
      await updateDraftStatus(tx, draft.id, "in_review");
      await recordStoredVersion(tx, draft.id, { kind: "status", actorId: actor.userId });
    }
    await askForReview(tx, actor.userId, draft, startsRound ? reviewerIds : added);
    // Ids with today's names: the log still names them after a rename, or once they have left.
    const named = (ids: readonly string[]) => ids.map((id) => ({ id, name: names.get(id) ?? null }));
    if (startsRound) await audit("draft.status_changed", { from: current, to: "in_review", reviewers: named(reviewerIds) });
    else if (added.length > 0 || removed.length > 0) await audit("draft.reviewers_changed", { reviewers: named(reviewerIds), added: named(added), removed: named(removed) });
    return { status: "in_review" as const, changed: startsRound || added.length > 0 || removed.length > 0 };
  });
}

/** The draft a status change is about; its title is for the audit log only. */
interface DraftRef {
  id: string;
  workspaceId: string;
  title: string;
}

async function askForReview(tx: Executor, actorId: string, draft: DraftRef, userIds: readonly string[]) {
  await createNotifications(
    tx,
    userIds
      .filter((id) => id !== actorId)
      .map((userId) => ({ userId, workspaceId: draft.workspaceId, draftId: draft.id, kind: "review-request" as const, actorId })),
  );
}

/** What <DraftStatusControl> (app/components/draft-status-control.tsx) shows and sends. */
export interface DraftStatusControlData {
  workspaceId: string;
  draftId: string;
  status: DraftStatus;
  /** Members a draft may be sent to: owners, editors and reviewers, by name. */
  candidates: Array<{ id: string; name: string; role: Role }>;
  /** The reviewers assigned now (or in the last review round). */
  reviewerIds: string[];
  /** The workspace's edit ability; the status route checks it again. */
  canChange: boolean;
}

/**
 * The props of <DraftStatusControl> for a draft, for the draft page's loader. `canChange` is
 * the workspace's `edit` ability; the status route checks it again.
 */
export async function loadDraftStatusControl(db: Executor, draft: Draft, canChange: boolean): Promise<DraftStatusControlData> {
  const candidates = await listReviewCandidates(db, draft.workspace_id);
  const assigned = await listDraftReviewers(db, draft.id);
  return {
    workspaceId: draft.workspace_id,
    draftId: draft.id,
    status: draft.status,
    candidates: candidates.map((c) => ({ id: c.userId, name: c.name, role: c.role })),
    reviewerIds: assigned.map((r) => r.userId),
    canChange,
  };
}
