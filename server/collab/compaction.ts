import type { Kysely } from "kysely";
import * as Y from "yjs";
import { canonicalDocument } from "../../core/editor/canonical";
import { loadDraftDocument, lockDraftForCompaction, saveDraftSnapshot } from "../../db/queries/draft-documents";
import { findDraftFreeze } from "../../db/queries/draft-freeze";
import type { Executor } from "../../db/queries/executor";
import type { Database } from "../../db/schema";
import { loadVersionContext, type VersionContext } from "../versions/context";
import { readVersion } from "../versions/reading";
import { recordVersion } from "../versions/record";
import { splitSessions, type LogSession } from "../versions/sessions";

/**
 * Merges a draft's update log into its snapshot (Yjs state + canonical JSON + text). Reads from
 * the database, so it is correct whichever node runs it and whatever other nodes appended; the
 * advisory lock makes nodes take turns. `inMemory` (a room's state) is merged in too, so changes
 * this node only heard from a peer reach the database even if that peer died before saving them —
 * except into a submitted draft, or one frozen for submission: what went to Geneva is what is
 * stored, and memory may hold a change the database refused. Returns how many log rows it folded.
 *
 * Before the rows go, each session of work they hold is kept as a version (server/versions,
 * decision 023): the log is replayed session by session and the draft read at each one's end.
 */
export async function compactDraft(db: Kysely<Database>, draftId: string, memory?: Uint8Array): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockDraftForCompaction(tx, draftId);
    const freeze = memory ? await findDraftFreeze(tx, draftId, "share") : undefined;
    const inMemory = freeze && !freeze.frozen ? memory : undefined;
    const stored = await loadDraftDocument(tx, draftId);
    if (stored.updates.length === 0 && stored.snapshot && !inMemory) return 0;
    const doc = new Y.Doc();
    try {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      const sessions = splitSessions(stored.storedAt, stored.userIds);
      const context = sessions.length > 0 ? await loadVersionContext(tx, draftId) : undefined;
      for (const [index, session] of sessions.entries()) {
        for (let row = session.from; row < session.to; row++) Y.applyUpdate(doc, stored.updates[row]!);
        if (index === sessions.length - 1 && inMemory) Y.applyUpdate(doc, inMemory);
        if (context) await keepSession(tx, draftId, doc, session, context);
      }
      if (sessions.length === 0 && inMemory) Y.applyUpdate(doc, inMemory);
      const { json, text } = canonicalDocument(doc);
      await saveDraftSnapshot(tx, { draftId, state: Y.encodeStateAsUpdate(doc), content: json, text, mergedSeqs: stored.seqs });
      return stored.updates.length;
    } finally {
      doc.destroy();
    }
  });
}

async function keepSession(tx: Executor, draftId: string, doc: Y.Doc, session: LogSession, context: VersionContext): Promise<void> {
  await recordVersion(tx, draftId, readVersion(doc, context.counts, context.userOfClient), {
    kind: "session",
    people: session.userIds.map((id) => context.person(id)),
    organisationOf: context.organisationOf,
    startedAt: session.startedAt,
    createdAt: session.endedAt,
  });
}
