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
  /** What an .xlsx may inflate to, as its zip directory declares (a zip bomb guard). */
  maxUnzippedBytes: number;
}

// 100 MB, not 50: a 100,000-row UHRI export with treaty-body paragraphs runs to 60-80 MB as CSV.
export const IMPORT_LIMITS: ReadLimits = {
  maxBytes: 100 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxCellLength: 32_767,
  maxUnzippedBytes: 1024 * 1024 * 1024,
};
