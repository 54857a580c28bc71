import { createReadStream } from "node:fs";
import { open, readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { ImportFileError, inMegabytes } from "./import-file-error";
import { readCsv } from "./read-csv";
import { readJson } from "./read-json";
import { readXlsx } from "./read-xlsx";
import { IMPORT_LIMITS, type ImportFormat, type ReadLimits, type TableSource } from "./table";

export { IMPORT_LIMITS, type ImportFormat, type ReadLimits, type TableRow, type TableSource } from "./table";

/** An uploaded file: in memory, or on disk where a multipart upload put it. */
export type ImportInput = { name: string; bytes: Uint8Array } | { name: string; path: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the pre-2007 .xls container

function startsWith(head: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => head[i] === byte);
}

/** By magic bytes first (a workbook renamed .csv is still a workbook), then by extension. */
export function detectFormat(name: string, head: Uint8Array): ImportFormat {
  const extension = extname(name).toLowerCase();
  if (startsWith(head, ZIP)) return "xlsx";
  if (startsWith(head, OLE)) throw new ImportFileError("unsupported-format", "import.file.oldExcel");
  if (extension === ".xlsx") throw new ImportFileError("unsupported-format", "import.file.notXlsx");
  if (extension === ".json") return "json";
  if ([".csv", ".tsv", ".txt", ""].includes(extension)) {
    // A file with no extension that opens with "[" or "{" is JSON.
    const text = new TextDecoder().decode(head).replace(/^\uFEFF/, "").trimStart();
    return extension === "" && /^[[{]/.test(text) ? "json" : "csv";
  }
  throw new ImportFileError("unsupported-format", "import.file.unsupportedExtension", { extension });
}

async function sizeAndHead(input: ImportInput): Promise<{ size: number; head: Uint8Array }> {
  if ("bytes" in input) return { size: input.bytes.length, head: input.bytes.subarray(0, 16) };
  const { size } = await stat(input.path);
  const file = await open(input.path, "r");
  try {
    const head = new Uint8Array(16);
    const { bytesRead } = await file.read(head, 0, 16, 0);
    return { size, head: head.subarray(0, bytesRead) };
  } finally {
    await file.close();
  }
}

async function* chunksOf(input: ImportInput): AsyncGenerator<Uint8Array> {
  if ("bytes" in input) {
    // Slices keep the CSV parser's input flowing in pieces, as a file stream would.
    for (let at = 0; at < input.bytes.length; at += 256 * 1024) yield input.bytes.subarray(at, at + 256 * 1024);
    return;
  }
  for await (const chunk of createReadStream(input.path, { highWaterMark: 256 * 1024 })) yield chunk as Buffer;
}

/**
 * Opens a CSV, XLSX or JSON file as a header row and a stream of rows, within the limits, with
 * rows numbered as the user's spreadsheet numbers them so error messages point at the right line.
 */
export async function readTable(input: ImportInput, limits: ReadLimits = IMPORT_LIMITS): Promise<TableSource> {
  const { size, head } = await sizeAndHead(input);
  if (size > limits.maxBytes) throw new ImportFileError("too-large", "import.file.tooLarge", { size: inMegabytes(size), max: inMegabytes(limits.maxBytes) });
  if (size === 0) throw new ImportFileError("empty", "import.file.empty");
  const format = detectFormat(input.name, head);
  if (format === "csv") return { kind: "table", format, ...(await readCsv(chunksOf(input), limits)) };
  // Workbooks and JSON are read whole: the zip directory is at the end, and JSON has no rows to stream.
  const bytes = "bytes" in input ? input.bytes : await readFile(input.path);
  if (format === "xlsx") return { kind: "table", format, ...(await readXlsx(bytes, limits)) };
  return readJson(bytes, limits);
}
