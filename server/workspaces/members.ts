import { message, type Message } from "../../core/i18n/message";
import { isInterfaceLocale } from "../../core/i18n/locales";
import type { Role } from "../../core/policies";
import { recordAudit } from "../../db/queries/audit";
import { createInvitation, revokeInvitation } from "../../db/queries/invitations";
import {
  deleteMembership,
  findMembershipById,
  listMembers,
  lockOwnerIds,
  updateMembership,
} from "../../db/queries/memberships";
import { findOrganisation } from "../../db/queries/organisations";
import { findUserById } from "../../db/queries/users";
import { generateToken, hashToken } from "../auth/tokens";
import type { ServiceDeps } from "../services";

type Deps = Pick<ServiceDeps, "db" | "mailer" | "collab">;

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A refusal the members page shows next to the form that caused it, in the reader's language. */
export class MemberChangeError extends Error {
  override readonly name = "MemberChangeError";
  constructor(
    readonly field: string,
    readonly refusal: Message,
  ) {
    super(refusal.id);
  }
}

interface Actor {
  userId: string;
  userName: string;
  workspaceId: string;
  workspaceName: string;
}

/**
 * Creates an invitation and returns its one-time link. Only the hash is stored, so the link
 * exists on the owner's screen (and in the mail, when a transport is plugged in) and nowhere else.
 */
export async function inviteMember(
  { db, mailer }: Pick<Deps, "db" | "mailer">,
  actor: Actor,
  input: { email: string; role: Role; organisationId: string | null },
  origin: string,
): Promise<{ link: string; delivered: boolean; validDays: number }> {
  const members = await listMembers(db, actor.workspaceId);
  if (members.some((m) => m.email === input.email)) {
    throw new MemberChangeError("email", message("workspace.refusal.alreadyMember"));
  }
  if (input.organisationId && !(await findOrganisation(db, actor.workspaceId, input.organisationId))) {
    throw new MemberChangeError("organisationId", message("workspace.refusal.organisationGone"));
  }
  const token = generateToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  await db.transaction().execute(async (tx) => {
    const invitation = await createInvitation(tx, {
      workspaceId: actor.workspaceId,
      email: input.email,
      role: input.role,
      organisationId: input.organisationId,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      expiresAt,
    });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "invitation.created",
      targetType: "invitation",
      targetId: invitation.id,
      details: { email: input.email, role: input.role },
    });
  });
  const link = `${origin}/invite/${token}`;
  // In the inviter's language: the invitee's is not known until they choose one.
  const inviterLocale = mailer.delivers ? (await findUserById(db, actor.userId))?.locale : undefined;
  await mailer.sendInvitation({
    to: input.email,
    workspaceName: actor.workspaceName,
    inviterName: actor.userName,
    role: input.role,
    link,
    expiresAt,
    locale: isInterfaceLocale(inviterLocale) ? inviterLocale : undefined,
  });
  // How long the link works, in days, so the page says so without keeping its own copy of the rule.
  return { link, delivered: mailer.delivers, validDays: INVITATION_LIFETIME_MS / 86_400_000 };
}

export async function revokeMemberInvitation({ db }: Pick<Deps, "db">, actor: Actor, invitationId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const revoked = await revokeInvitation(tx, actor.workspaceId, invitationId);
    if (!revoked) throw new MemberChangeError("invitationId", message("workspace.refusal.invitationGone"));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: revoked.id,
      details: { email: revoked.email, role: revoked.role },
    });
  });
}

/**
 * Changes a member's role or organisation. The owners are locked first so that two owners
 * demoting each other at the same moment cannot leave the coalition without one.
 */
export async function changeMember(
  { db, collab }: Pick<Deps, "db" | "collab">,
  actor: Actor,
  input: { membershipId: string; role: Role; organisationId: string | null },
): Promise<void> {
  const userId = await db.transaction().execute(async (tx) => {
    const owners = await lockOwnerIds(tx, actor.workspaceId);
    const member = await findMembershipById(tx, actor.workspaceId, input.membershipId);
    if (!member) throw new MemberChangeError("membershipId", message("workspace.refusal.memberGone"));
    if (member.role === "owner" && input.role !== "owner" && owners.length === 1) {
      throw new MemberChangeError("role", message("workspace.refusal.needsOwner"));
    }
    if (input.organisationId && !(await findOrganisation(tx, actor.workspaceId, input.organisationId))) {
      throw new MemberChangeError("organisationId", message("workspace.refusal.organisationGone"));
    }
    if (member.role === input.role && member.organisation_id === input.organisationId) return null;
    await updateMembership(tx, member.id, input);
    const user = await findUserById(tx, member.user_id);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "member.role_changed",
      targetType: "membership",
      targetId: member.id,
      details: {
        member: user?.name ?? null,
        from: member.role,
        to: input.role,
        organisationChanged: member.organisation_id !== input.organisationId,
      },
    });
    return member.user_id;
  });
  // After commit, so the re-check reads the new role: their open editors follow within a second.
  if (userId) await collab.revalidate({ workspaceId: actor.workspaceId, userId });
}

/** Removes a member (or the actor themself, when another owner remains). */
export async function removeMember({ db, collab }: Pick<Deps, "db" | "collab">, actor: Actor, membershipId: string): Promise<{ removedSelf: boolean }> {
  const result = await db.transaction().execute(async (tx) => {
    const owners = await lockOwnerIds(tx, actor.workspaceId);
    const member = await findMembershipById(tx, actor.workspaceId, membershipId);
    if (!member) throw new MemberChangeError("membershipId", message("workspace.refusal.memberGone"));
    if (member.role === "owner" && owners.length === 1) {
      throw new MemberChangeError("membershipId", message("workspace.refusal.lastOwner"));
    }
    const user = await findUserById(tx, member.user_id);
    await deleteMembership(tx, member.id);
    const removedSelf = member.user_id === actor.userId;
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: removedSelf ? "member.left" : "member.removed",
      targetType: "membership",
      targetId: member.id,
      details: { member: user?.name ?? null, email: user?.email ?? null, role: member.role },
    });
    return { removedSelf, userId: member.user_id };
  });
  await collab.revalidate({ workspaceId: actor.workspaceId, userId: result.userId });
  return { removedSelf: result.removedSelf };
}
