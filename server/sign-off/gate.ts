import { canSubmitWithoutSignOff, type Abilities } from "../../core/policies";
import { listOrganisations } from "../../db/queries/organisations";
import { currentSignOffRequest, latestSignOffs } from "../../db/queries/sign-offs";
import type { Executor } from "../../db/queries/executor";
import type { SignOffOverride } from "../../db/schema";
import { SignOffGateRefusal } from "./refusal";

/** The text being submitted: its version fingerprint and the organisations on its cover. */
export interface SubmittedText {
  contentSha256: string;
  organisationIds: readonly string[];
}

/**
 * The co-submitting organisations (those on the submitted text's cover that still exist in the
 * workspace) that have not approved exactly this text under the current request: their latest
 * answer is an approval of a version whose fingerprint equals the text's.
 */
export async function missingSignOffs(db: Executor, draft: { id: string; workspace_id: string }, text: SubmittedText) {
  if (text.organisationIds.length === 0) return [];
  const organisations = (await listOrganisations(db, draft.workspace_id)).filter((o) => text.organisationIds.includes(o.id));
  const request = await currentSignOffRequest(db, draft.id);
  const answers = request ? await latestSignOffs(db, request.id) : [];
  const approved = new Set(answers.filter((a) => a.decision === "approved" && a.versionSha256 === text.contentSha256).map((a) => a.organisationId));
  return organisations.filter((o) => !approved.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
}

/**
 * Lets a submission through or throws SignOffGateRefusal. Every co-submitting organisation has
 * approved the text: passes (an override sent anyway is ignored, null). Otherwise only an owner's
 * explicit override passes; what it records names the owner and the missing organisations by id
 * only (the submission record never prints a confidential organisation's name).
 */
export async function requireSignOffs(
  db: Executor,
  draft: { id: string; workspace_id: string },
  text: SubmittedText,
  request: { override: boolean; abilities: Abilities; actor: { id: string; name: string } },
): Promise<SignOffOverride | null> {
  const missing = await missingSignOffs(db, draft, text);
  if (missing.length === 0) return null;
  if (!request.override) throw new SignOffGateRefusal(409, "signOff.refused.missing", missing);
  if (!canSubmitWithoutSignOff(request.abilities)) throw new SignOffGateRefusal(403, "signOff.refused.overrideOwnerOnly", missing);
  return { by: request.actor.id, byName: request.actor.name, missing: missing.map((o) => o.id) };
}
