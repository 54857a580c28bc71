import type { Kysely } from "kysely";
import { CloseCode } from "../../../core/collab/close-codes";
import { draftAbilities, type Abilities } from "../../../core/policies";
import { findDraftAccess } from "../../../db/queries/memberships";
import { findSessionWithUser } from "../../../db/queries/sessions";
import { missesRequiredTwoStep } from "../../../db/queries/two-step";
import type { Database } from "../../../db/schema";
import type { DraftAccessRow } from "../../../db/queries/upgrade-access";
import { CloseRefusal, type CollabExtension, type ConnectionIdentity } from "../types";

/** The abilities of a user on a draft, from `core/policies`; null when they may not even read it. */
async function abilitiesOn(db: Kysely<Database>, userId: string, draftId: string) {
  const access = await findDraftAccess(db, draftId, userId);
  if (!access) return null;
  return abilitiesFrom({ ...access, missesTwoStep: Boolean(access.role) && (await missesRequiredTwoStep(db, userId, access.workspaceId)) });
}

function abilitiesFrom(access: DraftAccessRow | null | undefined) {
  if (!access) return null;
  // A workspace that requires two-step sign-in opens no draft to a member without it (issue 22).
  if (access.role && access.missesTwoStep) return null;
  const abilities: Abilities = draftAbilities(
    access.role ? { role: access.role, workspaceId: access.workspaceId } : null,
    { workspaceId: access.workspaceId, status: access.status },
  );
  return abilities.read ? { abilities, workspaceId: access.workspaceId, draftStatus: access.status } : null;
}

/**
 * Decides read / comment / edit for the connection with the same policy as the HTTP routes. A
 * stranger, or a draft that does not exist, gets the same DocumentNotFound: nothing to learn.
 */
export function authorisation(options: { db: Kysely<Database> }): CollabExtension {
  return {
    name: "authorisation",
    async onUpgrade(request) {
      // Authentication read the access with the session; a request without it (a test's own
      // pipeline) is looked up here.
      const access =
        request.draftAccess !== undefined
          ? abilitiesFrom(request.draftAccess)
          : request.user
            ? await abilitiesOn(options.db, request.user.id, request.draftId)
            : null;
      delete request.draftAccess;
      if (!access) throw new CloseRefusal(CloseCode.DocumentNotFound, "Document not found");
      request.abilities = access.abilities;
      request.workspaceId = access.workspaceId;
      request.draftStatus = access.draftStatus;
    },
  };
}

/** For membership changes: the connection's access now, or why it has none. */
export async function reauthorise(
  db: Kysely<Database>,
  identity: ConnectionIdentity,
): Promise<ConnectionIdentity | "session-ended" | "no-access"> {
  const session = await findSessionWithUser(db, identity.sessionId);
  if (!session || session.session.expires_at.getTime() <= Date.now()) return "session-ended";
  const access = await abilitiesOn(db, identity.user.id, identity.draftId);
  return access ? { ...identity, ...access } : "no-access";
}
