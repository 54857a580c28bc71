import { canRequestSignOff, canSignFor, type SignOffActor } from "../../core/policies";
import type { Executor } from "../../db/queries/executor";
import { currentSignOffRequest, latestSignOffs, listFocalPoints, listNamedVersions, type OrganisationWithFocalPoint } from "../../db/queries/sign-offs";
import type { SignOffDecision } from "../../db/schema";
import { readStoredFingerprint } from "../versions/moments";

/** One co-submitting organisation's answer as the draft page and the export dialog show it. */
export interface OrganisationSignOff {
  id: string;
  name: string;
  acronym: string;
  confidential: boolean;
  focalPoint: { id: string; name: string } | null;
  status: SignOffDecision | "waiting";
  signOff: {
    decision: SignOffDecision;
    comment: string;
    signedBy: string;
    at: string;
    versionId: string;
    versionName: string | null;
    /** The draft's text is no longer the text of the version signed: "signed an earlier version". */
    earlier: boolean;
  } | null;
}

/** GET …/sign-off: the current request, every co-submitting organisation's answer, what the reader may do. */
export interface SignOffState {
  request: { id: string; versionId: string; versionName: string | null; message: string; requestedBy: string | null; createdAt: string } | null;
  /** The request version's cover organisations; before any request, the draft's cover's. */
  organisations: OrganisationSignOff[];
  /** Every co-submitting organisation approved the draft's current text (or none co-submits). */
  complete: boolean;
  submitted: boolean;
  viewer: { canRequest: boolean; signsFor: string[] };
  /** The named versions to ask on (for those who may ask), newest first. */
  namedVersions: Array<{ id: string; name: string; createdAt: string }>;
}

/**
 * Reads the sign-off state of a draft for one reader: the stored draft's fingerprint (as
 * services.versions.currentFingerprint reads it) decides which answers are on an earlier version.
 */
export async function readSignOffState(db: Executor, draft: { id: string; workspace_id: string; status: string }, actor: SignOffActor): Promise<SignOffState> {
  const [request, organisations, current] = await Promise.all([currentSignOffRequest(db, draft.id), listFocalPoints(db, draft.workspace_id), readStoredFingerprint(db, draft.id)]);
  const answers = request ? await latestSignOffs(db, request.id) : [];
  const byOrg = new Map(answers.map((a) => [a.organisationId, a]));
  const coSubmitting = request?.organisationIds ?? current.cover.organisations ?? [];
  const listed = coSubmitting.map((id) => organisations.find((o) => o.id === id)).filter((o): o is OrganisationWithFocalPoint => o !== undefined);
  const rows: OrganisationSignOff[] = listed.map((o) => {
    const answer = byOrg.get(o.id);
    return {
      ...o,
      status: answer?.decision ?? "waiting",
      signOff: answer
        ? {
            decision: answer.decision,
            comment: answer.comment,
            signedBy: answer.signedBy,
            at: answer.createdAt.toISOString(),
            versionId: answer.versionId,
            versionName: answer.versionName,
            earlier: answer.versionSha256 !== current.contentSha256,
          }
        : null,
    };
  });
  const currentOrganisations = current.cover.organisations ?? [];
  const approvedNow = (id: string) => rows.some((r) => r.id === id && r.signOff?.decision === "approved" && !r.signOff.earlier);
  const mayRequest = canRequestSignOff(actor);
  return {
    request: request
      ? { id: request.id, versionId: request.versionId, versionName: request.versionName, message: request.message, requestedBy: request.requestedBy, createdAt: request.createdAt.toISOString() }
      : null,
    organisations: rows,
    complete: currentOrganisations.filter((id) => organisations.some((o) => o.id === id)).every(approvedNow),
    submitted: draft.status === "submitted",
    viewer: {
      canRequest: mayRequest,
      signsFor: request ? listed.filter((o) => canSignFor(actor, { id: o.id, focalPointId: o.focalPoint?.id ?? null })).map((o) => o.id) : [],
    },
    namedVersions: mayRequest ? (await listNamedVersions(db, draft.id)).map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) : [],
  };
}
