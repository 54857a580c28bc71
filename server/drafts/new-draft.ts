import { recordAudit, type AuditAction } from "../../db/queries/audit";
import { saveDraftSnapshot } from "../../db/queries/draft-documents";
import { createDraft } from "../../db/queries/drafts";
import type { Executor } from "../../db/queries/executor";
import { listOrganisations } from "../../db/queries/organisations";
import type { Draft } from "../../db/schema";
import type { Cover } from "../../core/editor/cover";
import { message } from "../../core/i18n/message";
import type { FieldErrors } from "../../core/schemas/form-data";
import type { DraftInput } from "../../core/schemas/draft";
import type { Template } from "../../templates";

// Storing a new draft and its first document. The same code as app/workspaces/workspaces.server.ts
// (createDraftInWorkspace uses it there); the Word import needs it on the server side, and the
// workspaces feature is to use this one once it moves to server/ (issue 18).

/** Refusals are messages (catalogue ids), put into words in the reader's language by the page. */
export type NewDraftResult<T> = { ok: true; draft: T } | { ok: false; fieldErrors: FieldErrors };

/** A draft's first Y.Doc state with the canonical JSON and text stored beside it. */
export interface FirstDocument {
  state: Uint8Array;
  content: Record<string, unknown>;
  text: string;
}

/** The cover fields of the new-draft form; its language is the submission's, which picks the template's language. */
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
    return { ok: false, fieldErrors: { organisations: [message("drafts.field.organisationNotInWorkspace")] } };
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
