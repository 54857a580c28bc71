import type { ColumnMapping } from "../../core/library/import-fields";
import type { Provenance, RecommendationInput } from "../../core/library/records";
import type { Executor } from "../../db/queries/executor";
import { upsertRecommendations, type UpsertCounts } from "../../db/queries/library-recommendations";
import { upsertSources } from "../../db/queries/library-sources";
import { parseRecommendationFile, type RowError } from "./import/import-recommendations";
import type { ImportInput } from "./import/read-table";
import { parseSources, type ParsedSources, type SourcesFormat } from "./sources-io";

/** What a person chooses when some rows are bad: nothing is written, or the good rows are. */
export type BadRowPolicy = "all-or-nothing" | "skip-bad-rows";

export type ImportPhase =
  | { phase: "reading"; rowsRead: number }
  | { phase: "writing"; written: number; total: number };

export interface LibraryImportResult {
  /** False when bad rows stopped an all-or-nothing import: the library is unchanged. */
  written: boolean;
  rowsRead: number;
  rowUnit: "row" | "item";
  counts: UpsertCounts;
  errors: RowError[];
  errorCount: number;
}

/** Runs inside the import's transaction after the rows are written (an audit event), so both land or neither. */
export type AfterWrite = (trx: Executor, written: { inserted: number; updated: number; skipped: number }) => Promise<void>;

/** A recommendations file read and checked (in the job pool, or in-process by the CLI): what the writer needs. */
export interface ReadRecommendations {
  records: RecommendationInput[];
  rowsRead: number;
  rowUnit: "row" | "item";
  errors: RowError[];
  errorCount: number;
  duplicatesInFile: number;
}

const NOTHING: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, duplicates: 0 };

/**
 * Writes a read recommendations file into one library (null = the shared one) in a single
 * transaction, so a failure part-way leaves the library as it was. With bad rows,
 * "all-or-nothing" writes nothing and reports them; "skip-bad-rows" writes the rest and reports
 * them too.
 */
export async function writeRecommendationsIntoLibrary(
  db: Executor,
  target: string | null,
  parsed: ReadRecommendations,
  options: { policy: BadRowPolicy; createdBy?: string | null; onProgress?: (phase: ImportPhase) => void; afterWrite?: AfterWrite }
): Promise<LibraryImportResult> {
  const base = { rowsRead: parsed.rowsRead, rowUnit: parsed.rowUnit, errors: parsed.errors, errorCount: parsed.errorCount };
  if (parsed.errorCount > 0 && options.policy === "all-or-nothing") return { ...base, written: false, counts: { ...NOTHING, duplicates: parsed.duplicatesInFile } };
  const total = parsed.records.length;
  const counts = await db.transaction().execute(async (trx) => {
    const written = await upsertRecommendations(trx, target, parsed.records, {
      createdBy: options.createdBy ?? null,
      onBatch: (done) => options.onProgress?.({ phase: "writing", written: done, total }),
    });
    await options.afterWrite?.(trx, { inserted: written.inserted, updated: written.updated, skipped: parsed.errorCount });
    return written;
  });
  return { ...base, written: true, counts: { ...counts, duplicates: counts.duplicates + parsed.duplicatesInFile } };
}

/**
 * Reads a recommendations file (CSV, XLSX, JSON) in this thread, with the same bounded readers
 * the job pool runs, and writes it: for the command line, which has no event loop to keep free.
 */
export async function importRecommendationsIntoLibrary(
  db: Executor,
  target: string | null,
  input: ImportInput,
  options: {
    mapping?: ColumnMapping;
    provenance: Provenance;
    policy: BadRowPolicy;
    createdBy?: string | null;
    onProgress?: (phase: ImportPhase) => void;
    afterWrite?: AfterWrite;
  }
): Promise<LibraryImportResult> {
  const parsed = await parseRecommendationFile(input, {
    mapping: options.mapping,
    provenance: options.provenance,
    onProgress: (progress) => options.onProgress?.({ phase: "reading", rowsRead: progress.rowsRead }),
  });
  return writeRecommendationsIntoLibrary(db, target, parsed, options);
}

export interface SourcesImportResult {
  written: boolean;
  format: SourcesFormat;
  read: number;
  inserted: number;
  updated: number;
  /** rowNumber: the entry's position from 0 (people count from 1: callers add it). */
  errors: RowError[];
  /** Entries not written as their format is: the file was refused whole, whatever the policy. */
  malformed: number;
}

/**
 * Writes read sources in one transaction, same policy; but a file with a malformed entry (one
 * read only in part, or not at all) writes nothing whatever the policy, and lists them.
 */
export async function writeSourcesIntoLibrary(
  db: Executor,
  target: string | null,
  parsed: ParsedSources,
  options: { policy: BadRowPolicy; createdBy?: string | null; afterWrite?: AfterWrite }
): Promise<SourcesImportResult> {
  const errors = parsed.errors.map((e) => ({ rowNumber: e.index, reasons: [e.reason] }));
  const malformed = parsed.errors.filter((e) => e.malformed).length;
  const read = parsed.sources.length + errors.length;
  if (malformed > 0 || (errors.length > 0 && options.policy === "all-or-nothing")) {
    return { written: false, format: parsed.format, read, inserted: 0, updated: 0, errors, malformed };
  }
  const stored = await db.transaction().execute(async (trx) => {
    const written = await upsertSources(trx, target, parsed.sources, { createdBy: options.createdBy ?? null });
    await options.afterWrite?.(trx, { inserted: written.inserted, updated: written.updated, skipped: errors.length });
    return written;
  });
  return { written: true, format: parsed.format, read, inserted: stored.inserted, updated: stored.updated, errors, malformed };
}

/** Reads BibTeX, RIS or CSL-JSON in this thread (the command line) and writes the sources. */
export async function importSourcesIntoLibrary(
  db: Executor,
  target: string | null,
  text: string,
  options: { format?: SourcesFormat | "auto"; provenance: Provenance; policy: BadRowPolicy; createdBy?: string | null; afterWrite?: AfterWrite }
): Promise<SourcesImportResult> {
  return writeSourcesIntoLibrary(db, target, parseSources(text, options.format ?? "auto", options.provenance), options);
}
