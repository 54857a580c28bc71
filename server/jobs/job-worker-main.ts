import { parentPort } from "node:worker_threads";
import { runPoolJob, type PoolJob, type PoolResults } from "./pool-job";

export type WorkerRequest = { id: number; job: PoolJob };
export type WorkerReply = { id: number; ok: true; result: PoolResults[PoolJob["format"]] } | { id: number; ok: false; error: string };

/** A failure's sentence: a Word file's own problem is the person's to fix; anything else is ours, logged here. */
function failureSentence(job: PoolJob, error: unknown): string {
  if (error instanceof Error && error.name === "DocxImportError") return error.message;
  if (job.format === "docx" || job.format === "pdf") return error instanceof Error ? error.message : String(error);
  console.error("Word file job failed:", error);
  return "Caucus could not read this Word file (an error on our side, now logged). Try again, or save the file again from Word.";
}

/** One job at a time (the pool sends the next after the reply). A result's bytes move to the pool (transferred); a job's input arrives as a copy. */
// eslint-disable-next-line @typescript-eslint/no-misused-promises -- never rejects: a failure is the reply
parentPort!.on("message", async ({ id, job }: WorkerRequest) => {
  try {
    const result = await runPoolJob(job);
    const transfer = result instanceof Uint8Array ? [result.buffer as ArrayBuffer] : [];
    parentPort!.postMessage({ id, ok: true, result } satisfies WorkerReply, transfer);
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: failureSentence(job, error) } satisfies WorkerReply);
  }
});
