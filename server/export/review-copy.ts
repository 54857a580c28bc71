import { initProseMirrorDoc } from "@tiptap/y-tiptap";
import { BODY_FIELD, documentSchema, readCover } from "../../core/editor";
import { listOrganisations } from "../../db/queries/organisations";
import type { Executor } from "../../db/queries/executor";
import type { Draft } from "../../db/schema";
import { readStoredYDoc } from "../drafts/draft-content";
import { loadThreadViews } from "../review/thread-views";
import { exportSourceOf, type ExportSource } from "./export-draft";
import { placeReviewThreads, type ReviewPlacement } from "./review-placement";

/**
 * What a review copy (issue 20) is made from: the stored draft with its open suggestions placed
 * as tracked changes and its open threads as comments (review-placement.ts). The anchors are
 * resolved against the very Y.Doc the body is read from, so positions and text agree. Thin on
 * purpose: everything it decides is in the pure placement.
 */
export async function readReviewSource(db: Executor, draft: Draft): Promise<{ source: ExportSource; placement: ReviewPlacement }> {
  const [threads, organisations] = await Promise.all([loadThreadViews(db, draft.id), listOrganisations(db, draft.workspace_id)]);
  const { cover, placement } = await readStoredYDoc(db, draft.id, (ydoc) => {
    const body = ydoc.getXmlFragment(BODY_FIELD);
    const { doc, mapping } = initProseMirrorDoc(body, documentSchema());
    return { cover: readCover(ydoc), placement: placeReviewThreads({ doc: ydoc, body, mapping }, doc, threads, organisations) };
  });
  const source = exportSourceOf(draft, { doc: placement.doc, cover }, organisations);
  return { source: { ...source, review: { comments: placement.comments, authors: placement.authors } }, placement };
}
