/**
 * `npm run check -- <draft id> [--json]`: the pre-flight checks of a stored draft, as the
 * editor's Checks tab and the export screen show them; `--file x.docx --template upr-joint`
 * checks a Word file instead, without a database. Exits 1 when the draft has errors, so a
 * script can stop before exporting; 2 when the check could not run (usage, unknown draft, no
 * database). With PGlite, stop the server first: one process per data directory.
 */
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { lockDataDir } from "../data-dir-lock";
import { parseEnv, type Env } from "../env";
import { open } from "node:fs/promises";
import { DEFAULT_LIMITS, DocxImportError } from "../import/docx";
import { CHECK_USAGE, EXIT, parseCheckArgs, runCheck, runFileCheck, UsageError } from "./check-command";

const output = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text) };

async function checkInDatabase(env: Env, args: { draftId: string; json: boolean }): Promise<number> {
  const release = env.DATABASE_URL ? async () => {} : await lockDataDir(env.DATA_DIR);
  try {
    const handle = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL, poolSize: 2 } : { dataDir: env.DATA_DIR });
    try {
      await migrateToLatest(handle.db);
      return await runCheck(handle.db, args, output);
    } finally {
      await handle.close();
    }
  } finally {
    await release();
  }
}

async function main(): Promise<number> {
  // Arguments and environment are checked before the database is opened, so a typo fails fast.
  const args = parseCheckArgs(process.argv.slice(2));
  if (args.help) {
    output.stdout(`${CHECK_USAGE}\n`);
    return EXIT.clean;
  }
  // A Word file needs no database: it is read, checked and forgotten.
  if ("file" in args) return runFileCheck(args, output, readBounded);
  return checkInDatabase(parseEnv(process.env), args);
}

/** Reads a file only if it is within the import's size limit: a 2 GB file is refused, not loaded. */
async function readBounded(path: string): Promise<Uint8Array> {
  const file = await open(path);
  try {
    if ((await file.stat()).size > DEFAULT_LIMITS.maxBytes) throw new DocxImportError(`The file is over ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB.`);
    return new Uint8Array(await file.readFile());
  } finally {
    await file.close();
  }
}

// Any failure to check is exit 2, never 1: a script reads 1 as "the draft has errors".
process.exitCode = await main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  output.stderr(error instanceof UsageError ? `npm run check: ${message}\n${CHECK_USAGE}\n` : `npm run check: ${message}\n`);
  return EXIT.cannotCheck;
});
