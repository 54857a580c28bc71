import type { Kysely } from "kysely";
import { message } from "../../core/i18n/message";
import * as Y from "yjs";
import { canonicalDocument } from "../../core/editor/canonical";
import type { DraftInput } from "../../core/schemas/draft";
import { countOpenThreads } from "../../db/queries/comment-threads";
import { listDraftsAwaitingReviewBy } from "../../db/queries/draft-reviewers";
import { listDrafts } from "../../db/queries/drafts";
import type { Database, Draft } from "../../db/schema";
import { findTemplate, templateYDoc } from "../../templates";
import { coverOf, insertDraft, type FirstDocument, type NewDraftResult } from "../drafts/new-draft";

/**
 * A new draft from a template: the draft row, its first document (the template's sections and
 * the cover) as the initial snapshot, and the audit event, in one transaction. Organisations
 * named on the cover must belong to this workspace; otherwise nothing is written.
 */
export async function createDraftInWorkspace(
  db: Kysely<Database>,
  actorId: string,
  workspaceId: string,
  input: DraftInput,
): Promise<NewDraftResult<Draft>> {
  const template = findTemplate(input.template);
  if (!template) return { ok: false, fieldErrors: { template: [message("drafts.field.templateUnknown")] } };
  return db.transaction().execute(async (tx) => {
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

/** A workspace's draft as its list shows it to one member. */
export interface DraftListing {
  draft: Draft;
  openThreads: number;
  /** The member is one of the draft's reviewers and the draft is in review. */
  awaitingMyReview: boolean;
}

/** The workspace's drafts with their open comment threads and whether they await this member. */
export async function listDraftsForMember(db: Kysely<Database>, workspaceId: string, userId: string): Promise<DraftListing[]> {
  const drafts = await listDrafts(db, workspaceId);
  const openThreads = await countOpenThreads(db, workspaceId);
  const awaiting = new Set(await listDraftsAwaitingReviewBy(db, workspaceId, userId));
  return drafts.map((draft) => ({ draft, openThreads: openThreads.get(draft.id) ?? 0, awaitingMyReview: awaiting.has(draft.id) }));
}
