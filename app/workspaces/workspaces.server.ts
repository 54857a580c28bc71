import type { AppLoadContext } from "@remix-run/node";
import * as Y from "yjs";
import { recordAudit, type AuditAction } from "../../db/queries/audit";
import { createDraft } from "../../db/queries/drafts";
import { createWorkspace, updateWorkspace } from "../../db/queries/workspaces";
import type { Draft, Workspace } from "../../db/schema";
import { canonicalDocument } from "../../core/editor/canonical";
import type { Cover } from "../../core/editor/cover";
import type { Executor } from "../../db/queries/executor";
import { saveDraftSnapshot } from "../../db/queries/draft-documents";
import { listOrganisations } from "../../db/queries/organisations";
import { findTemplate, templateYDoc, type Template } from "../../templates";
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
): Promise<NewDraftResult<Draft>> {
  const template = findTemplate(input.template);
  if (!template) return { ok: false, fieldErrors: { template: ["Choose one of the listed templates."] } };
  return context.db.transaction().execute(async (tx) => {
    const doc = templateYDoc(template, coverOf(input));
    let document: FirstDocument;
    try {
      const { json, text } = canonicalDocument(doc);
      document = { state: Y.encodeStateAsUpdate(doc), content: json, text };
    } finally {
      doc.destroy();
    }
    return insertDraft(tx, { actorId, workspaceId, input, template, document });
  });
}

export type NewDraftResult<T> = { ok: true; draft: T } | { ok: false; fieldErrors: Record<string, string[]> };

/** A draft's first Y.Doc state with the canonical JSON and text stored beside it. */
export interface FirstDocument {
  state: Uint8Array;
  content: Record<string, unknown>;
  text: string;
}

/** The cover fields of the new-draft form. */
export function coverOf(input: DraftInput): Partial<Cover> {
  return {
    title: input.title,
    session: input.session,
    stateUnderReview: input.stateUnderReview,
    organisations: input.organisations,
    contact: input.contact,
    language: input.language,
  };
}

/**
 * Writes a new draft inside the caller's transaction: the row, its first snapshot and the
 * audit event (draft.created, or the caller's own action and details). Refuses, writing
 * nothing, when the cover names an organisation that is not in the workspace.
 */
export async function insertDraft(
  tx: Executor,
  args: {
    actorId: string;
    workspaceId: string;
    input: DraftInput;
    template: Template;
    document: FirstDocument;
    audit?: { action: AuditAction; details: Record<string, unknown> };
  },
): Promise<NewDraftResult<Draft>> {
  const { actorId, workspaceId, input, template } = args;
  const known = new Set((await listOrganisations(tx, workspaceId)).map((o) => o.id));
  if (input.organisations.some((id) => !known.has(id))) {
    return { ok: false, fieldErrors: { organisations: ["That organisation is no longer in this workspace. Reload the page."] } };
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
  await saveDraftSnapshot(tx, { draftId: draft.id, ...args.document, mergedSeqs: [] });
  const details = { title: draft.title, mechanism: draft.mechanism, template: template.slug, stateUnderReview: draft.state_under_review };
  await recordAudit(tx, {
    workspaceId,
    actorId,
    action: args.audit?.action ?? "draft.created",
    targetType: "draft",
    targetId: draft.id,
    details: { ...details, ...args.audit?.details },
  });
  return { ok: true, draft };
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
