import type { Role } from "../../core/policies/roles";
import type { Workspace } from "../schema";
import type { Executor } from "./executor";

export interface WorkspaceSummary {
  id: string;
  name: string;
  description: string;
  role: Role;
  memberCount: number;
  draftCount: number;
}

/** Creates a workspace with its creator as owner. Run inside a transaction. */
export async function createWorkspace(
  db: Executor,
  input: { name: string; description: string; ownerId: string },
): Promise<Workspace> {
  const workspace = await db
    .insertInto("workspaces")
    .values({ name: input.name, description: input.description })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto("memberships")
    .values({ workspace_id: workspace.id, user_id: input.ownerId, role: "owner" })
    .execute();
  return workspace;
}

export async function findWorkspace(db: Executor, id: string): Promise<Workspace | undefined> {
  return db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateWorkspace(
  db: Executor,
  id: string,
  input: { name: string; description: string },
): Promise<void> {
  await db
    .updateTable("workspaces")
    .set({ name: input.name, description: input.description, updated_at: new Date() })
    .where("id", "=", id)
    .execute();
}

/** The workspaces a user belongs to, with their role and a few counts for the list page. */
export async function listWorkspacesForUser(db: Executor, userId: string): Promise<WorkspaceSummary[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("workspaces as w", "w.id", "m.workspace_id")
    .select((eb) => [
      "w.id",
      "w.name",
      "w.description",
      "m.role",
      eb
        .selectFrom("memberships")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("memberships.workspace_id", "=", "w.id")
        .as("member_count"),
      eb
        .selectFrom("drafts")
        .select(eb.fn.countAll<string>().as("n"))
        .whereRef("drafts.workspace_id", "=", "w.id")
        .as("draft_count"),
    ])
    .where("m.user_id", "=", userId)
    .orderBy("w.name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    role: r.role,
    memberCount: Number(r.member_count ?? 0),
    draftCount: Number(r.draft_count ?? 0),
  }));
}

/** Deletes a workspace and, by cascade, everything in it: drafts, members, invitations, audit log. */
export async function deleteWorkspace(db: Executor, id: string): Promise<void> {
  await db.deleteFrom("workspaces").where("id", "=", id).execute();
}
