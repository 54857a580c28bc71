import type { AppLoadContext } from "@remix-run/node";
import { recordAudit } from "../../db/queries/audit";
import { createDraft } from "../../db/queries/drafts";
import { createWorkspace, updateWorkspace } from "../../db/queries/workspaces";
import type { Draft, Workspace } from "../../db/schema";

/** A new coalition workspace with its creator as owner, recorded in the audit log. */
export async function createWorkspaceForUser(
  context: AppLoadContext,
  userId: string,
  input: { name: string; description: string },
): Promise<Workspace> {
  return context.db.transaction().execute(async (tx) => {
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

export async function createDraftInWorkspace(
  context: AppLoadContext,
  actorId: string,
  workspaceId: string,
  input: { title: string; mechanism: string; stateUnderReview: string; deadline: string | null },
): Promise<Draft> {
  return context.db.transaction().execute(async (tx) => {
    const draft = await createDraft(tx, {
      workspace_id: workspaceId,
      title: input.title,
      mechanism: input.mechanism,
      state_under_review: input.stateUnderReview,
      deadline: input.deadline,
      created_by: actorId,
    });
    await recordAudit(tx, {
      workspaceId,
      actorId,
      action: "draft.created",
      targetType: "draft",
      targetId: draft.id,
      details: { title: draft.title, mechanism: draft.mechanism, stateUnderReview: draft.state_under_review },
    });
    return draft;
  });
}

export async function updateWorkspaceDetails(
  context: AppLoadContext,
  actorId: string,
  workspace: Workspace,
  input: { name: string; description: string },
): Promise<void> {
  await context.db.transaction().execute(async (tx) => {
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
