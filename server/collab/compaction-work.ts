import * as Y from "yjs";
import type { CountingRule } from "../../core/checks/word-count";
import { canonicalDocument } from "../../core/editor/canonical";
import type { VersionPerson } from "../../core/versions/contract";
import { measureChange, type VersionChange } from "../versions/change";
import { readVersion, type VersionReading } from "../versions/reading";

/**
 * The CPU half of a compaction (compaction.ts does the database half): rebuilding the Y.Doc from
 * the snapshot and the log, reading it at the end of each session of work as a version, and
 * encoding the merged state with its canonical JSON and text. Plain data in and out, so the
 * same function runs in a worker thread (the job pool, "compaction" jobs) or in-process.
 *
 * Every byte array travels packed in one buffer (`packed`, cut by `lengths`): the arrays the
 * database hands back may be views into a buffer the driver still uses, so they cannot be
 * transferred; copying them once into a fresh buffer and transferring that costs one memcpy and
 * no structured clone of thousands of small arrays.
 */
export interface CompactionWork {
  /** [snapshot?, ...log rows, ...inMemory] back to back; which ones are there: `hasSnapshot`, `inMemoryCount`. */
  packed: Uint8Array;
  lengths: number[];
  hasSnapshot: boolean;
  /** How many of the last arrays are a room's memory (its update log's pieces, unmerged). */
  inMemoryCount: number;
  /** Log row ranges [from, to), one per session of work, in order (server/versions/sessions.ts). */
  sessions: Array<{ from: number; to: number }>;
  /** What reading a version needs; null keeps no versions (the draft is gone). */
  versions: { counts: CountingRule; clients: Map<number, string | null> } | null;
}

export interface CompactionResult {
  /** The merged Yjs state (Y.encodeStateAsUpdate). */
  state: Uint8Array;
  /**
   * The canonical JSON as text: a string crosses threads as one copy, where the object would be
   * rebuilt node by node on the receiving (sockets') thread and then stringified there again.
   */
  json: string;
  text: string;
  /** The draft read at the end of each session, in order (empty when `versions` was null). */
  readings: VersionReading[];
}

/** Packs the stored bytes for computeCompaction: one fresh buffer, safe to transfer. */
export function packCompactionWork(
  parts: { snapshot: Uint8Array | null; updates: readonly Uint8Array[]; inMemory: readonly Uint8Array[] | undefined },
  rest: Pick<CompactionWork, "sessions" | "versions">,
): CompactionWork {
  const arrays = [...(parts.snapshot ? [parts.snapshot] : []), ...parts.updates, ...(parts.inMemory ?? [])];
  const lengths = arrays.map((a) => a.byteLength);
  const packed = new Uint8Array(lengths.reduce((sum, n) => sum + n, 0));
  let offset = 0;
  for (const array of arrays) {
    packed.set(array, offset);
    offset += array.byteLength;
  }
  return { packed, lengths, hasSnapshot: parts.snapshot !== null, inMemoryCount: parts.inMemory?.length ?? 0, ...rest };
}

function unpack(work: CompactionWork): { snapshot: Uint8Array | null; updates: Uint8Array[]; inMemory: Uint8Array[] } {
  const arrays: Uint8Array[] = [];
  let offset = 0;
  for (const length of work.lengths) {
    arrays.push(work.packed.subarray(offset, offset + length));
    offset += length;
  }
  const snapshot = work.hasSnapshot ? arrays.shift()! : null;
  const inMemory = arrays.splice(arrays.length - work.inMemoryCount);
  return { snapshot, updates: arrays, inMemory };
}

/**
 * Replays the log session by session (the in-memory state joins the last session, or the
 * snapshot when there is no log), reads a version at each session's end, then encodes the whole.
 */
export function computeCompaction(work: CompactionWork): CompactionResult {
  const { snapshot, updates, inMemory } = unpack(work);
  const doc = new Y.Doc();
  try {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    const readings: VersionReading[] = [];
    const userOfClient = (clientId: number) => work.versions?.clients.get(clientId) ?? null;
    for (const [index, session] of work.sessions.entries()) {
      for (let row = session.from; row < session.to; row++) Y.applyUpdate(doc, updates[row]!);
      if (index === work.sessions.length - 1) applyAll(doc, inMemory);
      if (work.versions) readings.push(readVersion(doc, work.versions.counts, userOfClient));
    }
    if (work.sessions.length === 0) applyAll(doc, inMemory);
    const { json, text } = canonicalDocument(doc);
    return { state: Y.encodeStateAsUpdate(doc), json: JSON.stringify(json), text, readings };
  } finally {
    doc.destroy();
  }
}

/** A compaction's CPU half as a job-pool job (pool-job.ts). */
export interface CompactionJob {
  format: "compaction";
  work: CompactionWork;
}

/**
 * measureChange (server/versions/change.ts) as a job: comparing two 50,000-word versions takes
 * hundreds of milliseconds. `organisations` stands for the organisationOf function.
 */
export interface VersionChangeJob {
  format: "version-change";
  previous: { content: Record<string, unknown>; authorship: VersionReading["authorship"] } | null;
  reading: VersionReading;
  people: VersionPerson[];
  organisations: ReadonlyMap<string, string | null>;
}

export interface CompactionJobResults {
  compaction: CompactionResult;
  "version-change": VersionChange;
}

export const isCompactionJob = (job: { format: string }): job is CompactionJob | VersionChangeJob =>
  job.format === "compaction" || job.format === "version-change";

/** Runs either job (in a worker, or in-process when there is no pool). */
export function runCompactionJob(job: CompactionJob | VersionChangeJob): CompactionResult | VersionChange {
  if (job.format === "compaction") return computeCompaction(job.work);
  return measureChange(job.previous, job.reading, job.people, (userId) => job.organisations.get(userId) ?? null);
}

/** A room's pieces in one transaction: one observer pass, as one merged update would take. */
function applyAll(doc: Y.Doc, updates: readonly Uint8Array[]): void {
  if (updates.length > 0) doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)));
}
