import {
  findImportPreset,
  guessColumnMapping,
  mapRow,
  fieldProblem,
  symbolProblem,
  type ColumnMapping,
  type ImportPresetId,
  type RowDefaults,
} from "../../../core/library/column-mapping";
import type { Message } from "../../../core/i18n/message";
import { checkSymbol } from "../../../core/library/import-values";
import { RecommendationInputSchema, recommendationDedupeKey, type RecommendationInput } from "../../../core/library/records";
import { canonicalStateName, findStateCode } from "../../../core/un/state-aliases";
import { ImportFileError } from "./import-file-error";
import { IMPORT_LIMITS, readTable, type ImportFormat, type ImportInput, type ReadLimits } from "./read-table";

export interface ImportProgress {
  rowsRead: number;
  records: number;
  errorCount: number;
}

export interface ParseRecommendationOptions {
  /** The mapping the user confirmed; guessed from the headers when absent. */
  mapping?: ColumnMapping;
  provenance: RowDefaults["provenance"];
  /** Values for the whole file where a row's cell is empty (a State, a symbol). */
  defaults?: Omit<RowDefaults, "provenance">;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows between two onProgress calls. */
  progressEvery?: number;
  limits?: Partial<ReadLimits>;
}

export interface RowError {
  rowNumber: number;
  reasons: Message[];
}

export interface ParsedRecommendationFile {
  format: ImportFormat;
  /** "row" of a spreadsheet (header = 1) or "item" of a JSON array (first = 1), for messages. */
  rowUnit: "row" | "item";
  headers: string[];
  preset: ImportPresetId | null;
  mapping: ColumnMapping;
  records: RecommendationInput[];
  /** The first MAX_REPORTED_ROW_ERRORS; errorCount has them all. */
  errors: RowError[];
  errorCount: number;
  /** Rows that repeated an earlier row's recommendation; the later one was kept. */
  duplicatesInFile: number;
  rowsRead: number;
}

// A file mapped wrongly fails on every row; the first thousand say why as well as all would.
export const MAX_REPORTED_ROW_ERRORS = 1000;

/** A JSON record in Caucus's own shape, with State names accepted as the mapping step would. */
function recordFromJson(value: Record<string, unknown>, provenance: RowDefaults["provenance"]) {
  const draft: Record<string, unknown> = { provenance, ...value };
  if (typeof draft.stateUnderReview === "string") draft.stateUnderReview = findStateCode(draft.stateUnderReview) ?? draft.stateUnderReview;
  if (Array.isArray(draft.recommendingStates)) {
    draft.recommendingStates = draft.recommendingStates.map((s: unknown) => (typeof s === "string" ? canonicalStateName(s) : s));
  }
  // The schema's grammar lets "A/HRC/25" through; the mapping step does not, nor does this.
  if (typeof draft.symbol === "string" && !checkSymbol(draft.symbol)) return { ok: false as const, errors: [symbolProblem(draft.symbol)] };
  const parsed = RecommendationInputSchema.safeParse(draft);
  if (parsed.success) return { ok: true as const, record: parsed.data };
  return { ok: false as const, errors: parsed.error.issues.map((i) => fieldProblem(i.path)) };
}

/**
 * Reads, maps, normalises and de-duplicates a whole file, stopping short of the database: what
 * the import screen previews and what the import action then writes.
 */
export async function parseRecommendationFile(input: ImportInput, options: ParseRecommendationOptions): Promise<ParsedRecommendationFile> {
  const source = await readTable(input, { ...IMPORT_LIMITS, ...options.limits });
  const every = Math.max(1, options.progressEvery ?? 5000);
  const records: RecommendationInput[] = [];
  const indexByKey = new Map<string, number>();
  const errors: RowError[] = [];
  let errorCount = 0;
  let duplicatesInFile = 0;
  let rowsRead = 0;

  const accept = (rowNumber: number, result: { ok: true; record: RecommendationInput } | { ok: false; errors: Message[] }) => {
    rowsRead++;
    if (result.ok) {
      const key = recommendationDedupeKey(result.record);
      const at = indexByKey.get(key);
      if (at === undefined) indexByKey.set(key, records.push(result.record) - 1);
      else {
        records[at] = result.record; // the later row is the correction
        duplicatesInFile++;
      }
    } else {
      errorCount++;
      if (errors.length < MAX_REPORTED_ROW_ERRORS) errors.push({ rowNumber, reasons: result.errors });
    }
    if (rowsRead % every === 0) options.onProgress?.({ rowsRead, records: records.length, errorCount });
  };

  let headers: string[] = [];
  let preset: ImportPresetId | null = null;
  let mapping: ColumnMapping = [];
  if (source.kind === "records") {
    for (const item of source.items) accept(item.rowNumber, recordFromJson(item.value, options.provenance));
  } else {
    headers = source.headers;
    const guess = guessColumnMapping(headers);
    preset = guess.preset;
    mapping = options.mapping ?? guess.mapping;
    if (!mapping.includes("text")) {
      throw new ImportFileError("no-text-column", "import.file.noTextColumn");
    }
    const defaults: RowDefaults = { ...findImportPreset(preset)?.defaults, ...options.defaults, provenance: options.provenance };
    for await (const row of source.rows) {
      accept(row.rowNumber, row.problems.length > 0 ? { ok: false, errors: row.problems } : mapRow(row.cells, mapping, defaults));
    }
  }
  options.onProgress?.({ rowsRead, records: records.length, errorCount });
  return {
    format: source.format,
    rowUnit: source.format === "json" ? "item" : "row",
    headers,
    preset,
    mapping,
    records,
    errors,
    errorCount,
    duplicatesInFile,
    rowsRead,
  };
}
