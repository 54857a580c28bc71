import { sql } from "kysely";
import type { Executor } from "./executor";

export interface StoredDocument {
  /** The compacted state, or null before the first compaction. */
  snapshot: Uint8Array | null;
  /** Every update still in the log, in order. Some may already be in the snapshot: Yjs ignores repeats. */
  updates: Uint8Array[];
  /** Their seqs: compaction deletes exactly these, never "everything up to n". */
  seqs: string[];
  /** When each was stored and for whom (null: a node re-storing what peers sent): sessions of work. */
  storedAt: Date[];
  userIds: Array<string | null>;
}

/**
 * Appends one merged update per draft in a single statement: one round trip for a whole node.
 * A submitted draft is frozen, so its updates are refused here, in the same statement: the
 * drafts row is key-share locked, which waits behind a submission holding it FOR UPDATE and then
 * reads the row as that submission left it. Edits typed in the moment before editors' sockets
 * close are never stored after the file that went to Geneva. Returns the drafts refused (a
 * submitted or deleted draft).
 */
export async function appendDraftUpdates(
  db: Executor,
  rows: Array<{ draftId: string; update: Uint8Array; userId: string | null }>,
): Promise<string[]> {
  if (rows.length === 0) return [];
  const values = sql.join(rows.map((r) => sql`(${r.draftId}::uuid, ${asBuffer(r.update)}::bytea, ${r.userId}::uuid)`));
  const stored = await sql<{ draft_id: string }>`
    insert into draft_updates (draft_id, "update", user_id)
    select v.draft_id, v."update", v.user_id
    from (values ${values}) as v(draft_id, "update", user_id)
    join drafts d on d.id = v.draft_id
    where d.status <> 'submitted'
    for key share of d
    returning draft_id`.execute(db);
  const kept = new Set(stored.rows.map((r) => r.draft_id));
  return [...new Set(rows.map((r) => r.draftId).filter((id) => !kept.has(id)))];
}

/**
 * Snapshot plus every logged update: everything needed to rebuild the Y.Doc. The tail is not
 * filtered by seq: an identity value is taken before its transaction commits, so a row with a
 * lower seq can become visible after a compaction read past it.
 */
export async function loadDraftDocument(db: Executor, draftId: string): Promise<StoredDocument> {
  return (await loadDraftDocuments(db, [draftId]))[0]!;
}

/** `loadDraftDocument` for many drafts in two statements, aligned with `draftIds` (a room-load batch). */
export async function loadDraftDocuments(db: Executor, draftIds: readonly string[]): Promise<StoredDocument[]> {
  if (draftIds.length === 0) return [];
  const ids = [...draftIds];
  const snapshots = await db.selectFrom("draft_snapshots").select(["draft_id", "state"]).where("draft_id", "in", ids).execute();
  const rows = await db
    .selectFrom("draft_updates")
    .select(["draft_id", "seq", "update", "created_at", "user_id"])
    .where("draft_id", "in", ids)
    .orderBy("draft_id")
    .orderBy("seq")
    .execute();
  const documents = new Map<string, StoredDocument>(
    ids.map((id) => [id, { snapshot: null, updates: [], seqs: [], storedAt: [], userIds: [] }]),
  );
  for (const s of snapshots) documents.get(s.draft_id)!.snapshot = s.state;
  for (const r of rows) {
    const document = documents.get(r.draft_id)!;
    document.updates.push(r.update);
    document.seqs.push(r.seq);
    document.storedAt.push(r.created_at);
    document.userIds.push(r.user_id);
  }
  return ids.map((id) => documents.get(id)!);
}

/**
 * Takes the per-draft compaction lock for the rest of the transaction. Nodes compact the same
 * draft one at a time; readers and appenders are not blocked.
 */
export async function lockDraftForCompaction(db: Executor, draftId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`draft-compaction:${draftId}`}, 0))`.execute(db);
}

/** Stores the merged state and removes exactly the log rows it was merged from. */
export async function saveDraftSnapshot(
  db: Executor,
  /** `content` may come already as JSON text (a compaction's worker writes it, off the sockets' thread). */
  input: { draftId: string; state: Uint8Array; content: Record<string, unknown> | string; text: string; mergedSeqs: string[] },
): Promise<void> {
  const upToSeq = input.mergedSeqs.at(-1) ?? "0";
  const values = {
    draft_id: input.draftId,
    state: asBuffer(input.state),
    content: typeof input.content === "string" ? input.content : JSON.stringify(input.content),
    text: input.text,
    up_to_seq: upToSeq,
  };
  await db
    .insertInto("draft_snapshots")
    .values(values)
    // The new row's own values (excluded.*), not the parameters again: a 50,000-word draft's JSON
    // and state bound twice were parsed twice (PGlite parses them in the server's own thread).
    .onConflict((oc) =>
      oc.column("draft_id").doUpdateSet((eb) => ({
        state: eb.ref("excluded.state"),
        content: eb.ref("excluded.content"),
        text: eb.ref("excluded.text"),
        up_to_seq: eb.ref("excluded.up_to_seq"),
        updated_at: new Date(),
      })),
    )
    .execute();
  if (input.mergedSeqs.length > 0) {
    await db
      .deleteFrom("draft_updates")
      .where("draft_id", "=", input.draftId)
      .where(sql<boolean>`seq = any(${input.mergedSeqs}::bigint[])`)
      .execute();
  }
}

/** pg writes bytea from Buffers; a plain Uint8Array view is wrapped without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
