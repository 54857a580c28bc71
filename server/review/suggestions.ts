import type { Kysely } from "kysely";
import { SUBMITTED_COMMENTS_MESSAGE } from "../../core/comments/contract";
import type { SliceJson, SuggestionIntent } from "../../core/suggestions/contract";
import { recordAudit, type AuditAction } from "../../db/queries/audit";
import { lockDraftStatus } from "../../db/queries/draft-status";
import type { Executor } from "../../db/queries/executor";
import { findMembership } from "../../db/queries/memberships";
import { closeSuggestions, insertSuggestionThread, lockSuggestions, reviseSuggestion } from "../../db/queries/suggestions";
import type { Database, SuggestionRow } from "../../db/schema";
import type { Actor, Target } from "./comments";
import { ReviewRefusal } from "./refusal";
import { checkSuggestedInsert } from "./suggestion-slice";

/** Who writes, and whether they may edit the draft (refresh anyone's, decide). */
export interface SuggestionActor extends Actor {
  canEdit: boolean;
}

/** The threads a suggestion intent changed (one, or every decided one), in the order given. */
export interface SuggestionOutcome {
  threadIds: string[];
}

type DecideIntent = Extract<SuggestionIntent, { intent: "decide-suggestions" }>;

/**
 * Applies one suggestion intent in one transaction with its audit event: the change, the
 * thread's anchor and status and the event land together or not at all, and a refusal writes
 * nothing. The caller has checked that the actor may comment on the draft; what only the author
 * or an editor may do is checked here, under the rows' locks.
 */
export async function applySuggestionIntent(
  db: Kysely<Database>,
  actor: SuggestionActor,
  target: Target,
  intent: SuggestionIntent,
): Promise<SuggestionOutcome> {
  // Outside the transaction: a pure check of the request, before any lock is taken.
  if (intent.intent === "suggest" || intent.intent === "revise-suggestion") checkSuggestedInsert(intent.change.insert);
  if (intent.intent === "decide-suggestions" && !actor.canEdit) throw new ReviewRefusal(403, "suggestions.refused.decide");
  return db.transaction().execute(async (tx) => {
    // Shared lock: the draft cannot be submitted between this check and the write.
    if ((await lockDraftStatus(tx, target.draftId, "share")) === "submitted") throw new ReviewRefusal(409, SUBMITTED_COMMENTS_MESSAGE);
    switch (intent.intent) {
      case "suggest": {
        // The author's organisation as it is now: a later move to another one does not re-credit it.
        const membership = await findMembership(tx, target.workspaceId, actor.userId);
        const { threadId } = await insertSuggestionThread(tx, {
          draftId: target.draftId,
          workspaceId: target.workspaceId,
          anchor: intent.change.anchor,
          deleted: intent.change.deleted,
          insert: nonEmpty(intent.change.insert),
          authorId: actor.userId,
          authorName: actor.userName,
          organisationId: membership?.organisation_id ?? null,
          imported: false,
        });
        await auditSuggestion(tx, actor, target, "suggestion.created", threadId);
        return { threadIds: [threadId] };
      }
      case "revise-suggestion": {
        const suggestion = await requireSuggestion(tx, target.draftId, intent.threadId);
        if (suggestion.author_id !== actor.userId) throw new ReviewRefusal(403, "suggestions.refused.ownRevise");
        expectOpen(suggestion, intent.revision);
        const { anchor, deleted, insert } = intent.change;
        await reviseSuggestion(tx, intent.threadId, { anchor, deleted, insert: nonEmpty(insert) });
        await auditSuggestion(tx, actor, target, "suggestion.revised", intent.threadId, { revision: intent.revision + 1 });
        return { threadIds: [intent.threadId] };
      }
      case "refresh-suggestion": {
        const suggestion = await requireSuggestion(tx, target.draftId, intent.threadId);
        if (suggestion.author_id !== actor.userId && !actor.canEdit) throw new ReviewRefusal(403, "suggestions.refused.refresh");
        expectOpen(suggestion, intent.revision);
        // A deletion whose words are all gone would propose nothing: it is withdrawn or rejected.
        if (intent.deleted === "" && suggestion.insert === null) throw new ReviewRefusal(400, "suggestions.change.empty");
        await reviseSuggestion(tx, intent.threadId, { anchor: intent.anchor, deleted: intent.deleted });
        await auditSuggestion(tx, actor, target, "suggestion.refreshed", intent.threadId, { revision: intent.revision + 1 });
        return { threadIds: [intent.threadId] };
      }
      case "withdraw-suggestion": {
        const suggestion = await requireSuggestion(tx, target.draftId, intent.threadId);
        if (suggestion.author_id !== actor.userId) throw new ReviewRefusal(403, "suggestions.refused.ownWithdraw");
        expectOpen(suggestion);
        await closeSuggestions(tx, [intent.threadId], "withdrawn", actor.userId);
        await auditSuggestion(tx, actor, target, "suggestion.withdrawn", intent.threadId);
        return { threadIds: [intent.threadId] };
      }
      case "decide-suggestions":
        return decide(tx, actor, target, intent);
    }
  });
}

/**
 * Accepts or rejects every item, or none: each must be an open suggestion of this draft at the
 * revision the decider saw, so nobody accepts words they have not read. One audit event says
 * how many, and which threads.
 */
async function decide(tx: Executor, actor: SuggestionActor, target: Target, intent: DecideIntent): Promise<SuggestionOutcome> {
  const threadIds = [...new Set(intent.items.map((item) => item.threadId))];
  const rows = new Map((await lockSuggestions(tx, target.draftId, threadIds)).map((row) => [row.thread_id, row]));
  for (const item of intent.items) {
    const row = rows.get(item.threadId);
    if (!row) throw new ReviewRefusal(404, "suggestions.refused.missing");
    expectOpen(row, item.revision);
  }
  const state = intent.decision === "accept" ? "accepted" : "rejected";
  await closeSuggestions(tx, threadIds, state, actor.userId);
  await recordAudit(tx, {
    workspaceId: target.workspaceId,
    actorId: actor.userId,
    action: intent.decision === "accept" ? "suggestion.accepted" : "suggestion.rejected",
    targetType: "draft",
    targetId: target.draftId,
    details: { draftId: target.draftId, draftTitle: target.draftTitle, count: threadIds.length, threadIds },
  });
  return { threadIds };
}

/** The suggestion on this thread of the draft, locked for the rest of the transaction. */
async function requireSuggestion(tx: Executor, draftId: string, threadId: string): Promise<SuggestionRow> {
  const [row] = await lockSuggestions(tx, draftId, [threadId]);
  if (!row) throw new ReviewRefusal(404, "suggestions.refused.missing");
  return row;
}

/** Refuses (409) a suggestion no longer open, or revised since the `revision` the person saw. */
function expectOpen(row: SuggestionRow, revision?: number): void {
  if (row.state !== "open") throw new ReviewRefusal(409, "suggestions.refused.notOpen");
  if (revision !== undefined && row.revision !== revision) throw new ReviewRefusal(409, "suggestions.refused.stale");
}

/** An insert with nothing in it proposes nothing: stored as null, a pure deletion. */
function nonEmpty(insert: SliceJson | null): SliceJson | null {
  return insert && insert.content.length > 0 ? insert : null;
}

/**
 * The audit event of one suggestion's write, in its transaction: ids and numbers, never the
 * deleted or proposed words (a suggestion can be as confidential as a comment).
 */
async function auditSuggestion(
  tx: Executor,
  actor: Actor,
  target: Target,
  action: Extract<AuditAction, `suggestion.${string}`>,
  threadId: string,
  details: { revision?: number } = {},
) {
  await recordAudit(tx, {
    workspaceId: target.workspaceId,
    actorId: actor.userId,
    action,
    targetType: "comment_thread",
    targetId: threadId,
    details: { draftId: target.draftId, draftTitle: target.draftTitle, ...details },
  });
}
