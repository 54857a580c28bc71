import type { PoolJob } from "./pool-job";

/**
 * What a job is called in the sentences its failures become. Apart from pool-job.ts, which
 * imports every renderer and reader: the pool in the main thread needs only this word, and
 * importing pool-job.ts there loaded the whole export and Word-reading graph (docx, Typst's
 * native compiler, the Word reader) into a process that never runs a job itself.
 */
export const jobNoun = (job: PoolJob): string =>
  // Not a person's job: its failures are logged, never shown; "compaction" also names it in /metrics.
  job.format === "compaction" || job.format === "version-change" ? "compaction" :
  job.format === "word-import" || job.format.startsWith("library-") ? "import" : job.format === "word-check" ? "check" : "export";
