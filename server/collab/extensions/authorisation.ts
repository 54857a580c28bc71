import type { Kysely } from "kysely";
import { CloseCode } from "../../../core/collab/close-codes";
import { draftAbilities, type Abilities } from "../../../core/policies";
import { findDraft } from "../../../db/queries/drafts";
import { findMembership } from "../../../db/queries/memberships";
import { findSessionWithUser } from "../../../db/queries/sessions";
import type { Database } from "../../../db/schema";
import { CloseRefusal, type CollabExtension, type ConnectionIdentity } from "../types";

/** The abilities of a user on a draft, from `core/policies`; null when they may not even read it. */
async function abilitiesOn(db: Kysely<Database>, userId: string, draftId: string) {
  const draft = await findDraft(db, draftId);
  if (!draft) return null;
  const membership = await findMembership(db, draft.workspace_id, userId);
  const abilities: Abilities = draftAbilities(
    membership ? { role: membership.role, workspaceId: membership.workspace_id } : null,
    { workspaceId: draft.workspace_id, status: draft.status },
  );
  return abilities.read ? { abilities, workspaceId: draft.workspace_id } : null;
}

/**
 * Decides read / comment / edit for the connection with the same policy as the HTTP routes. A
 * stranger, or a draft that does not exist, gets the same DocumentNotFound: nothing to learn.
 */
export function authorisation(options: { db: Kysely<Database> }): CollabExtension {
  return {
    name: "authorisation",
    async onUpgrade(request) {
      const access = request.user ? await abilitiesOn(options.db, request.user.id, request.draftId) : null;
      if (!access) throw new CloseRefusal(CloseCode.DocumentNotFound, "Document not found");
      request.abilities = access.abilities;
      request.workspaceId = access.workspaceId;
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
