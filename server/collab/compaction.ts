import type { Kysely } from "kysely";
import { loadDraftDocument, lockDraftForCompaction, saveDraftSnapshot } from "../../db/queries/draft-documents";
import { findDraftFreeze } from "../../db/queries/draft-freeze";
import type { Executor } from "../../db/queries/executor";
import type { Database } from "../../db/schema";
import { JobFailed } from "../jobs/job-pool";
import type { JobRunner } from "../context";
import { loadVersionContext, type VersionContext } from "../versions/context";
import type { ChangeMeasure } from "../versions/record";
import { recordVersion } from "../versions/record";
import { splitSessions, type LogSession } from "../versions/sessions";
import { packCompactionWork, runCompactionJob, type CompactionJob, type CompactionResult, type CompactionWork, type VersionChangeJob } from "./compaction-work";
import type { VersionChange } from "../versions/change";

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
 *
 * This thread only reads and writes the database; the replay, the readings and the change
 * measures run in `jobs` (the server's compaction pool: rebuilding a 50,000-word draft and
 * comparing its versions takes hundreds of milliseconds to seconds, which in the sockets' thread
 * would stall every room, issue 23) while the transaction, and so the advisory lock, stays open
 * around them. Without a pool (tests, command-line tools) the same code runs in-process.
 */
export async function compactDraft(db: Kysely<Database>, draftId: string, memory?: readonly Uint8Array[], jobs: JobRunner | null = null): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockDraftForCompaction(tx, draftId);
    const freeze = memory ? await findDraftFreeze(tx, draftId, "share") : undefined;
    const inMemory = freeze && !freeze.frozen ? memory : undefined;
    const stored = await loadDraftDocument(tx, draftId);
    if (stored.updates.length === 0 && stored.snapshot && !inMemory) return 0;
    await letSocketsIn();
    const sessions = splitSessions(stored.storedAt, stored.userIds);
    const context = sessions.length > 0 ? await loadVersionContext(tx, draftId) : undefined;
    const work = packCompactionWork(
      { snapshot: stored.snapshot, updates: stored.updates, inMemory },
      { sessions: sessions.map(({ from, to }) => ({ from, to })), versions: context ? { counts: context.counts, clients: new Map(context.clients) } : null },
    );
    const result = await compute(jobs, work);
    if (context) {
      const measure = changeMeasure(jobs, context);
      for (const [index, session] of sessions.entries()) {
        await keepSession(tx, draftId, result.readings[index]!, session, context, measure);
        await letSocketsIn();
      }
    }
    await saveDraftSnapshot(tx, { draftId, state: result.state, content: result.json, text: result.text, mergedSeqs: stored.seqs });
    return stored.updates.length;
  });
}

/**
 * Lets timers and sockets run between two of this transaction's statements. On PGlite a statement
 * runs in this thread and resolves without passing through the event loop, so back-to-back
 * statements (a version written, the next one read; the log read, then the draft's people) would
 * otherwise hold it as one long stall.
 */
const letSocketsIn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function keepSession(
  tx: Executor,
  draftId: string,
  reading: CompactionResult["readings"][number],
  session: LogSession,
  context: VersionContext,
  measure: ChangeMeasure,
): Promise<void> {
  await recordVersion(
    tx,
    draftId,
    reading,
    {
      kind: "session",
      people: session.userIds.map((id) => context.person(id)),
      organisationOf: context.organisationOf,
      startedAt: session.startedAt,
      createdAt: session.endedAt,
    },
    measure,
  );
}

/** The packed bytes move to the worker (packCompactionWork made them a fresh buffer for this). */
function compute(jobs: JobRunner | null, work: CompactionWork): Promise<CompactionResult> {
  const job: CompactionJob = { format: "compaction", work };
  return inPoolOrHere(jobs, job, () => runCompactionJob(job) as CompactionResult, [work.packed.buffer as ArrayBuffer]);
}

function changeMeasure(jobs: JobRunner | null, context: VersionContext): ChangeMeasure {
  return (previous, reading, people) => {
    // Only what measureChange reads: a stored version row also carries its cover, people, counts.
    const job: VersionChangeJob = {
      format: "version-change",
      previous: previous ? { content: previous.content, authorship: previous.authorship } : null,
      reading,
      people: [...people],
      organisations: context.organisations,
    };
    return inPoolOrHere(jobs, job, () => runCompactionJob(job) as VersionChange);
  };
}

/**
 * In the pool; here when there is none, or when it cannot take the job (closing at shutdown,
 * its queue full): a compaction must still happen, and the same code computes the same bytes.
 * A job that failed in the pool fails the compaction (the log stays; the next one retries).
 */
async function inPoolOrHere<J extends CompactionJob | VersionChangeJob, R>(jobs: JobRunner | null, job: J, here: () => R, transfer: ArrayBuffer[] = []): Promise<R> {
  if (!jobs) return here();
  try {
    return (await jobs.run(job, { transfer })) as R;
  } catch (error) {
    if (error instanceof JobFailed && (error.reason.id === "import.job.shuttingDown" || error.reason.id === "import.job.busy")) return here();
    throw error;
  }
}
