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
 * The draft's stored Y.Doc (snapshot plus every logged update, merged into a fresh Y.Doc), handed
 * to `read` and destroyed afterwards. Reads the database, not a live room, so what was typed in
 * the last half second on an open draft may not be in it yet (persistence batches; the collab
 * server saves every 500 ms). `read` may be async: the Y.Doc lives until it settles.
 */
export async function readStoredYDoc<T>(db: Executor, draftId: string, read: (ydoc: Y.Doc) => T | Promise<T>): Promise<T> {
  const stored = await loadDraftDocument(db, draftId);
  const ydoc = new Y.Doc();
  try {
    if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(ydoc, update);
    return await read(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** A draft's body and cover as stored (readStoredYDoc). */
export async function readDraftContent(db: Executor, draftId: string): Promise<DraftContent> {
  return readStoredYDoc(db, draftId, (ydoc) => ({
    doc: yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), documentSchema()),
    cover: readCover(ydoc),
  }));
}
