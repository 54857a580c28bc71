import type { Kysely } from "kysely";
import type { Message } from "../../core/i18n/message";
import type { ColumnMapping } from "../../core/library/import-fields";
import { findImportPreset } from "../../core/library/import-presets";
import type { ImportSummary, RecommendationPreview } from "../../core/library/import-types";
import type { Provenance, RecommendationInput } from "../../core/library/records";
import { recordAudit } from "../../db/queries/audit";
import type { Executor } from "../../db/queries/executor";
import type { Database } from "../../db/schema";
import type { JobRunner } from "../context";
import { ImportFileError } from "./import/import-file-error";
import type { LibraryJobEvent, LibraryRefusal } from "./import/library-jobs";
import { writeRecommendationsIntoLibrary, writeSourcesIntoLibrary, type AfterWrite, type BadRowPolicy, type ImportPhase } from "./import-into-library";

/**
 * The coalition library's import, as the page and the streaming endpoint run it: a preview that
 * writes nothing, and imports that write into the workspace's own library only (never the
 * shared one) and are audited. Every file is read in the job pool (server/jobs), never in the
 * request thread; results are plain data for the page to show.
 */

// What the page lists of the bad rows; the count always covers them all.
const ERRORS_SHOWN = 100;
const SAMPLE_ROWS = 5;

interface Actor {
  userId: string;
  workspaceId: string;
}

/** The whole-file refusal a person can act on, with the HTTP status it is answered with. */
function importFileFailure(error: unknown): { status: 400 | 413 | 422; message: Message } | null {
  if (!(error instanceof ImportFileError)) return null;
  // A file too large to take is 413; one that unpacks or nests past a bound was taken and refused: 422.
  const status = error.code === "too-large" ? 413 : error.code === "unpacks-too-large" || error.code === "too-deep" ? 422 : 400;
  return { status, message: error.reason };
}

/** The upload's bytes, moved (not copied) to the worker that reads them. */
async function fileJobInput(file: File): Promise<{ file: { name: string; bytes: Uint8Array }; transfer: ArrayBuffer[] }> {
  const buffer = await file.arrayBuffer();
  return { file: { name: file.name, bytes: new Uint8Array(buffer) }, transfer: [buffer] };
}

/** A refusal from the worker, thrown again as the error the readers throw in-process. */
function accepted<T extends { ok: true }>(result: T | LibraryRefusal): T {
  if (result.ok) return result;
  throw new ImportFileError(result.code, result.reason.id, result.reason.values);
}

function provenanceFor(source: string | undefined, file: File): Provenance {
  // The day it was taken in: a coalition's file has no retrieval date of its own.
  return { source: source ?? `Imported from ${file.name}`, licence: null, retrievedAt: new Date().toISOString().slice(0, 10) };
}

/** Reads, maps and checks a recommendations file in the job pool without writing: step 2 of the import. */
export async function previewRecommendationImport(jobs: JobRunner, file: File, mapping?: ColumnMapping): Promise<RecommendationPreview> {
  const { file: input, transfer } = await fileJobInput(file);
  const { parsed } = accepted(await jobs.run({ format: "library-preview", file: input, mapping, provenance: provenanceFor(undefined, file) }, { transfer }));
  const preset = findImportPreset(parsed.preset);
  return {
    file: { name: file.name, size: file.size },
    format: parsed.format,
    rowUnit: parsed.rowUnit,
    preset: preset ? { id: preset.id, label: preset.label } : null,
    columns: parsed.headers.map((header, i) => ({ header, field: parsed.mapping[i] ?? null })),
    sample: parsed.sample.slice(0, SAMPLE_ROWS),
    rowsRead: parsed.rowsRead,
    good: parsed.good,
    duplicatesInFile: parsed.duplicatesInFile,
    errorCount: parsed.errorCount,
    errors: parsed.errors.slice(0, ERRORS_SHOWN),
    source: preset?.source ?? `Imported from ${file.name}`,
  };
}

/**
 * Imports a recommendations file into the workspace's own library and audits what it wrote: the
 * job pool reads and checks it (its records arrive in batches once all are read), and this
 * thread writes them in one transaction.
 */
export async function importRecommendations(
  db: Kysely<Database>,
  jobs: JobRunner,
  actor: Actor,
  file: File,
  options: { mapping?: ColumnMapping; policy: BadRowPolicy; source?: string; onProgress?: (phase: ImportPhase) => void }
): Promise<ImportSummary> {
  const { file: input, transfer } = await fileJobInput(file);
  const records: RecommendationInput[] = [];
  const onEvent = (event: unknown) => {
    const e = event as LibraryJobEvent;
    if (e.type === "progress") options.onProgress?.({ phase: "reading", rowsRead: e.rowsRead });
    else records.push(...e.records);
  };
  const job = { format: "library-recommendations" as const, file: input, mapping: options.mapping, provenance: provenanceFor(options.source, file), stopOnBadRows: options.policy === "all-or-nothing" };
  const { parsed } = accepted(await jobs.run(job, { transfer, onEvent }));
  const result = await writeRecommendationsIntoLibrary(db, actor.workspaceId, { ...parsed, records }, {
    policy: options.policy,
    createdBy: actor.userId,
    onProgress: options.onProgress,
    afterWrite: auditImport(actor, file, options.policy, "recommendations"),
  });
  return {
    kind: "recommendations",
    written: result.written,
    read: result.rowsRead,
    unit: result.rowUnit,
    ...result.counts,
    errorCount: result.errorCount,
    errors: result.errors.slice(0, ERRORS_SHOWN),
  };
}

/** Imports BibTeX, RIS or CSL-JSON into the workspace's own sources (read in the job pool) and audits what it wrote. */
export async function importSources(db: Kysely<Database>, jobs: JobRunner, actor: Actor, file: File, options: { policy: BadRowPolicy; source?: string }): Promise<ImportSummary> {
  const { file: input, transfer } = await fileJobInput(file);
  const { parsed } = accepted(await jobs.run({ format: "library-sources", file: input, provenance: provenanceFor(options.source, file) }, { transfer }));
  const result = await writeSourcesIntoLibrary(db, actor.workspaceId, parsed, {
    policy: options.policy,
    createdBy: actor.userId,
    afterWrite: auditImport(actor, file, options.policy, "sources"),
  });
  // Entries are counted from 0 in the reader; people count them from 1.
  const errors = result.errors.map((e) => ({ rowNumber: e.rowNumber + 1, reasons: e.reasons }));
  return {
    kind: "sources",
    written: result.written,
    read: result.read,
    unit: "entry",
    inserted: result.inserted,
    updated: result.updated,
    unchanged: 0,
    duplicates: 0,
    errorCount: errors.length,
    errors: errors.slice(0, ERRORS_SHOWN),
    ...(result.malformed > 0 ? { malformed: result.malformed } : {}),
  };
}

/** The audit event of an import, written in the import's own transaction (nothing written, nothing recorded). */
function auditImport(actor: Actor, file: File, policy: BadRowPolicy, kind: ImportSummary["kind"]): AfterWrite {
  return async (trx: Executor, written) => {
    if (written.inserted + written.updated === 0) return;
    await recordAudit(trx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "library.imported",
      targetType: "workspace",
      targetId: actor.workspaceId,
      details: { kind, file: file.name, policy, ...written },
    });
  };
}

/** One import as the page or the streaming endpoint asks for it, its form already parsed. */
export type ImportRequest =
  | { kind: "preview"; file: File; mapping?: ColumnMapping }
  | {
      kind: "recommendations";
      file: File;
      mapping?: ColumnMapping;
      policy: BadRowPolicy;
      source?: string;
    }
  | { kind: "sources"; file: File; policy: BadRowPolicy; source?: string };

export type ImportOutcome =
  | { ok: true; kind: "preview"; preview: RecommendationPreview }
  | { ok: true; kind: "recommendations" | "sources"; summary: ImportSummary }
  | { ok: false; status: 400 | 413 | 422 | 429; message: Message };

/** Runs an import request; a whole-file refusal (unreadable, too large) is an outcome, not a throw. */
export async function runImport(
  db: Kysely<Database>,
  jobs: JobRunner,
  actor: Actor,
  request: ImportRequest,
  onProgress?: (phase: ImportPhase) => void
): Promise<ImportOutcome> {
  try {
    if (request.kind === "sources") {
      const summary = await importSources(db, jobs, actor, request.file, request);
      return { ok: true, kind: "sources", summary };
    }
    if (request.kind === "preview") return { ok: true, kind: "preview", preview: await previewRecommendationImport(jobs, request.file, request.mapping) };
    const { file, mapping, policy, source } = request;
    const summary = await importRecommendations(db, jobs, actor, file, { mapping, policy, source, onProgress });
    return { ok: true, kind: "recommendations", summary };
  } catch (error) {
    const failure = importFileFailure(error);
    if (failure) return { ok: false, ...failure };
    throw error;
  }
}
