import type { CompactionJob, CompactionJobResults, VersionChangeJob } from "../collab/compaction-work";
import type { ExportJob } from "../export/export-job";
import type { WordJob, WordJobResults } from "../import/word-jobs";
import { isLibraryJob } from "../library/import/library-job-kinds";
import type { LibraryJob, LibraryJobResults } from "../library/import/library-jobs";

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

/**
 * Runs one job of any kind (inside a worker); `emit` sends an event to the caller while it runs.
 * Each kind's code loads on its worker's first job of that kind: a worker that only compacts
 * drafts (the collaboration server's pool) never loads Typst, the DOCX writer or the Word and
 * library readers (~90 MB a worker once an export ran, decision 020).
 */
export async function runPoolJob(job: PoolJob, emit: (event: unknown) => void = () => {}): Promise<PoolResults[PoolJob["format"]]> {
  if (job.format === "docx" || job.format === "pdf") return (await import("../export/export-job")).renderExport(job);
  if (isLibraryJob(job)) return (await import("../library/import/library-jobs")).runLibraryJob(job, emit);
  if (isCompactionJob(job)) return (await import("../collab/compaction-work")).runCompactionJob(job);
  return (await import("../import/word-jobs")).runWordJob(job);
}

export const isCompactionJob = (job: PoolJob): job is CompactionJob | VersionChangeJob => job.format === "compaction" || job.format === "version-change";

export const isWordJob = (job: PoolJob): job is WordJob => job.format === "word-import" || job.format === "word-check";

export { isLibraryJob };

export { jobNoun } from "./job-noun";
