import type { Node as PMNode } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD, documentSchema, readCover, type Cover } from "../../core/editor";
import { loadDraftDocument } from "../../db/queries/draft-documents";
import type { Executor } from "../../db/queries/executor";

export interface DraftContent {
  /** The body read through the document schema, as the editor and the exporters see it. */
  doc: PMNode;
  cover: Cover;
}

/**
 * A draft's body and cover as stored: snapshot plus every logged update, merged into a fresh
 * Y.Doc. Reads the database, not a live room, so what was typed in the last half second on an
 * open draft may not be in it yet (persistence batches; the collab server saves every 500 ms).
 */
export async function readDraftContent(db: Executor, draftId: string): Promise<DraftContent> {
  const stored = await loadDraftDocument(db, draftId);
  const ydoc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(ydoc, update);
    return {
      doc: yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), documentSchema()),
      cover: readCover(ydoc),
    };
  } finally {
    ydoc.destroy();
  }
}
