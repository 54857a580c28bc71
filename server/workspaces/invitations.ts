import type { Kysely } from "kysely";
import { recordAudit } from "../../db/queries/audit";
import {
  findInvitationByTokenHash,
  findInvitationByTokenHashForUpdate,
  markInvitationAccepted,
} from "../../db/queries/invitations";
import { findMembership, upsertMembership } from "../../db/queries/memberships";
import { findOrganisation } from "../../db/queries/organisations";
import { findUserById } from "../../db/queries/users";
import { findWorkspace } from "../../db/queries/workspaces";
import type { Role } from "../../core/policies";
import type { Database, Invitation } from "../../db/schema";
import type { Executor } from "../../db/queries/executor";
import { hashToken } from "../auth/tokens";
import type { SessionUser } from "../auth/sessions";

export type InvitationState = "valid" | "expired" | "used" | "revoked" | "unknown";

const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

function stateOf(invitation: Invitation | undefined, now = Date.now()): InvitationState {
  if (!invitation) return "unknown";
  if (invitation.revoked_at) return "revoked";
  if (invitation.accepted_at) return "used";
  if (invitation.expires_at.getTime() <= now) return "expired";
  return "valid";
}

export async function findInvitationByToken(
  db: Executor,
  token: string | undefined,
): Promise<{ invitation: Invitation | undefined; state: InvitationState }> {
  if (!token || !TOKEN_SHAPE.test(token)) return { invitation: undefined, state: "unknown" };
  const invitation = await findInvitationByTokenHash(db, hashToken(token));
  return { invitation, state: stateOf(invitation) };
}

/** "amina@example.org" → "a••••@example.org": enough for the right person to recognise it. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}${"•".repeat(Math.max(3, local.length - 1))}@${domain}`;
}

/** What the invitation page shows someone who holds a valid link (who may not be a member yet). */
export interface InvitationView {
  workspaceName: string;
  inviterName: string | null;
  role: Role;
  /** Null for a confidential organisation: someone outside must never learn its name. */
  organisationName: string | null;
  email: string;
  maskedEmail: string;
}

export type InvitationLookup = { state: "valid"; invite: InvitationView } | { state: Exclude<InvitationState, "valid">; invite: null };

/** The invitation a link's token stands for, as its page shows it, or why the link is no good. */
export async function describeInvitation(db: Executor, token: string | undefined): Promise<InvitationLookup> {
  const { invitation, state } = await findInvitationByToken(db, token);
  if (!invitation || state !== "valid") return { state: state === "valid" ? "unknown" : state, invite: null };
  const [workspace, organisation, inviter] = await Promise.all([
    findWorkspace(db, invitation.workspace_id),
    invitation.organisation_id ? findOrganisation(db, invitation.workspace_id, invitation.organisation_id) : undefined,
    invitation.invited_by ? findUserById(db, invitation.invited_by) : undefined,
  ]);
  return {
    state: "valid",
    invite: {
      workspaceName: workspace?.name ?? "a workspace",
      inviterName: inviter?.name ?? null,
      role: invitation.role,
      organisationName: organisation && !organisation.confidential ? organisation.name : null,
      email: invitation.email,
      maskedEmail: maskEmail(invitation.email),
    },
  };
}

export type AcceptResult =
  | { ok: true; workspaceId: string }
  | { ok: false; reason: Exclude<InvitationState, "valid"> | "wrong_email" };

/**
 * Accepts an invitation for the signed-in user. The link is only valid for the address it was
 * sent to: a forwarded or intercepted link does not let someone else into a coalition.
 * The row is locked so two tabs cannot both accept.
 */
export async function acceptInvitation(db: Kysely<Database>, user: SessionUser, token: string): Promise<AcceptResult> {
  if (!TOKEN_SHAPE.test(token)) return { ok: false, reason: "unknown" };
  return db.transaction().execute(async (tx): Promise<AcceptResult> => {
    const invitation = await findInvitationByTokenHashForUpdate(tx, hashToken(token));
    const state = stateOf(invitation);
    if (state !== "valid" || !invitation) return { ok: false, reason: state === "valid" ? "unknown" : state };
    if (invitation.email !== user.email) return { ok: false, reason: "wrong_email" };
    await admitInvitee(tx, invitation, user.id);
    return { ok: true, workspaceId: invitation.workspace_id };
  });
}

/** A valid invitation's row, locked in the caller's transaction (null when the link is no good). */
export async function lockValidInvitation(
  tx: Executor,
  token: string,
): Promise<{ invitation: Invitation; state: "valid" } | { invitation: null; state: Exclude<InvitationState, "valid"> }> {
  if (!TOKEN_SHAPE.test(token)) return { invitation: null, state: "unknown" };
  const invitation = await findInvitationByTokenHashForUpdate(tx, hashToken(token));
  const state = stateOf(invitation);
  if (state !== "valid" || !invitation) return { invitation: null, state: state === "valid" ? "unknown" : state };
  return { invitation, state };
}

/**
 * Lets the invitation's person in (its row locked by the caller, its address theirs) and spends
 * the link; shared by accepting while signed in and by creating an account from the invitation.
 */
export async function admitInvitee(tx: Executor, invitation: Invitation, userId: string): Promise<void> {
  const existing = await findMembership(tx, invitation.workspace_id, userId);
  // Someone already inside keeps their role: an old viewer link must not demote an owner.
  if (!existing) {
    await upsertMembership(tx, {
      workspaceId: invitation.workspace_id,
      userId,
      role: invitation.role,
      organisationId: invitation.organisation_id,
    });
  }
  await markInvitationAccepted(tx, invitation.id, userId);
  await recordAudit(tx, {
    workspaceId: invitation.workspace_id,
    actorId: userId,
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: invitation.id,
    details: { email: invitation.email, role: existing?.role ?? invitation.role, alreadyMember: Boolean(existing) },
  });
}
