import type { AppLoadContext } from "@remix-run/node";
import * as Y from "yjs";
import { recordAudit } from "../../db/queries/audit";
import { createDraft } from "../../db/queries/drafts";
import { createWorkspace, updateWorkspace } from "../../db/queries/workspaces";
import type { Draft, Workspace } from "../../db/schema";
import { canonicalDocument } from "../../core/editor/canonical";
import { saveDraftSnapshot } from "../../db/queries/draft-documents";
import { listOrganisations } from "../../db/queries/organisations";
import { findTemplate, templateYDoc } from "../../templates";
import type { DraftInput } from "../schemas/draft";

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

/**
 * A new draft from a template: the draft row, its first document (the template's sections and
 * the cover) as the initial snapshot, and the audit event, in one transaction. Organisations
 * named on the cover must belong to this workspace; otherwise nothing is written.
 */
export async function createDraftInWorkspace(
  context: AppLoadContext,
  actorId: string,
  workspaceId: string,
  input: DraftInput,
): Promise<{ ok: true; draft: Draft } | { ok: false; fieldErrors: Record<string, string[]> }> {
  const template = findTemplate(input.template);
  if (!template) return { ok: false, fieldErrors: { template: ["Choose one of the listed templates."] } };
  return context.db.transaction().execute(async (tx) => {
    const known = new Set((await listOrganisations(tx, workspaceId)).map((o) => o.id));
    if (input.organisations.some((id) => !known.has(id))) {
      return { ok: false as const, fieldErrors: { organisations: ["That organisation is no longer in this workspace. Reload the page."] } };
    }
    const draft = await createDraft(tx, {
      workspace_id: workspaceId,
      title: input.title,
      mechanism: template.mechanism,
      template_slug: template.slug,
      state_under_review: input.stateUnderReview,
      deadline: input.deadline,
      created_by: actorId,
    });
    const doc = templateYDoc(template, {
      title: input.title,
      session: input.session,
      stateUnderReview: input.stateUnderReview,
      organisations: input.organisations,
      contact: input.contact,
      language: input.language,
    });
    try {
      const { json, text } = canonicalDocument(doc);
      await saveDraftSnapshot(tx, { draftId: draft.id, state: Y.encodeStateAsUpdate(doc), content: json, text, mergedSeqs: [] });
    } finally {
      doc.destroy();
    }
    await recordAudit(tx, {
      workspaceId,
      actorId,
      action: "draft.created",
      targetType: "draft",
      targetId: draft.id,
      details: { title: draft.title, mechanism: draft.mechanism, template: template.slug, stateUnderReview: draft.state_under_review },
    });
    return { ok: true as const, draft };
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
