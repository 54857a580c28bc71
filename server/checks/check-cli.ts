/**
 * `npm run check -- <draft id> [--json] [--lang fr]`: the pre-flight checks of a stored draft, as the
 * editor's Checks tab and the export screen show them; `--file x.docx --template upr-joint`
 * checks a Word file instead, without a database. Exits 1 when the draft has errors, so a
 * script can stop before exporting; 2 when the check could not run (usage, unknown draft, no
 * database). With PGlite, stop the server first: one process per data directory. The report is
 * in English, French, Spanish or Arabic: `--lang`, else LC_ALL / LC_MESSAGES / LANG (cli-language.ts).
 */
import { openDatabase } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { lockDataDir } from "../data-dir-lock";
import { parseEnv, type Env } from "../env";
import { open } from "node:fs/promises";
import { DEFAULT_LIMITS, DocxImportError } from "../import/docx";
import type { InterfaceLocale } from "../../core/i18n/locales";
import { EXIT, languageOfArgs, parseCheckArgs, runCheck, runFileCheck, UsageError } from "./check-command";
import { cliTranslator, localeFromEnvironment } from "./cli-language";

const output = { stdout: (text: string) => void process.stdout.write(text), stderr: (text: string) => void process.stderr.write(text) };

async function checkInDatabase(env: Env, args: { draftId: string; json: boolean; lang: InterfaceLocale }): Promise<number> {
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
  const args = parseCheckArgs(process.argv.slice(2), process.env);
  if (args.help) {
    output.stdout(`${cliTranslator(args.lang).t("cli.usage")}\n`);
    return EXIT.clean;
  }
  // A Word file needs no database: it is read, checked and forgotten.
  if ("file" in args) return runFileCheck(args, output, (path) => readBounded(path));
  return checkInDatabase(parseEnv(process.env), args);
}

/** Reads a file only if it is within the import's size limit: a 2 GB file is refused, not loaded. */
async function readBounded(path: string): Promise<Uint8Array> {
  const file = await open(path);
  try {
    if ((await file.stat()).size > DEFAULT_LIMITS.maxBytes) {
      throw new DocxImportError("cli.error.fileTooBig", { megabytes: DEFAULT_LIMITS.maxBytes / 1024 / 1024 });
    }
    return new Uint8Array(await file.readFile());
  } finally {
    await file.close();
  }
}

// Any failure to check is exit 2, never 1: a script reads 1 as "the draft has errors".
// A usage error is said in the language asked for; when `--lang` itself is wrong, in the environment's.
process.exitCode = await main().catch((error: unknown) => {
  const t = cliTranslator(languageOfCommandLine());
  if (error instanceof UsageError) {
    const said = typeof error.detail === "string" ? error.detail : t.text(error.detail);
    output.stderr(`npm run check: ${said}\n${t.t("cli.usage")}\n`);
  } else {
    output.stderr(`npm run check: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  return EXIT.cannotCheck;
});

/** The language of the command line for its own errors: a valid `--lang`, else the environment's. */
function languageOfCommandLine(): InterfaceLocale {
  try {
    return parseCheckArgs(process.argv.slice(2), process.env).lang;
  } catch {
    const argv = process.argv.slice(2);
    const at = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
    const value = at < 0 ? undefined : argv[at]!.includes("=") ? argv[at]!.split("=")[1] : argv[at + 1];
    try {
      return languageOfArgs(value, process.env);
    } catch {
      return localeFromEnvironment(process.env);
    }
  }
}
