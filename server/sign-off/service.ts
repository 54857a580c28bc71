import { canRequestSignOff, type SignOffActor } from "../../core/policies";
import { listFocalPoints } from "../../db/queries/sign-offs";
import type { Draft, SignOffDecision } from "../../db/schema";
import type { ServiceDeps } from "../services";
import type { VersionsService } from "../versions/service";
import { refusable, type Refused } from "../refusal";
import { OrganisationError, setOrganisationFocalPoint } from "../workspaces/organisations";
import { SignOffRefusal } from "./refusal";
import { readSignOffState, type SignOffState } from "./state";
import { requestSignOff, signOff } from "./writes";

type DraftRef = Pick<Draft, "id" | "workspace_id" | "title" | "status">;

/** What a route answers: done, or refused with a status and a catalogue message. */
export type SignOffOutcome<T> = ({ ok: true } & T) | Refused;
const outcome = refusable;

/**
 * Sign-off (issue 21): focal points, requests on named versions, organisations' answers, the
 * state the draft page and the export dialog show. Each write runs in one transaction with its
 * audit event and, for a draft, is announced after commit (a "status" event: open pages refetch).
 * The submission's gate is gate.ts, called from server/export/submit.ts.
 */
export function createSignOffService({ db, collab }: Pick<ServiceDeps, "db" | "collab">, versions: VersionsService) {
  /** Names the current state for a request; the versions service's refusal becomes this one's. */
  const nameNow = async (actor: SignOffActor, draft: DraftRef, name: string): Promise<string> => {
    const named = await versions.nameCurrent({ id: actor.userId }, draft, name);
    if (!named.ok) throw new SignOffRefusal(named.status, named.error.id, named.error.values);
    return named.version.id;
  };

  return {
    /** A workspace's organisations with their focal points (for the Organisations page). */
    focalPoints: (workspaceId: string) => listFocalPoints(db, workspaceId),

    /** Names or clears an organisation's focal point; a refusal names the form field. */
    async setFocalPoint(actor: SignOffActor & { workspaceId: string }, organisationId: string, focalPointId: string | null) {
      try {
        await setOrganisationFocalPoint(db, actor, organisationId, focalPointId);
        return { ok: true as const };
      } catch (error) {
        if (error instanceof OrganisationError) return { ok: false as const, field: error.field, message: error.refusal };
        throw error;
      }
    },

    state: (draft: DraftRef, actor: SignOffActor): Promise<SignOffState> => readSignOffState(db, draft, actor),

    /**
     * Asks for sign-off on a named version, or on the current state named here and now
     * (services.versions.nameCurrent: its own audit event), with an optional message.
     */
    request(actor: SignOffActor, draft: DraftRef, input: { versionId: string } | { name: string }, message: string) {
      return outcome(async () => {
        // Decided before naming anything: a refused request must leave no named version behind.
        if (!canRequestSignOff(actor)) throw new SignOffRefusal(403, "signOff.refused.forbidden");
        if (draft.status === "submitted") throw new SignOffRefusal(409, "signOff.refused.submitted");
        const versionId = "versionId" in input ? input.versionId : await nameNow(actor, draft, input.name);
        const done = await db.transaction().execute((tx) => requestSignOff(tx, actor, draft, { versionId, message }));
        collab.announce(draft.id, { type: "status" });
        return { ...done, versionId };
      });
    },

    /** The focal point's approval, or changes requested with a comment. */
    sign(actor: SignOffActor & { name: string }, draft: DraftRef, input: { requestId: string; organisationId: string; decision: SignOffDecision; comment: string }) {
      return outcome(async () => {
        const done = await db.transaction().execute((tx) => signOff(tx, actor, draft, input));
        collab.announce(draft.id, { type: "status" });
        return done;
      });
    },
  };
}

export type SignOffService = ReturnType<typeof createSignOffService>;
