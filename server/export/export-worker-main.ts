import { parentPort } from "node:worker_threads";
import { renderExport, type ExportJob } from "./export-job";

export type WorkerRequest = { id: number; job: ExportJob };
export type WorkerReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; error: string };

/** One job at a time (the pool sends the next after the reply); the bytes move, not copy. */
parentPort!.on("message", async ({ id, job }: WorkerRequest) => {
  try {
    const bytes = await renderExport(job);
    parentPort!.postMessage({ id, ok: true, bytes } satisfies WorkerReply, [bytes.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply);
  }
});
