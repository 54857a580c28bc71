import { canRequestSignOff, canSignFor, type SignOffActor } from "../../core/policies";
import { recordAudit } from "../../db/queries/audit";
import { findVersion } from "../../db/queries/draft-versions";
import { lockDraftStatus } from "../../db/queries/draft-status";
import type { Executor } from "../../db/queries/executor";
import { createNotifications } from "../../db/queries/notifications";
import { currentSignOffRequest, insertSignOff, insertSignOffRequest, listFocalPoints } from "../../db/queries/sign-offs";
import type { SignOffDecision } from "../../db/schema";
import { SignOffRefusal } from "./refusal";

export const SIGN_OFF_TEXT_MAX_CHARS = 4000;

type DraftRef = { id: string; workspace_id: string; title: string };

/**
 * Locks the draft's row FOR SHARE for the rest of the transaction: a submission's final
 * transaction holds it FOR UPDATE, so a sign-off either commits before the submission reads the
 * sign-offs or waits and then finds the draft submitted (409).
 */
async function lockOpenDraft(tx: Executor, draftId: string): Promise<void> {
  const status = await lockDraftStatus(tx, draftId, "share");
  if (status === undefined) throw new SignOffRefusal(404, "signOff.refused.notFound");
  if (status === "submitted") throw new SignOffRefusal(409, "signOff.refused.submitted");
}

/**
 * The coordinator asks for sign-off on a named version of this draft; the new request supersedes
 * the one before. The focal points of the organisations on the version's cover are notified.
 */
export async function requestSignOff(tx: Executor, actor: SignOffActor, draft: DraftRef, input: { versionId: string; message: string }): Promise<{ requestId: string; notified: number }> {
  if (!canRequestSignOff(actor)) throw new SignOffRefusal(403, "signOff.refused.forbidden");
  await lockOpenDraft(tx, draft.id);
  const version = await findVersion(tx, draft.id, input.versionId);
  if (!version) throw new SignOffRefusal(404, "signOff.refused.versionNotFound");
  if (version.name === null) throw new SignOffRefusal(409, "signOff.refused.versionNotNamed");
  const message = input.message.trim();
  if (message.length > SIGN_OFF_TEXT_MAX_CHARS) throw new SignOffRefusal(400, "signOff.refused.tooLong");
  const { id: requestId } = await insertSignOffRequest(tx, { draftId: draft.id, versionId: version.id, message, requestedBy: actor.userId });
  const organisationIds = new Set(version.cover.organisations ?? []);
  const focalPoints = (await listFocalPoints(tx, draft.workspace_id)).filter((o) => organisationIds.has(o.id) && o.focalPoint).map((o) => o.focalPoint!.id);
  const recipients = [...new Set(focalPoints)].filter((id) => id !== actor.userId);
  await createNotifications(tx, recipients.map((userId) => ({ userId, workspaceId: draft.workspace_id, draftId: draft.id, kind: "sign-off-request" as const, actorId: actor.userId })));
  await recordAudit(tx, {
    workspaceId: draft.workspace_id,
    actorId: actor.userId,
    action: "draft.sign_off_requested",
    targetType: "draft",
    targetId: draft.id,
    // Never the message's words: the audit says who asked on which version, not what was written.
    details: { title: draft.title, requestId, versionId: version.id, versionName: version.name, organisations: organisationIds.size },
  });
  return { requestId, notified: recipients.length };
}

/**
 * An organisation's focal point answers the current request: approves the request's version, or
 * requests changes with a comment (required). A superseded request is refused (409): the person
 * signs what they were shown.
 */
export async function signOff(
  tx: Executor,
  actor: SignOffActor & { name: string },
  draft: DraftRef,
  input: { requestId: string; organisationId: string; decision: SignOffDecision; comment: string },
): Promise<{ signOffId: string }> {
  const organisation = (await listFocalPoints(tx, draft.workspace_id)).find((o) => o.id === input.organisationId);
  if (!organisation) throw new SignOffRefusal(404, "signOff.refused.organisationNotFound");
  if (!canSignFor(actor, { id: organisation.id, focalPointId: organisation.focalPoint?.id ?? null })) throw new SignOffRefusal(403, "signOff.refused.notFocalPoint");
  const comment = input.comment.trim();
  if (input.decision === "changes_requested" && !comment) throw new SignOffRefusal(400, "signOff.refused.commentRequired");
  if (comment.length > SIGN_OFF_TEXT_MAX_CHARS) throw new SignOffRefusal(400, "signOff.refused.tooLong");
  await lockOpenDraft(tx, draft.id);
  const request = await currentSignOffRequest(tx, draft.id);
  if (!request || request.id !== input.requestId) throw new SignOffRefusal(409, "signOff.refused.superseded");
  if (!request.organisationIds.includes(organisation.id)) throw new SignOffRefusal(409, "signOff.refused.notAsked");
  const { id: signOffId } = await insertSignOff(tx, {
    draftId: draft.id,
    requestId: request.id,
    versionId: request.versionId,
    organisationId: organisation.id,
    decision: input.decision,
    comment,
    signedBy: actor.userId,
    signedByName: actor.name,
  });
  await recordAudit(tx, {
    workspaceId: draft.workspace_id,
    actorId: actor.userId,
    action: "draft.signed_off",
    targetType: "draft",
    targetId: draft.id,
    details: { title: draft.title, organisationId: organisation.id, organisation: organisation.name, decision: input.decision, versionId: request.versionId, versionName: request.versionName },
  });
  return { signOffId };
}
