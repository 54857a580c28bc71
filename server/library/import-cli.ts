/**
 * `npm run library:import -- <file> [options]`: the operator's way to load the shared library
 * every coalition reads (coalitions add to their own library from the Library page instead).
 * Recommendations from CSV, XLSX or JSON; sources from BibTeX, RIS or CSL-JSON (--sources, or
 * a .bib/.ris extension). With PGlite, stop the server first: one process per data directory.
 * The file is read in this process (no event loop to keep free here), by the same bounded
 * readers the server's job pool runs: the unzip that counts inflated bytes, the JSON depth bound.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import { isInterfaceLocale } from "../../core/i18n/locales";
import { ColumnMappingSchema } from "../../core/library/import-fields";
import { importReport, moreProblems, rowProblemPlace } from "../../core/library/import-report";
import type { ImportSummary, RowProblem } from "../../core/library/import-types";
import { uiTranslator } from "../../locales/ui/all";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { lockDataDir } from "../data-dir-lock";
import { ImportFileError } from "./import/import-file-error";
import { importRecommendationsIntoLibrary, importSourcesIntoLibrary, type ImportPhase } from "./import-into-library";

const USAGE = `usage: npm run library:import -- <file> [--lang en|fr|es|ar] [--sources] [--skip-bad-rows] [--source NAME] [--licence TEXT] [--mapping JSON]
  <file>            .csv, .xlsx or .json of recommendations; .bib, .ris or CSL-JSON of sources
  --lang LANG       the language of the report: en (default), fr, es or ar
  --sources         the file holds sources (implied by .bib and .ris)
  --skip-bad-rows   import the good rows when some are bad (default: import nothing and list them)
  --source NAME     provenance: where the records come from (default: the file name)
  --licence TEXT    provenance: the licence they are published under
  --mapping JSON    column mapping as a JSON array of field keys or null, one per column
                    (default: guessed from the header row, as the import screen proposes)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sources: { type: "boolean", default: false },
    "skip-bad-rows": { type: "boolean", default: false },
    source: { type: "string" },
    licence: { type: "string" },
    mapping: { type: "string" },
    lang: { type: "string", default: "en" },
    help: { type: "boolean", default: false },
  },
});

const file = positionals[0];
if (values.help || !file || positionals.length > 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}

if (!isInterfaceLocale(values.lang)) {
  console.error(`--lang must be en, fr, es or ar, not ${values.lang}`);
  process.exit(2);
}
// The report in the operator's language: the same messages the import page shows.
const i18n = uiTranslator(values.lang);
const { t, text } = i18n;

/** The bad rows, one a line, as the page lists them; then the summary's title and counts. */
function printReport(summary: ImportSummary, problems: readonly RowProblem[]): void {
  for (const problem of problems)
    console.error(`${text(rowProblemPlace(summary.unit, problem))} ${problem.reasons.map(text).join(t("import.problem.separator"))}`);
  const more = moreProblems(summary.errorCount, problems.length);
  if (more) console.error(text(more));
  const report = importReport(summary);
  console.log(text(report.title));
  if (summary.written) console.log(t("import.report.sentence", { parts: report.lines.map(text).join(t("import.report.separator")) }));
  else console.log(`${report.lines.map(text).join(" ")} ${t("import.cli.skipHint")}`);
  if (report.skipped) console.log(t("import.cli.skipped", { unit: summary.unit, count: summary.errorCount }));
}

const provenance = { source: values.source ?? basename(file), licence: values.licence ?? null, retrievedAt: new Date().toISOString().slice(0, 10) };
const policy = values["skip-bad-rows"] ? "skip-bad-rows" : "all-or-nothing";
const isSources = values.sources || [".bib", ".ris"].includes(extname(file).toLowerCase());
const mapping = values.mapping ? ColumnMappingSchema.parse(JSON.parse(values.mapping)) : undefined;

const url = process.env.DATABASE_URL;
const dataDir = process.env.DATA_DIR ?? "./.data";
const release = url ? async () => {} : await lockDataDir(dataDir);
const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir });
const started = performance.now();
let lastReport = 0;
const report = (phase: ImportPhase) => {
  if (performance.now() - lastReport < 1000) return;
  lastReport = performance.now();
  if (phase.phase === "reading") process.stderr.write(`${t("import.progress.reading", { count: phase.rowsRead })}\n`);
  else process.stderr.write(`${t("import.progress.writing", { kind: "recommendations", written: phase.written, count: phase.total })}\n`);
};

try {
  await migrateToLatest(handle.db);
  if (isSources) {
    const result = await importSourcesIntoLibrary(handle.db, null, await readFile(file, "utf8"), { provenance, policy });
    // Entries are counted from 0 in the reader; people count them from 1.
    const errors = result.errors.map((e) => ({ rowNumber: e.rowNumber + 1, reasons: e.reasons }));
    const { written, read, inserted, updated } = result;
    const malformed = result.malformed > 0 ? { malformed: result.malformed } : {};
    printReport({ kind: "sources", written, read, unit: "entry", inserted, updated, unchanged: 0, duplicates: 0, errorCount: errors.length, errors, ...malformed }, errors);
    process.exitCode = result.written ? 0 : 1;
  } else {
    const result = await importRecommendationsIntoLibrary(
      handle.db,
      null,
      { name: basename(file), path: file },
      { mapping, provenance, policy, onProgress: report }
    );
    const { written, rowsRead, rowUnit, errorCount, errors } = result;
    printReport({ kind: "recommendations", written, read: rowsRead, unit: rowUnit, ...result.counts, errorCount, errors }, errors);
    console.log(t("import.cli.time", { unit: rowUnit, count: rowsRead, seconds: Math.round(performance.now() - started) / 1000 }));
    process.exitCode = result.written ? 0 : 1;
  }
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  console.error(t("import.cli.cannotImport", { file, reason: text(error.reason) }));
  process.exitCode = 1;
} finally {
  await handle.close();
  await release();
}
