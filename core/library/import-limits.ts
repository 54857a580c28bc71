/**
 * The bounds that keep one imported file (CSV, XLSX, JSON) from taking the server down: the
 * readers in server/library/import enforce them, the upload form states them.
 */

export interface ReadLimits {
  /** The file as uploaded. */
  maxBytes: number;
  /** Data rows, header not counted. */
  maxRows: number;
  maxColumns: number;
  /** Excel's own cell limit: a longer cell is not a recommendation. */
  maxCellLength: number;
  /**
   * What an .xlsx may inflate to, all parts together, counted while inflating (never the sizes
   * the zip declares): a zip bomb stops here.
   */
  maxUnzippedBytes: number;
  /** What one part of an .xlsx (its shared strings, a sheet) may inflate to. */
  maxUnzippedEntryBytes: number;
  /** Parts in an .xlsx: a spreadsheet export has a few dozen. */
  maxZipEntries: number;
}

// 100 MB, not 50: a 100,000-row UHRI export with treaty-body paragraphs runs to 60-80 MB as CSV.
export const IMPORT_LIMITS: ReadLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxCellLength: 32_767,
  // Unpacked, a workbook is about twice its CSV: 128 MB holds some 50,000 UHRI rows. The worker
  // holds it twice (measured, then stored again for ExcelJS), well inside its heap bound.
  maxUnzippedBytes: 128 * 1024 * 1024,
  maxUnzippedEntryBytes: 96 * 1024 * 1024,
  maxZipEntries: 1000,
};
