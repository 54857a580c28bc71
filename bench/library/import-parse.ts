/**
 * Parse + map + de-duplicate of a 100,000-row UHRI-shaped export, without the database write:
 * the part of an import that must stay well under 15 s for the whole import to finish within a
 * minute on a 2-core machine. Generates the file in a temporary directory from the demo library's
 * real texts, half UPR rows ("186.x … (State)") and half treaty-body paragraphs.
 *
 *   npx tsx bench/library/import-parse.ts            (ROWS=…, BENCH_XLSX=1 to time an .xlsx too)
 *   CSV_OUT=/tmp/uhri.csv npx tsx bench/library/import-parse.ts   keeps the CSV, to time the whole
 *   import with `time npm run library:import -- /tmp/uhri.csv` (parse + write, one transaction)
 */
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { RecommendationInputDraft } from "../../core/library/records";
import { UN_STATES } from "../../core/un/states";
import { parseRecommendationFile } from "../../server/library/import/import-recommendations";

const ROWS = Number(process.env.ROWS ?? 100_000);
const HEADERS = ["OHCHR Annotation Id", "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs", "Document Publication Date", "UPR Position"];
const TREATY = [
  ["- CEDAW", "CEDAW/C/{C}/CO/7-8"],
  ["- CRC", "CRC/C/{C}/CO/3-4"],
  ["- CESCR", "E/C.12/{C}/CO/2"],
  ["- CAT", "CAT/C/{C}/CO/5"],
  ["- CCPR", "CCPR/C/{C}/CO/4"],
];

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

function rowAt(i: number, texts: string[]): string[] {
  const state = UN_STATES[i % UN_STATES.length]!;
  const text = texts[i % texts.length]!;
  const themes = "- Equality & non-discrimination\n- Freedom of opinion and expression & access to information";
  if (i % 2 === 0) {
    const by = UN_STATES[(i * 7) % UN_STATES.length]!.name;
    return [`ann-${i}`, `${100 + (i % 80)}.${Math.floor(i / 80) + 1} ${text} (${by})`, `- ${state.name}`, "- UPR", `A/HRC/${10 + (i % 40)}/${(i % 20) + 1}`, themes, "", "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "2013-12-04", "- Supported"];
  }
  const [body, symbol] = TREATY[i % TREATY.length]!;
  // Numbered so that no two rows are the same recommendation: 999 paragraphs per document.
  const report = Math.floor(i / 1998) + 1;
  const paragraph = `${(Math.floor(i / 2) % 999) + 1}. The Committee recommends that the State party ${text.charAt(0).toLowerCase()}${text.slice(1)} `.repeat(2);
  return [`ann-${i}`, paragraph, `- ${state.name}`, body!, symbol!.replace("{C}", state.code).replace(/\d+(?:-\d+)?$/, String(report)), themes, "- Women & girls\n- Children", "- 5 - GENDER EQUALITY\n- 10.2 - Inclusion", "4 December 2013", ""];
}

async function time<T>(label: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label}: ${seconds.toFixed(2)} s, ${Math.round(ROWS / seconds).toLocaleString("en")} rows/s`);
  return result;
}

const seed = JSON.parse(await readFile(new URL("../../db/seed/recommendations.json", import.meta.url), "utf8")) as RecommendationInputDraft[];
const texts = seed.map((r) => r.text);
const dir = await mkdtemp(join(tmpdir(), "caucus-import-bench-"));
try {
  const csvPath = join(dir, "uhri.csv");
  const lines = [HEADERS.join(",")];
  for (let i = 0; i < ROWS; i++) lines.push(rowAt(i, texts).map(csvCell).join(","));
  await writeFile(csvPath, `${lines.join("\r\n")}\r\n`);
  console.log(`CSV: ${ROWS.toLocaleString("en")} rows, ${((await stat(csvPath)).size / 1024 / 1024).toFixed(1)} MB`);
  if (process.env.CSV_OUT) await copyFile(csvPath, process.env.CSV_OUT);
  const provenance = { source: "bench", licence: null, retrievedAt: "2026-11-27" };
  const result = await time("parseRecommendationFile (CSV)", () => parseRecommendationFile({ name: "uhri.csv", path: csvPath }, { provenance }));
  console.log(`  ${result.records.length.toLocaleString("en")} records, ${result.errorCount} row errors, ${result.duplicatesInFile} duplicates; heap ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MB`);
  if (result.errorCount > 0) console.log("  first errors:", JSON.stringify(result.errors.slice(0, 3)));

  if (process.env.BENCH_XLSX === "1") {
    const xlsxPath = join(dir, "uhri.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true });
    const sheet = writer.addWorksheet("Export");
    sheet.addRow(HEADERS).commit();
    for (let i = 0; i < ROWS; i++) sheet.addRow(rowAt(i, texts)).commit();
    await writer.commit();
    console.log(`XLSX: ${((await stat(xlsxPath)).size / 1024 / 1024).toFixed(1)} MB`);
    const fromXlsx = await time("parseRecommendationFile (XLSX)", () => parseRecommendationFile({ name: "uhri.xlsx", path: xlsxPath }, { provenance }));
    console.log(`  ${fromXlsx.records.length.toLocaleString("en")} records, ${fromXlsx.errorCount} row errors`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
