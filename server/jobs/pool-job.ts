import { renderExport, type ExportJob } from "../export/export-job";
import { runWordJob, type WordJob, type WordJobResults } from "../import/word-jobs";

/** Everything the job pool runs: exports, and reading uploaded Word files. */
export type PoolJob = ExportJob | WordJob;

/** What each kind of job resolves to. */
export interface PoolResults extends WordJobResults {
  docx: Uint8Array;
  pdf: Uint8Array;
}

export type PoolResult<J extends PoolJob> = PoolResults[J["format"]];

/** Runs one job of any kind (inside a worker). */
export async function runPoolJob(job: PoolJob): Promise<PoolResults[PoolJob["format"]]> {
  return job.format === "docx" || job.format === "pdf" ? renderExport(job) : runWordJob(job);
}

export const isWordJob = (job: PoolJob): job is WordJob => job.format === "word-import" || job.format === "word-check";

export { jobNoun } from "./job-noun";
