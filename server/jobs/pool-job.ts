import { isCompactionJob, runCompactionJob, type CompactionJob, type CompactionJobResults, type VersionChangeJob } from "../collab/compaction-work";
import { renderExport, type ExportJob } from "../export/export-job";
import { runWordJob, type WordJob, type WordJobResults } from "../import/word-jobs";
import { isLibraryJob } from "../library/import/library-job-kinds";
import { runLibraryJob, type LibraryJob, type LibraryJobResults } from "../library/import/library-jobs";

/**
 * Everything the job pool runs: exports, reading uploaded Word files, reading library imports,
 * and the CPU half of the collaboration server's compactions (rebuilding a draft, reading its
 * versions and measuring their changes).
 */
export type PoolJob = ExportJob | WordJob | LibraryJob | CompactionJob | VersionChangeJob;

/** What each kind of job resolves to. */
export interface PoolResults extends WordJobResults, LibraryJobResults, CompactionJobResults {
  docx: Uint8Array;
  pdf: Uint8Array;
}

export type PoolResult<J extends PoolJob> = PoolResults[J["format"]];

/** Runs one job of any kind (inside a worker); `emit` sends an event to the caller while it runs. */
export async function runPoolJob(job: PoolJob, emit: (event: unknown) => void = () => {}): Promise<PoolResults[PoolJob["format"]]> {
  if (job.format === "docx" || job.format === "pdf") return renderExport(job);
  if (isLibraryJob(job)) return runLibraryJob(job, emit);
  if (isCompactionJob(job)) return runCompactionJob(job);
  return runWordJob(job);
}

export const isWordJob = (job: PoolJob): job is WordJob => job.format === "word-import" || job.format === "word-check";

export { isCompactionJob, isLibraryJob };

export { jobNoun } from "./job-noun";
