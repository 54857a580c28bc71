/**
 * The shape every reader (CSV, XLSX, JSON) hands to the importer, and the bounds that keep one
 * file from taking the server down.
 */

import { message, type Message } from "../../../core/i18n/message";
import type { ReadLimits } from "../../../core/library/import-limits";

export { IMPORT_LIMITS, type ReadLimits } from "../../../core/library/import-limits";

export interface TableRow {
  /** As the spreadsheet numbers it, header = 1; in a JSON array, the item's position from 1. */
  rowNumber: number;
  cells: string[];
  /** What is wrong with the row before any mapping: a cell over the length limit, stray cells. */
  problems: Message[];
}

export type ImportFormat = "csv" | "xlsx" | "json";

export type TableSource =
  | {
      kind: "table";
      format: ImportFormat;
      headers: string[];
      rows: AsyncIterable<TableRow>;
    }
  /** A JSON array of RecommendationInput-shaped objects (Caucus's own export, the demo seed). */
  | {
      kind: "records";
      format: "json";
      items: Array<{ rowNumber: number; value: Record<string, unknown> }>;
    };

/** "C" for the third column: what a spreadsheet calls a column whose header cell is empty. */
export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** A cell over the limit, named by the file's own header (data, not translated) or by its letter. */
function cellTooLong(headers: readonly string[], index: number, length: number, max: number): Message {
  const header = headers[index];
  return header
    ? message("import.row.cellTooLong", { column: header, length, max })
    : message("import.row.cellTooLongAt", { column: columnLetters(index), length, max });
}

/** A row cut to the header's width with its problems noted; null for a blank row. */
export function boundRow(rowNumber: number, cells: string[], headers: readonly string[], limits: ReadLimits): TableRow | null {
  let blank = true;
  const problems: Message[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (blank && cell.trim() !== "") blank = false;
    if (cell.length > limits.maxCellLength) {
      problems.push(cellTooLong(headers, i, cell.length, limits.maxCellLength));
      cells[i] = "";
    }
  }
  if (blank) return null;
  if (cells.length > headers.length) {
    const extra = cells.slice(headers.length).filter((c) => c.trim() !== "").length;
    // Text beyond the last header is usually a separator inside an unquoted cell.
    if (extra > 0) problems.push(message("import.row.extraCells", { count: extra }));
    cells.length = headers.length;
  }
  return { rowNumber, cells, problems };
}
