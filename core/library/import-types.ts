import type { Message } from "../i18n/message";
import type { ImportFieldKey } from "./import-fields";
import type { RecommendationInput } from "./records";

/**
 * What the import endpoints answer, shared by the server that builds it and the screens that
 * show it (server/library/coalition-import.ts fills these in). Nothing here is worded: counts,
 * units and messages travel as data, and the page says them in the person's language.
 */

export interface RowProblem {
  /** As the person's file numbers it: spreadsheet row (header = 1), JSON item or entry from 1. */
  rowNumber: number;
  /** Messages with the values that locate the fault (a column, a value), put into words by the page. */
  reasons: Message[];
}

export interface RecommendationPreview {
  file: { name: string; size: number };
  format: "csv" | "xlsx" | "json";
  rowUnit: "row" | "item";
  preset: { id: string; label: string } | null;
  /** Empty for Caucus's own JSON records, which need no mapping. */
  columns: Array<{ header: string; field: ImportFieldKey | null }>;
  /** The first records as they would be stored. */
  sample: RecommendationInput[];
  rowsRead: number;
  good: number;
  duplicatesInFile: number;
  errorCount: number;
  /** The first of them; errorCount counts them all. */
  errors: RowProblem[];
  /** What the records' provenance will say unless the person changes it. */
  source: string;
}

export interface ImportSummary {
  kind: "recommendations" | "sources";
  /** False when bad rows stopped an all-or-nothing import: nothing was written. */
  written: boolean;
  read: number;
  unit: "row" | "item" | "entry";
  inserted: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  errorCount: number;
  errors: RowProblem[];
  /** Sources only: entries not written as their format is, which stop the import whatever the policy. */
  malformed?: number;
}

/** One line of the streaming import's NDJSON answer; the last is a result or an error. */
export type ImportStreamLine =
  | { type: "progress"; phase: "reading"; rowsRead: number }
  | { type: "progress"; phase: "writing"; written: number; total: number }
  | { type: "result"; summary: ImportSummary }
  | { type: "error"; status: number; message: Message };
