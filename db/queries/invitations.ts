import type { Role } from "../../core/policies/roles";
import type { Invitation } from "../schema";
import type { Executor } from "./executor";

export interface PendingInvitation {
  id: string;
  email: string;
  role: Role;
  organisationName: string | null;
  invitedByName: string | null;
  expiresAt: Date;
  createdAt: Date;
}

export async function createInvitation(
  db: Executor,
  input: {
    workspaceId: string;
    email: string;
    role: Role;
    organisationId: string | null;
    tokenHash: string;
    invitedBy: string | null;
    expiresAt: Date;
  },
): Promise<Invitation> {
  return db
    .insertInto("invitations")
    .values({
      workspace_id: input.workspaceId,
      email: input.email,
      role: input.role,
      organisation_id: input.organisationId,
      token_hash: input.tokenHash,
      invited_by: input.invitedBy,
      expires_at: input.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Locks the row so two tabs accepting one link cannot both succeed. */
export async function findInvitationByTokenHashForUpdate(
  db: Executor,
  tokenHash: string,
): Promise<Invitation | undefined> {
  return db.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).forUpdate().executeTakeFirst();
}

export async function findInvitationByTokenHash(db: Executor, tokenHash: string): Promise<Invitation | undefined> {
  return db.selectFrom("invitations").selectAll().where("token_hash", "=", tokenHash).executeTakeFirst();
}

/** Invitations neither accepted, revoked nor expired. */
export async function listPendingInvitations(
  db: Executor,
  workspaceId: string,
  now = new Date(),
): Promise<PendingInvitation[]> {
  return db
    .selectFrom("invitations as i")
    .leftJoin("organisations as o", "o.id", "i.organisation_id")
    .leftJoin("users as u", "u.id", "i.invited_by")
    .select([
      "i.id",
      "i.email",
      "i.role",
      "o.name as organisationName",
      "u.name as invitedByName",
      "i.expires_at as expiresAt",
      "i.created_at as createdAt",
    ])
    .where("i.workspace_id", "=", workspaceId)
    .where("i.accepted_at", "is", null)
    .where("i.revoked_at", "is", null)
    .where("i.expires_at", ">", now)
    .orderBy("i.created_at", "desc")
    .execute();
}

/** Revokes a pending invitation; returns whether one was revoked. */
export async function revokeInvitation(db: Executor, workspaceId: string, id: string): Promise<Invitation | undefined> {
  return db
    .updateTable("invitations")
    .set({ revoked_at: new Date() })
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", id)
    .where("accepted_at", "is", null)
    .where("revoked_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}

export async function markInvitationAccepted(db: Executor, id: string, userId: string): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ accepted_at: new Date(), accepted_by: userId })
    .where("id", "=", id)
    .execute();
}
