import { parentPort } from "node:worker_threads";
import { message, type Message } from "../../core/i18n/message";
import { isCompactionJob, isLibraryJob, runPoolJob, type PoolJob, type PoolResults } from "./pool-job";

export type WorkerRequest = { id: number; job: PoolJob };
export type WorkerReply =
  | { id: number; ok: true; result: PoolResults[PoolJob["format"]] }
  | { id: number; ok: false; error: Message }
  /** Sent while the job runs, any number of times before its result (RunOptions.onEvent). */
  | { id: number; event: unknown };

/**
 * A failure as a message (it crosses to the main thread as data): a Word file's own problem is
 * the person's to fix; an export's is the renderer's words; anything else is ours, logged here.
 */
function failureReason(job: PoolJob, error: unknown): Message {
  if (error instanceof Error && error.name === "DocxImportError" && "reason" in error) return error.reason as Message;
  if (job.format === "docx" || job.format === "pdf")
    return message("import.job.exportFailed", { detail: error instanceof Error ? error.message : String(error) });
  if (isCompactionJob(job)) {
    console.error("Compaction job failed:", error);
    return message("import.job.crashed", { job: "compaction", detail: error instanceof Error ? error.message : String(error) });
  }
  if (isLibraryJob(job)) {
    console.error("Library import job failed:", error);
    return message("import.job.libraryFailed");
  }
  console.error("Word file job failed:", error);
  return message("import.job.wordFailed");
}

/** A result's large bytes, moved rather than copied: a file, or a compacted draft's Yjs state. */
function transferable(result: PoolResults[PoolJob["format"]]): ArrayBuffer[] {
  if (result instanceof Uint8Array) return [result.buffer as ArrayBuffer];
  if (typeof result === "object" && result !== null && "state" in result && result.state instanceof Uint8Array) return [result.state.buffer as ArrayBuffer];
  return [];
}

/** One job at a time (the pool sends the next after the reply). A result's bytes move to the pool (transferred); a job's input arrives as a copy. */
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- never rejects: a failure is the reply
parentPort!.on("message", async ({ id, job }: WorkerRequest) => {
  try {
    const result = await runPoolJob(job, (event) => parentPort!.postMessage({ id, event } satisfies WorkerReply));
    const transfer = transferable(result);
    parentPort!.postMessage({ id, ok: true, result } satisfies WorkerReply, transfer);
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: failureReason(job, error) } satisfies WorkerReply);
  }
});
