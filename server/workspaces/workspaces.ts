import type { Kysely } from "kysely";
import { recordAudit } from "../../db/queries/audit";
import { createWorkspace, updateWorkspace } from "../../db/queries/workspaces";
import type { Database, Workspace } from "../../db/schema";

type Db = Kysely<Database>;

/** A new coalition workspace with its creator as owner, recorded in the audit log. */
export async function createWorkspaceForUser(db: Db, userId: string, input: { name: string; description: string }): Promise<Workspace> {
  return db.transaction().execute(async (tx) => {
    const workspace = await createWorkspace(tx, { ...input, ownerId: userId });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: userId,
      action: "workspace.created",
      targetType: "workspace",
      targetId: workspace.id,
      details: { name: workspace.name },
    });
    return workspace;
  });
}

export async function updateWorkspaceDetails(
  db: Db,
  actorId: string,
  workspace: Workspace,
  input: { name: string; description: string },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await updateWorkspace(tx, workspace.id, input);
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId,
      action: "workspace.updated",
      targetType: "workspace",
      targetId: workspace.id,
      details: { before: { name: workspace.name }, after: { name: input.name }, descriptionChanged: workspace.description !== input.description },
    });
  });
}
