import type { Message } from "../../core/i18n/message";
import type { Role } from "../../core/policies";
import type { DraftInput } from "../../core/schemas/draft";
import { listAudit } from "../../db/queries/audit";
import { findDraft } from "../../db/queries/drafts";
import { listPendingInvitations } from "../../db/queries/invitations";
import { findMembership, listMembers } from "../../db/queries/memberships";
import { listOrganisations, type OrganisationInput } from "../../db/queries/organisations";
import { deleteWorkspace, findWorkspace, listWorkspacesForUser } from "../../db/queries/workspaces";
import type { Draft, Membership, Workspace } from "../../db/schema";
import type { SessionUser } from "../auth/sessions";
import { consumeOrThrow } from "../limits/refusal";
import type { ServiceDeps } from "../services";
import { createDraftInWorkspace, listDraftsForMember } from "./drafts";
import { acceptInvitation, describeInvitation } from "./invitations";
import { changeMember, inviteMember, MemberChangeError, removeMember, revokeMemberInvitation } from "./members";
import { addOrganisation, editOrganisation, OrganisationError, removeOrganisation } from "./organisations";
import { createWorkspaceForUser, updateWorkspaceDetails } from "./workspaces";

export type { DraftListing } from "./drafts";
export type { AcceptResult, InvitationLookup, InvitationView } from "./invitations";

/** A change refused for a reason the form shows beside `field`; nothing was written. */
export type FieldRefusal = { ok: false; field: string; message: Message };
export type Changed<T = object> = ({ ok: true } & T) | FieldRefusal;

/** Who is acting on a workspace, as the members and organisations pages pass it. */
export interface Actor {
  userId: string;
  userName: string;
  workspaceId: string;
  workspaceName: string;
}

type OrganisationActor = Pick<Actor, "userId" | "workspaceId">;

/** Runs a change whose use case throws MemberChangeError or OrganisationError, as an outcome. */
async function refusable<T extends object>(change: () => Promise<T>): Promise<Changed<T>> {
  try {
    return { ok: true, ...(await change()) };
  } catch (error) {
    if (error instanceof MemberChangeError || error instanceof OrganisationError) return { ok: false, field: error.field, message: error.refusal };
    throw error;
  }
}

/** The same, for a change that answers nothing but that it happened. */
const settled = (change: () => Promise<void>) =>
  refusable(async () => {
    await change();
    return {};
  });

/**
 * Coalition workspaces: who may enter one (the route guards turn a null into 404), the
 * workspace itself, its members and invitations, its organisations, its drafts list and its
 * audit log. Every write runs in a transaction with its audit event; a change that reduces
 * someone's access re-checks their open editors after the commit.
 */
export function createWorkspacesService({ db, mailer, collab, limits }: Pick<ServiceDeps, "db" | "mailer" | "collab" | "limits">) {
  return {
    /** The user's membership of the workspace and the workspace, or null for a non-member. */
    async memberAccess(workspaceId: string, userId: string): Promise<{ workspace: Workspace; membership: Membership } | null> {
      const membership = await findMembership(db, workspaceId, userId);
      if (!membership) return null;
      const workspace = await findWorkspace(db, membership.workspace_id);
      return workspace ? { workspace, membership } : null;
    },

    /** A draft of this workspace, or null (a draft of another workspace is none of this one's). */
    async draftIn(workspaceId: string, draftId: string): Promise<Draft | null> {
      const draft = await findDraft(db, draftId);
      return draft && draft.workspace_id === workspaceId ? draft : null;
    },

    listForUser: (userId: string) => listWorkspacesForUser(db, userId),
    create: (userId: string, input: { name: string; description: string }) => createWorkspaceForUser(db, userId, input),
    updateDetails: (actorId: string, workspace: Workspace, input: { name: string; description: string }) =>
      updateWorkspaceDetails(db, actorId, workspace, input),

    /** Deletes the workspace with everything in it; its members' open editors close. */
    async remove(workspaceId: string): Promise<void> {
      await deleteWorkspace(db, workspaceId);
      await collab.revalidate({ workspaceId });
    },

    listMembers: (workspaceId: string) => listMembers(db, workspaceId),
    listPendingInvitations: (workspaceId: string) => listPendingInvitations(db, workspaceId),

    /** Creates an invitation; its one-time link is built on `origin` (the public origin). */
    invite: (actor: Actor, input: { email: string; role: Role; organisationId: string | null }, origin: string) =>
      refusable(() => inviteMember({ db, mailer }, actor, input, origin)),
    revokeInvitation: (actor: Actor, invitationId: string) => settled(() => revokeMemberInvitation({ db }, actor, invitationId)),
    changeMember: (actor: Actor, input: { membershipId: string; role: Role; organisationId: string | null }) =>
      settled(() => changeMember({ db, collab }, actor, input)),
    removeMember: (actor: Actor, membershipId: string) => refusable(() => removeMember({ db, collab }, actor, membershipId)),

    /** The invitation behind a link's token, as its page shows it (no membership needed). */
    describeInvitation: (token: string | undefined) => describeInvitation(db, token),
    /** Accepts for the signed-in user; past the invitation limit (per user) a 429 Response is thrown. */
    async acceptInvitation(user: SessionUser, token: string) {
      await consumeOrThrow(limits, "invitation", user.id);
      return acceptInvitation(db, user, token);
    },

    listOrganisations: (workspaceId: string) => listOrganisations(db, workspaceId),
    addOrganisation: (actor: OrganisationActor, input: OrganisationInput) => settled(() => addOrganisation(db, actor, input)),
    editOrganisation: (actor: OrganisationActor, organisationId: string, input: OrganisationInput) =>
      settled(() => editOrganisation(db, actor, organisationId, input)),
    removeOrganisation: (actor: OrganisationActor, organisationId: string) => settled(() => removeOrganisation(db, actor, organisationId)),

    /** The drafts list of the workspace page, for one member. */
    listDrafts: (workspaceId: string, userId: string) => listDraftsForMember(db, workspaceId, userId),
    /** A new draft from a template; field errors when the template or an organisation is gone. */
    createDraft: (actorId: string, workspaceId: string, input: DraftInput) => createDraftInWorkspace(db, actorId, workspaceId, input),

    /** The audit log, newest first, keyset-paginated on the event id. */
    auditLog: (workspaceId: string, options: { limit: number; before?: string }) => listAudit(db, workspaceId, options),
  };
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
