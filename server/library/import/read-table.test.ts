import { createTranslator } from "../../../core/i18n/translator";
import { UI_CATALOGUES } from "../../../locales/ui/all";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-file-error";
import { IMPORT_LIMITS, readTable, type ImportInput, type TableRow } from "./read-table";

// Rows' problems are messages; these tests read them as an English reader does.
const english = createTranslator("en", UI_CATALOGUES.en);

const FIXTURES = new URL("../../../test/fixtures/library/", import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES));

async function table(input: ImportInput, limits = IMPORT_LIMITS) {
  const source = await readTable(input, limits);
  if (source.kind !== "table") throw new Error(`expected a table, got ${source.kind}`);
  const rows: TableRow[] = [];
  for await (const row of source.rows) rows.push(row);
  return { format: source.format, headers: source.headers, rows };
}

const csv = (text: string, name = "export.csv"): ImportInput => ({ name, bytes: Buffer.from(text, "utf8") });

async function fileError(run: () => Promise<unknown>): Promise<ImportFileError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error("expected an ImportFileError");
}

describe("readTable: CSV", () => {
  it("reads Excel's semicolon CSV with a BOM and a quoted multi-line cell, numbering rows as Excel does", async () => {
    const text = '\uFEFFText;Symbol\n"Ratify the ICCPR;\nand the OP";A/HRC/25/5\n\nAbolish;A/HRC/25/5\n';
    const { headers, rows } = await table(csv(text));
    expect(headers).toEqual(["Text", "Symbol"]);
    expect(rows).toEqual([
      { rowNumber: 2, cells: ["Ratify the ICCPR;\nand the OP", "A/HRC/25/5"], problems: [] },
      { rowNumber: 4, cells: ["Abolish", "A/HRC/25/5"], problems: [] },
    ]);
  });

  it("detects tabs, and decodes UTF-16 ('Unicode text') and Windows-1252 files", async () => {
    expect((await table(csv("Text\tSymbol\r\nRatify, now\tA/HRC/25/5\r\n", "export.tsv"))).rows[0]?.cells).toEqual(["Ratify, now", "A/HRC/25/5"]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("State\tText\nCôte d'Ivoire\tRatify\n", "utf16le")]);
    expect((await table({ name: "export.txt", bytes: utf16 })).rows[0]?.cells).toEqual(["Côte d'Ivoire", "Ratify"]);
    const cp1252 = Buffer.from("State,Text\nC\xf4te d'Ivoire,Ratify\n", "latin1");
    expect((await table({ name: "export.csv", bytes: cp1252 })).rows[0]?.cells).toEqual(["Côte d'Ivoire", "Ratify"]);
  });

  it("reads the same rows from a path as from bytes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "caucus-read-table-"));
    try {
      const path = join(dir, "uhri-export.csv");
      await writeFile(path, await fixture("uhri-export.csv"));
      const fromPath = await table({ name: "uhri-export.csv", path });
      const fromBytes = await table({ name: "uhri-export.csv", bytes: await fixture("uhri-export.csv") });
      expect(fromPath).toEqual(fromBytes);
      expect(fromPath.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("reports an over-long cell and stray cells on the row, and a quote never closed for the file", async () => {
    const limits = { ...IMPORT_LIMITS, maxCellLength: 10 };
    const { rows } = await table(csv("Text,Symbol\nThis text is too long,A/HRC/25/5\nShort,A/HRC/25/5,oops\n"), limits);
    expect(rows.map((r) => r.problems.map(english.text))).toEqual([
      ["“Text” has 21 characters; the limit is 10"],
      ["1 cell beyond the last column: a separator inside an unquoted cell?"],
    ]);
    expect(rows[0]?.cells).toEqual(["", "A/HRC/25/5"]);
    const open = await fileError(() => table(csv('Text,Symbol\n"Ratify,A/HRC/25/5\nAbolish,A/HRC/25/5\n')));
    expect([open.code, open.message]).toEqual(["unreadable", "A quoted cell in row 2 is never closed."]);
  });
});

describe("readTable: bounds and formats", () => {
  it("refuses a file over the size limit before reading it", async () => {
    const error = await fileError(() => readTable(csv("Text\nRatify\n"), { ...IMPORT_LIMITS, maxBytes: 5 }));
    expect([error.code, error.message]).toEqual(["too-large", "The file is 0.0 MB; the limit is 0.0 MB."]);
  });

  it("stops at the row limit, counting data rows only", async () => {
    const limits = { ...IMPORT_LIMITS, maxRows: 2 };
    expect((await table(csv("Text\nA\n\nB\n"), limits)).rows).toHaveLength(2);
    const error = await fileError(() => table(csv("Text\nA\nB\nC\n"), limits));
    expect([error.code, error.message]).toEqual(["too-many-rows", "The file has more than 2 rows; split it and import the parts."]);
  });

  it("tells workbooks, old .xls files and strangers apart by their first bytes", async () => {
    const xlsx = await fixture("uhri-export.xlsx");
    expect((await table({ name: "renamed.csv", bytes: xlsx })).format).toBe("xlsx");
    const xls = await fileError(() => readTable({ name: "old.xls", bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) }));
    expect(xls.message).toMatch(/old Excel \(\.xls\) workbook/);
    expect((await fileError(() => readTable(csv("Text\n", "fake.xlsx")))).message).toBe("This file is named .xlsx but is not an Excel workbook.");
    expect((await fileError(() => readTable(csv("%PDF-1.4", "report.pdf")))).code).toBe("unsupported-format");
    expect((await fileError(() => readTable({ name: "blob.csv", bytes: Buffer.from([1, 0, 2, 0]) }))).code).toBe("unsupported-format");
  });
});

describe("readTable: XLSX", () => {
  it("reads the first worksheet with Excel's row numbers, and rich text, links, formulas and dates as text", async () => {
    const { headers, rows } = await table({ name: "uhri-export.xlsx", bytes: await fixture("uhri-export.xlsx") });
    const csvTable = await table({ name: "uhri-export.csv", bytes: await fixture("uhri-export.csv") });
    expect(headers).toEqual(csvTable.headers);
    expect(rows.map((r) => r.rowNumber)).toEqual(csvTable.rows.map((r) => r.rowNumber));
    const column = (name: string) => headers.indexOf(name);
    expect(rows[0]?.cells[column("Document Symbol")]).toBe("A/HRC/25/5"); // a hyperlink cell
    expect(rows[1]?.cells[column("Text")]).toBe(csvTable.rows[1]?.cells[column("Text")]); // rich text
    expect(rows[2]?.cells[column("UPR Session")]).toBe("- 17th Session"); // a formula's result
    expect(rows[1]?.cells[column("Document Publication Date")]).toBe("2013-12-04"); // a date cell
    expect(rows.some((r) => r.cells.some((c) => c.includes("Not a recommendation")))).toBe(false); // second sheet
  });

  it("reads the rows when the workbook part yields no model (exceljs read it empty; seen in a loaded run)", async () => {
    const parts = unzipSync(await fixture("uhri-export.xlsx"));
    parts["xl/workbook.xml"] = new Uint8Array();
    const whole = await table({ name: "uhri-export.xlsx", bytes: await fixture("uhri-export.xlsx") });
    const { headers, rows } = await table({ name: "no-workbook-model.xlsx", bytes: Buffer.from(zipSync(parts)) });
    expect(headers).toEqual(whole.headers);
    expect(rows).toEqual(whole.rows);
  });

  it("refuses a workbook that unpacks past the bound while inflating, whatever its zip declares", async () => {
    const xlsx = await fixture("uhri-export.xlsx");
    const error = await fileError(() => readTable({ name: "big.xlsx", bytes: xlsx }, { ...IMPORT_LIMITS, maxUnzippedBytes: 20_000 }));
    expect([error.code, error.message]).toEqual(["unpacks-too-large", expect.stringMatching(/^This spreadsheet unpacks to more than 0\.0\d* MB/)]);
    // A shared-strings part of 40 MB declared as 1 KB: stopped at the 32 MB part bound, not believed.
    const parts = unzipSync(xlsx);
    parts["xl/sharedStrings.xml"] = new Uint8Array(40 * 1024 * 1024).fill(0x20);
    const bomb = lieAboutSizes(zipSync(parts, { level: 9 }), 1024);
    expect(bomb.length).toBeLessThan(200_000);
    const refused = await fileError(() => readTable({ name: "bomb.xlsx", bytes: bomb }, { ...IMPORT_LIMITS, maxUnzippedEntryBytes: 32 * 1024 * 1024 }));
    expect([refused.code, refused.message]).toEqual(["unpacks-too-large", "This spreadsheet unpacks to more than 32 MB, more than Caucus reads from one workbook; save it as CSV (up to 100 MB) or split it."]);
  });
});

/** The zip with every entry's uncompressed size, local and central, set to `size`: a lying directory. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  for (let at = 0; at + 4 <= copy.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50) view.setUint32(at + 22, size, true);
    else if (signature === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return copy;
}

describe("readTable: JSON", () => {
  const json = (value: unknown): ImportInput => ({ name: "export.json", bytes: Buffer.from(JSON.stringify(value)) });

  it("treats flat objects as a table whose headers are their keys, lists one value per line", async () => {
    const { headers, rows } = await table(json([{ Text: "Ratify", Themes: ["Women", "Children"] }, { Text: "Abolish", Symbol: "A/HRC/25/5" }]));
    expect(headers).toEqual(["Text", "Themes", "Symbol"]);
    expect(rows).toEqual([
      { rowNumber: 1, cells: ["Ratify", "Women\nChildren", ""], problems: [] },
      { rowNumber: 2, cells: ["Abolish", "", "A/HRC/25/5"], problems: [] },
    ]);
  });

  it("hands recommendation-shaped objects over as records, and refuses what is not an array of objects", async () => {
    const source = await readTable({ name: "caucus-records.json", bytes: await fixture("caucus-records.json") });
    expect(source.kind === "records" && source.items.map((i) => i.rowNumber)).toEqual([1, 2, 3]);
    expect((await fileError(() => readTable(json({ text: "Ratify" })))).message).toBe("A JSON import must be an array of objects.");
    expect((await fileError(() => readTable({ name: "x.json", bytes: Buffer.from("[{") }))).code).toBe("unreadable");
  });
});
