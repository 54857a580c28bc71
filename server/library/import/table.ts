/**
 * The shape every reader (CSV, XLSX, JSON) hands to the importer, and the bounds that keep one
 * file from taking the server down.
 */

import type { ReadLimits } from "../../../core/library/import-limits";

export { IMPORT_LIMITS, type ReadLimits } from "../../../core/library/import-limits";

export interface TableRow {
  /** As the spreadsheet numbers it, header = 1; in a JSON array, the item's position from 1. */
  rowNumber: number;
  cells: string[];
  /** What is wrong with the row before any mapping: a cell over the length limit, stray cells. */
  problems: string[];
}

export type ImportFormat = "csv" | "xlsx" | "json";

export type TableSource =
  | { kind: "table"; format: ImportFormat; headers: string[]; rows: AsyncIterable<TableRow> }
  /** A JSON array of RecommendationInput-shaped objects (Caucus's own export, the demo seed). */
  | { kind: "records"; format: "json"; items: Array<{ rowNumber: number; value: Record<string, unknown> }> };

/** "Column C" when the header cell is empty. */
export function columnName(headers: readonly string[], index: number): string {
  const header = headers[index];
  if (header) return `“${header}”`;
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `column ${letters}`;
}

/** A row cut to the header's width with its problems noted; null for a blank row. */
export function boundRow(rowNumber: number, cells: string[], headers: readonly string[], limits: ReadLimits): TableRow | null {
  let blank = true;
  const problems: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (blank && cell.trim() !== "") blank = false;
    if (cell.length > limits.maxCellLength) {
      problems.push(`${columnName(headers, i)} has ${cell.length.toLocaleString("en")} characters; the limit is ${limits.maxCellLength.toLocaleString("en")}`);
      cells[i] = "";
    }
  }
  if (blank) return null;
  if (cells.length > headers.length) {
    const extra = cells.slice(headers.length).filter((c) => c.trim() !== "").length;
    // Text beyond the last header is usually a separator inside an unquoted cell.
    if (extra > 0) problems.push(`${extra} cell(s) beyond the last column: a separator inside an unquoted cell?`);
    cells.length = headers.length;
  }
  return { rowNumber, cells, problems };
}
