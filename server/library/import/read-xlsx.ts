import { Readable } from "node:stream";
import type ExcelJS from "exceljs";
import { zipSync } from "fflate";
import { boundedUnzip, UnzipRefused } from "../../zip/bounded-unzip";
import { ImportFileError, inMegabytes } from "./import-file-error";
import { boundRow, type ReadLimits, type TableRow } from "./table";

/**
 * The workbook's parts inflated within the bounds (counting inflated bytes, server/zip), then
 * stored again uncompressed for ExcelJS: it unpacks the zip itself, trusting what it declares,
 * so it is given only what was measured, and its second pass is a copy, not an inflate.
 */
export function boundedWorkbook(bytes: Uint8Array, limits: ReadLimits): Uint8Array {
  let parts: Map<string, Uint8Array>;
  try {
    parts = boundedUnzip(bytes, { maxTotalBytes: limits.maxUnzippedBytes, maxEntryBytes: limits.maxUnzippedEntryBytes, maxEntries: limits.maxZipEntries });
  } catch (error) {
    if (!(error instanceof UnzipRefused)) throw error;
    const { refusal } = error;
    if (refusal.kind === "damaged") throw new ImportFileError("unreadable", "import.file.xlsxBadZip");
    if (refusal.kind === "too-many-entries") throw new ImportFileError("unreadable", "import.file.xlsxTooManyParts", { max: refusal.max });
    throw new ImportFileError("unpacks-too-large", "import.file.xlsxUnpacksTooLarge", { max: inMegabytes(refusal.max) });
  }
  // What ExcelJS needs to read a sheet goes first: given sheets before the shared strings, it
  // spools them to temporary files, and on a stored zip (no inflate to pace it) it then read
  // the sheets before the strings had arrived, and every text cell came out empty.
  const order = (name: string) => (/^xl\/worksheets\//.test(name) ? 1 : 0);
  const stored: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, data] of [...parts].sort(([a], [b]) => order(a) - order(b))) stored[name] = [data, { level: 0 }];
  parts.clear();
  return zipSync(stored);
}

function isMidnightUtc(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0;
}

/** Rich text, hyperlinks, formulas and dates as the plain text a CSV of the sheet would hold. */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return "";
    return isMidnightUtc(value) ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (typeof value === "object") {
    const v = value as {
      richText?: Array<{ text?: string }>;
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((run) => run.text ?? "").join("");
    if ("text" in v) return xlsxCellText(v.text); // hyperlink: the text shown, which may itself be rich
    if ("result" in v) return xlsxCellText(v.result); // formula: its last computed value
    if ("error" in v) return ""; // #N/A and friends carry no data
  }
  return "";
}

function cellsOf(row: ExcelJS.Row): string[] {
  // row.values is 1-based and sparse: index 0 is always empty.
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) cells.push(xlsxCellText(values[i]).trim() === "" ? "" : xlsxCellText(values[i]));
  return cells;
}

/**
 * exceljs's streaming reader reads a worksheet's name from the workbook part's model, which it
 * sets only once it has parsed xl/workbook.xml, and crashes on `this.model.sheets` if a sheet is
 * read without it. Files written by exceljs put that part last, and now and then (seen once in a
 * loaded test run, not reproduced in 400 reads) its parse yields no model. We read the first
 * sheet by position and never use its name, so an absent model reads as "no sheet names".
 */
function keepWorkbookModel(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  let model: { sheets?: unknown[] } | undefined;
  Object.defineProperty(reader, "model", {
    configurable: true,
    get: () => model ?? { sheets: [] },
    set: (value: { sheets?: unknown[] } | undefined) => {
      model = value;
    },
  });
}

/** Streams the first worksheet of an .xlsx as rows numbered as Excel numbers them. */
export async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<{ headers: string[]; rows: AsyncIterable<TableRow> }> {
  const workbook = boundedWorkbook(bytes, limits);
  // Loaded on the first workbook, not at boot: exceljs and its zip stack are ~150 modules that a
  // server nobody imports a spreadsheet into should not hold (bench/memory.ts).
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(workbook.buffer, workbook.byteOffset, workbook.byteLength)]), {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell a date from a number; hyperlink targets are not needed, their text is in the cell.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "ignore",
  });
  keepWorkbookModel(reader);
  const unreadable = (error: unknown) =>
    error instanceof ImportFileError
      ? error
      : new ImportFileError("unreadable", "import.file.xlsxUnreadable", { detail: error instanceof Error ? error.message : String(error) });

  const sheets = reader[Symbol.asyncIterator]();
  let sheetRows: AsyncIterator<ExcelJS.Row>;
  let headers: string[] | null = null;
  try {
    const sheet = await sheets.next();
    if (sheet.done) throw new ImportFileError("empty", "import.file.noWorksheet");
    sheetRows = sheet.value[Symbol.asyncIterator]();
    while (!headers) {
      const row = await sheetRows.next();
      if (row.done) throw new ImportFileError("empty", "import.file.noWorksheetHeader");
      const cells = cellsOf(row.value);
      if (cells.some((c) => c.trim())) headers = cells.map((h) => h.trim());
    }
  } catch (error) {
    throw unreadable(error);
  }
  if (headers.length > limits.maxColumns) {
    throw new ImportFileError("too-many-columns", "import.file.tooManyColumns", { count: headers.length, max: limits.maxColumns });
  }
  const header = headers;

  async function* rows(): AsyncGenerator<TableRow> {
    let dataRows = 0;
    try {
      for (let row = await sheetRows.next(); !row.done; row = await sheetRows.next()) {
        const bounded = boundRow(row.value.number, cellsOf(row.value), header, limits);
        if (!bounded) continue;
        if (++dataRows > limits.maxRows) throw new ImportFileError("too-many-rows", "import.file.tooManyWorksheetRows", { max: limits.maxRows });
        yield bounded;
      }
      // Excel writes the shared strings after the sheets, so exceljs has spooled every sheet to a
      // temporary file; it deletes each only once that sheet has been read to the end.
      for (let sheet = await sheets.next(); !sheet.done; sheet = await sheets.next()) {
        for await (const _ of sheet.value) void _;
      }
    } catch (error) {
      throw unreadable(error);
    }
  }
  return { headers: header, rows: rows() };
}
