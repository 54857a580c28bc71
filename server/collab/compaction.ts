import type { Kysely } from "kysely";
import * as Y from "yjs";
import { canonicalDocument } from "../../core/editor/canonical";
import { loadDraftDocument, lockDraftForCompaction, saveDraftSnapshot } from "../../db/queries/draft-documents";
import type { Database } from "../../db/schema";

/**
 * Merges a draft's update log into its snapshot (Yjs state + canonical JSON + text). Reads from
 * the database, not from memory, so it is correct whichever node runs it and whatever other
 * nodes appended; the advisory lock makes nodes take turns. Returns how many updates it folded.
 */
export async function compactDraft(db: Kysely<Database>, draftId: string): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockDraftForCompaction(tx, draftId);
    const stored = await loadDraftDocument(tx, draftId);
    if (stored.updates.length === 0 && stored.snapshot) return 0;
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      const { json, text } = canonicalDocument(doc);
      await saveDraftSnapshot(tx, { draftId, state: Y.encodeStateAsUpdate(doc), content: json, text, mergedSeqs: stored.seqs });
      return stored.updates.length;
    } finally {
      doc.destroy();
    }
  });
}
