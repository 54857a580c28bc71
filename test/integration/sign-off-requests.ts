import type { AppLoadContext } from "@remix-run/node";
import * as Y from "yjs";
import * as signOffRoute from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.sign-off";
import * as organisationsRoute from "../../app/routes/workspaces.$workspaceId.organisations";
import type { SignOffAnswer, SignOffState } from "../../app/routes/workspaces.$workspaceId.drafts.$draftId_.sign-off";
import { BODY_FIELD } from "../../core/editor";
import type { DatabaseHandle } from "../../db/client";
import { appendDraftUpdates, loadDraftDocument } from "../../db/queries/draft-documents";
import { findVersion } from "../../db/queries/draft-versions";
import { insertSignOff, insertSignOffRequest } from "../../db/queries/sign-offs";
import { recordStoredVersion } from "../../server/versions/moments";
import { makeRequest, run, runJson } from "../remix";

export const signOffPath = (workspaceId: string, draftId: string) => `/workspaces/${workspaceId}/drafts/${draftId}/sign-off`;

/** GET …/sign-off as the panel reads it. */
export async function readSignOff(context: AppLoadContext, workspaceId: string, draftId: string, token: string | undefined) {
  const answer = await runJson(signOffRoute.loader, makeRequest(signOffPath(workspaceId, draftId), { token }), context, { workspaceId, draftId });
  return { status: answer.status, state: answer.body as SignOffState };
}

/** POST one sign-off intent as the panel sends it (a form). */
export async function postSignOff(context: AppLoadContext, workspaceId: string, draftId: string, token: string | undefined, form: Record<string, string>) {
  const answer = await runJson(signOffRoute.action, makeRequest(signOffPath(workspaceId, draftId), { token, form }), context, { workspaceId, draftId });
  return { status: answer.status, body: answer.body as SignOffAnswer };
}

/** The Organisations page's "Save focal point". */
export function setFocalPoint(context: AppLoadContext, workspaceId: string, token: string | undefined, organisationId: string, focalPointId: string) {
  return run(organisationsRoute.action, makeRequest(`/workspaces/${workspaceId}/organisations`, { token, form: { intent: "set-focal-point", organisationId, focalPointId } }), context, { workspaceId });
}

/** Someone types at the start of the draft's first paragraph: one Yjs update on top of what is stored. */
export async function typeAtStart(handle: DatabaseHandle, draftId: string, text: string): Promise<void> {
  const stored = await loadDraftDocument(handle.db, draftId);
  const ydoc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(ydoc, update);
  const before = Y.encodeStateVector(ydoc);
  const fragment = ydoc.getXmlFragment(BODY_FIELD);
  const paragraph = fragment.toArray().find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  const textNode = paragraph?.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText);
  if (!textNode) throw new Error("no paragraph text to type into");
  textNode.insert(0, text);
  await appendDraftUpdates(handle.db, [{ draftId, update: Y.encodeStateAsUpdate(ydoc, before), userId: null }]);
  ydoc.destroy();
}

/**
 * Every organisation on the stored draft's cover approves its text as it is now (rows written
 * directly, as if the owner had asked and each focal point approved): for tests of submission
 * that are not about sign-off, since "Mark as submitted" needs every co-submitting organisation's
 * approval of the text (issue 21).
 */
export async function approveStoredText(handle: DatabaseHandle, draftId: string, actorId: string): Promise<void> {
  const version = await recordStoredVersion(handle.db, draftId, { kind: "named", actorId, name: "Approved by every organisation" });
  if (!version) throw new Error("no stored draft to approve");
  const row = (await findVersion(handle.db, draftId, version.id))!;
  const { id: requestId } = await insertSignOffRequest(handle.db, { draftId, versionId: version.id, message: "", requestedBy: actorId });
  for (const organisationId of row.cover.organisations ?? []) {
    await insertSignOff(handle.db, { draftId, requestId, versionId: version.id, organisationId, decision: "approved", comment: "", signedBy: actorId, signedByName: "Focal point" });
  }
}
