import type { Role } from "../../core/policies/roles";
import type { Membership } from "../schema";
import type { Executor } from "./executor";

export interface MemberRow {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  joinedAt: Date;
}

export async function findMembership(
  db: Executor,
  workspaceId: string,
  userId: string,
): Promise<Membership | undefined> {
  return db
    .selectFrom("memberships")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
}

export async function findMembershipById(
  db: Executor,
  workspaceId: string,
  membershipId: string,
): Promise<Membership | undefined> {
  return db
    .selectFrom("memberships")
    .selectAll()
    .where("workspace_id", "=", workspaceId)
    .where("id", "=", membershipId)
    .executeTakeFirst();
}

export async function listMembers(db: Executor, workspaceId: string): Promise<MemberRow[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
    .select([
      "m.id as membershipId",
      "u.id as userId",
      "u.name",
      "u.email",
      "m.role",
      "m.organisation_id as organisationId",
      "o.name as organisationName",
      "m.created_at as joinedAt",
    ])
    .where("m.workspace_id", "=", workspaceId)
    .orderBy("u.name")
    .execute();
  return rows;
}

/** Adds a member, or updates the role of an existing one (an invitation to someone already in). */
export async function upsertMembership(
  db: Executor,
  input: { workspaceId: string; userId: string; role: Role; organisationId: string | null },
): Promise<Membership> {
  return db
    .insertInto("memberships")
    .values({
      workspace_id: input.workspaceId,
      user_id: input.userId,
      role: input.role,
      organisation_id: input.organisationId,
    })
    .onConflict((oc) =>
      oc.constraint("memberships_workspace_user_key").doUpdateSet({
        role: input.role,
        organisation_id: input.organisationId,
        updated_at: new Date(),
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMembership(
  db: Executor,
  membershipId: string,
  changes: { role: Role; organisationId: string | null },
): Promise<void> {
  await db
    .updateTable("memberships")
    .set({ role: changes.role, organisation_id: changes.organisationId, updated_at: new Date() })
    .where("id", "=", membershipId)
    .execute();
}

export async function deleteMembership(db: Executor, membershipId: string): Promise<void> {
  await db.deleteFrom("memberships").where("id", "=", membershipId).execute();
}

/**
 * Owners of a workspace, locked for the rest of the transaction so two owners cannot demote
 * each other at once and leave the coalition without one.
 */
export async function lockOwnerIds(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("memberships")
    .select("id")
    .where("workspace_id", "=", workspaceId)
    .where("role", "=", "owner")
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

/** A draft's workspace and status with the user's role there (null: not a member), in one query. */
export async function findDraftAccess(
  db: Executor,
  draftId: string,
  userId: string,
): Promise<{ workspaceId: string; status: "drafting" | "in_review" | "submitted"; role: Role | null } | undefined> {
  const row = await db
    .selectFrom("drafts as d")
    .leftJoin("memberships as m", (join) => join.onRef("m.workspace_id", "=", "d.workspace_id").on("m.user_id", "=", userId))
    .select(["d.workspace_id as workspaceId", "d.status", "m.role"])
    .where("d.id", "=", draftId)
    .executeTakeFirst();
  return row ? { workspaceId: row.workspaceId, status: row.status, role: row.role ?? null } : undefined;
}
