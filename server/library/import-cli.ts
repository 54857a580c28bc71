/**
 * `npm run library:import -- <file> [options]`: the operator's way to load the shared library
 * every coalition reads (coalitions add to their own library from the Library page instead).
 * Recommendations from CSV, XLSX or JSON; sources from BibTeX, RIS or CSL-JSON (--sources, or
 * a .bib/.ris extension). With PGlite, stop the server first: one process per data directory.
 */
import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import { parseArgs } from "node:util";
import { ColumnMappingSchema } from "../../core/library/import-fields";
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { lockDataDir } from "../data-dir-lock";
import { ImportFileError } from "./import/import-file-error";
import { importRecommendationsIntoLibrary, importSourcesIntoLibrary, type ImportPhase } from "./import-into-library";

const USAGE = `usage: npm run library:import -- <file> [--sources] [--skip-bad-rows] [--source NAME] [--licence TEXT] [--mapping JSON]
  <file>            .csv, .xlsx or .json of recommendations; .bib, .ris or CSL-JSON of sources
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
    help: { type: "boolean", default: false },
  },
});

const file = positionals[0];
if (values.help || !file || positionals.length > 1) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
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
  if (phase.phase === "reading") process.stderr.write(`reading… ${phase.rowsRead.toLocaleString("en")} rows\n`);
  else process.stderr.write(`writing… ${phase.written.toLocaleString("en")} of ${phase.total.toLocaleString("en")}\n`);
};

try {
  await migrateToLatest(handle.db);
  if (isSources) {
    const result = await importSourcesIntoLibrary(handle.db, null, await readFile(file, "utf8"), { provenance, policy });
    for (const error of result.errors) console.error(`entry ${error.rowNumber}: ${error.reasons.join("; ")}`);
    console.log(
      result.written
        ? `${result.format}: ${result.inserted} new and ${result.updated} updated sources in the shared library; ${result.errors.length} entries skipped`
        : `nothing imported: ${result.errors.length} bad entries (fix them, or pass --skip-bad-rows)`,
    );
    process.exitCode = result.written ? 0 : 1;
  } else {
    const result = await importRecommendationsIntoLibrary(handle.db, null, { name: basename(file), path: file }, { mapping, provenance, policy, onProgress: report });
    for (const error of result.errors) console.error(`${result.rowUnit} ${error.rowNumber}: ${error.reasons.join("; ")}`);
    if (result.errorCount > result.errors.length) console.error(`… and ${result.errorCount - result.errors.length} more bad ${result.rowUnit}s`);
    const { inserted, updated, unchanged, duplicates } = result.counts;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      result.written
        ? `${result.rowsRead.toLocaleString("en")} ${result.rowUnit}s read in ${seconds} s: ${inserted} new, ${updated} updated, ${unchanged} unchanged, ${duplicates} repeated; ${result.errorCount} bad ${result.rowUnit}s skipped`
        : `nothing imported: ${result.errorCount} bad ${result.rowUnit}s (fix them, or pass --skip-bad-rows)`,
    );
    process.exitCode = result.written ? 0 : 1;
  }
} catch (error) {
  if (!(error instanceof ImportFileError)) throw error;
  console.error(`cannot import ${file}: ${error.message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
  await release();
}
