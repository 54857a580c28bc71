import { renderExport, type ExportJob } from "../export/export-job";
import { runWordJob, type WordJob, type WordJobResults } from "../import/word-jobs";
import { isLibraryJob } from "../library/import/library-job-kinds";
import { runLibraryJob, type LibraryJob, type LibraryJobResults } from "../library/import/library-jobs";

/** Everything the job pool runs: exports, reading uploaded Word files, and reading library imports. */
export type PoolJob = ExportJob | WordJob | LibraryJob;

/** What each kind of job resolves to. */
export interface PoolResults extends WordJobResults, LibraryJobResults {
  docx: Uint8Array;
  pdf: Uint8Array;
}

export type PoolResult<J extends PoolJob> = PoolResults[J["format"]];

/** Runs one job of any kind (inside a worker); `emit` sends an event to the caller while it runs. */
export async function runPoolJob(job: PoolJob, emit: (event: unknown) => void = () => {}): Promise<PoolResults[PoolJob["format"]]> {
  if (job.format === "docx" || job.format === "pdf") return renderExport(job);
  if (isLibraryJob(job)) return runLibraryJob(job, emit);
  return runWordJob(job);
}

export const isWordJob = (job: PoolJob): job is WordJob => job.format === "word-import" || job.format === "word-check";

export { isLibraryJob };

export { jobNoun } from "./job-noun";
