import { Readable } from "node:stream";
import { parse, type CsvError } from "csv-parse";
import { ImportFileError } from "./import-file-error";
import { boundRow, type ReadLimits, type TableRow } from "./table";

// Enough of the file to tell UTF-8 from the Windows code page Excel's "CSV" export uses.
const SNIFF_BYTES = 64 * 1024;
// A record longer than this is a quote that never closes, not data.
const MAX_RECORD_CHARS = 1_000_000;

function encodingOf(head: Uint8Array): { encoding: string; skip: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: "utf-16be", skip: 2 };
  if (head.includes(0)) throw new ImportFileError("unsupported-format", "import.file.notText");
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return { encoding: "utf-8", skip: 0 };
  } catch {
    return { encoding: "windows-1252", skip: 0 };
  }
}

async function* decode(source: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const first = Buffer.concat(head);
  const { encoding, skip } = encodingOf(first);
  const decoder = new TextDecoder(encoding);
  yield decoder.decode(first.subarray(skip), { stream: true });
  while (!done) {
    const next = await iterator.next();
    if (next.done) break;
    yield decoder.decode(next.value, { stream: true });
  }
  yield decoder.decode();
}

/** Comma, semicolon (Excel where the decimal mark is a comma) or tab: whichever the header uses most. */
export function sniffDelimiter(text: string): string {
  const counts = new Map([[",", 0], [";", 0], ["\t", 0]]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** The fault in words, at the spreadsheet row (csv-parse's "lines" are text lines, not rows). */
function csvFault(error: unknown, rowsRead: number): ImportFileError {
  const csv = error as Partial<CsvError> & { records?: number };
  // The records parsed before the fault, blank ones included, as a spreadsheet counts rows.
  const rowNumber = (typeof csv.records === "number" ? csv.records : rowsRead) + 1;
  if (csv.code === "CSV_QUOTE_NOT_CLOSED") return new ImportFileError("unreadable", "import.file.csvQuoteOpen", { row: rowNumber });
  if (csv.code === "CSV_MAX_RECORD_SIZE") {
    return new ImportFileError("unreadable", "import.file.csvRowTooLong", { row: rowNumber, max: MAX_RECORD_CHARS });
  }
  return new ImportFileError("unreadable", "import.file.csvUnreadable", { row: rowNumber, detail: csv.message ?? String(error) });
}

/** Streams a CSV file as rows numbered as a spreadsheet shows them (header = 1, blank lines count). */
export async function readCsv(source: AsyncIterable<Uint8Array>, limits: ReadLimits): Promise<{ headers: string[]; rows: AsyncIterable<TableRow> }> {
  const text = decode(source);
  const first = await text.next();
  const firstText = first.done ? "" : first.value;
  const parser = parse({
    delimiter: sniffDelimiter(firstText),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  async function* all(): AsyncGenerator<string> {
    yield firstText;
    yield* text;
  }
  const feed = Readable.from(all()).on("error", (error) => parser.destroy(error));
  feed.pipe(parser);
  // However reading stops (the end, a row limit, a fault), the file stream must be closed.
  const close = () => {
    feed.destroy();
    parser.destroy();
  };
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>;
  let rowNumber = 0;
  const next = async (): Promise<IteratorResult<string[]>> => {
    try {
      return await records.next();
    } catch (error) {
      throw error instanceof ImportFileError ? error : csvFault(error, rowNumber);
    }
  };

  let headers: string[] | null = null;
  try {
    while (!headers) {
      const record = await next();
      if (record.done) throw new ImportFileError("empty", "import.file.noHeader");
      rowNumber++;
      if (record.value.some((cell) => cell.trim())) headers = record.value.map((h) => h.trim());
    }
    if (headers.length > limits.maxColumns) {
      throw new ImportFileError("too-many-columns", "import.file.tooManyColumns", { count: headers.length, max: limits.maxColumns });
    }
  } catch (error) {
    close();
    throw error;
  }
  const header = headers;

  async function* rows(): AsyncGenerator<TableRow> {
    let dataRows = 0;
    try {
      for (let record = await next(); !record.done; record = await next()) {
        rowNumber++;
        const row = boundRow(rowNumber, record.value, header, limits);
        if (!row) continue;
        if (++dataRows > limits.maxRows) throw new ImportFileError("too-many-rows", "import.file.tooManyRows", { max: limits.maxRows });
        yield row;
      }
    } finally {
      close();
    }
  }
  return { headers: header, rows: rows() };
}
