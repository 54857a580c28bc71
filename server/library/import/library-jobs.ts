import type { Message } from "../../../core/i18n/message";
import type { RecommendationInput } from "../../../core/library/records";
import { parseSources, type ParsedSources } from "../sources-io";
import { ImportFileError, type ImportFileErrorCode } from "./import-file-error";
import { parseRecommendationFile, type ParsedRecommendationFile } from "./import-recommendations";
import type { LibraryJob } from "./library-job-kinds";

export type { LibraryJob } from "./library-job-kinds";

/** A whole file refused, as data: it crosses from the worker with its code, for the HTTP status. */
export type LibraryRefusal = { ok: false; code: ImportFileErrorCode; reason: Message };

/** What the page previews: the parse without its records, bar a few. */
export type LibraryPreviewResult = { ok: true; parsed: Omit<ParsedRecommendationFile, "records" | "errors"> & { sample: RecommendationInput[]; good: number; errors: ParsedRecommendationFile["errors"] } };

/** The parse of a recommendations file; its records arrive as `records` events before this. */
export type LibraryRecommendationsResult = { ok: true; parsed: Omit<ParsedRecommendationFile, "records"> & { recordCount: number } };

export interface LibraryJobResults {
  "library-preview": LibraryPreviewResult | LibraryRefusal;
  "library-recommendations": LibraryRecommendationsResult | LibraryRefusal;
  "library-sources": { ok: true; parsed: ParsedSources } | LibraryRefusal;
}

/** Events a library job sends while it runs. */
export type LibraryJobEvent = { type: "progress"; rowsRead: number } | { type: "records"; records: RecommendationInput[] };

// Records per message: each arrives as its own message, so the main thread's share of copying
// them is a few milliseconds at a time rather than one long pause at the end.
const RECORDS_PER_EVENT = 2000;
const SAMPLE_ROWS = 5;
const PREVIEW_ERRORS = 100;

function refusal(error: unknown): LibraryRefusal {
  if (error instanceof ImportFileError) return { ok: false, code: error.code, reason: error.reason };
  throw error;
}

/** Runs one library job (in a worker; the CLI calls the same readers in-process). */
export async function runLibraryJob(job: LibraryJob, emit: (event: LibraryJobEvent) => void): Promise<LibraryJobResults[LibraryJob["format"]]> {
  try {
    if (job.format === "library-sources") {
      return { ok: true, parsed: parseSources(new TextDecoder().decode(job.file.bytes), "auto", job.provenance) };
    }
    const { records, ...parsed } = await parseRecommendationFile(job.file, {
      mapping: job.mapping,
      provenance: job.provenance,
      onProgress: (progress) => emit({ type: "progress", rowsRead: progress.rowsRead }),
    });
    if (job.format === "library-preview") {
      return { ok: true, parsed: { ...parsed, errors: parsed.errors.slice(0, PREVIEW_ERRORS), sample: records.slice(0, SAMPLE_ROWS), good: records.length } };
    }
    // Only once the whole file is read and checked: a refused file sends no record at all.
    if (!(job.stopOnBadRows && parsed.errorCount > 0)) {
      for (let at = 0; at < records.length; at += RECORDS_PER_EVENT) emit({ type: "records", records: records.slice(at, at + RECORDS_PER_EVENT) });
    }
    return { ok: true, parsed: { ...parsed, recordCount: records.length } };
  } catch (error) {
    return refusal(error);
  }
}
