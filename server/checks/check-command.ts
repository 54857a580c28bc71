import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Executor } from "../../db/queries/executor";
import { isInterfaceLocale, type InterfaceLocale } from "../../core/i18n/locales";
import { isMessage, message, type Message } from "../../core/i18n/message";
import type { Translator } from "../../core/i18n/translator";
import { checkDraft, type DraftCheck } from "./check-draft";
import { cliTranslator, localeFromEnvironment } from "./cli-language";
import { draftCheckJson, formatDraftCheck } from "./check-report-text";
import { checkWordFile, templateForCheck } from "./check-word-file";
import { DocxImportError } from "../import/docx";

/** Exit codes: 1 means the draft has errors; 2 means the check itself could not run. */
export const EXIT = { clean: 0, errors: 1, cannotCheck: 2 } as const;

/**
 * A command line that cannot be run: what is wrong as a catalogue message, said in the report's
 * language by check-cli.ts (Node's own parser says its problems in English: `detail` is then a string).
 * The Error's message is the English, for logs and stack traces.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
  constructor(readonly detail: Message | string) {
    super(typeof detail === "string" ? detail : cliTranslator("en").text(detail));
  }
}

const DraftId = z.uuid();

/** `lang`: the language the report (and the usage) is printed in. */
export type CheckArgs =
  | { help: true; lang: InterfaceLocale }
  | { help: false; draftId: string; json: boolean; lang: InterfaceLocale }
  | { help: false; file: string; template: string; json: boolean; lang: InterfaceLocale };

function readArgv(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: {
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
        file: { type: "string" },
        template: { type: "string" },
        lang: { type: "string" },
      },
    });
  } catch (error) {
    // parseArgs says what was wrong ("Unknown option '--jsn'") in its own message.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The language `--lang` names ("fr", "FR" or "fr-CA"), or the environment's when it names none. */
export function languageOfArgs(lang: string | undefined, env: Readonly<Record<string, string | undefined>>): InterfaceLocale {
  if (lang === undefined) return localeFromEnvironment(env);
  const primary = lang.trim().split(/[-_]/)[0]!.toLowerCase();
  if (!isInterfaceLocale(primary)) throw new UsageError(message("cli.error.lang", { value: lang }));
  return primary;
}

/**
 * Reads the command line; a missing, extra or malformed argument is a UsageError with one line to
 * print. `env` gives the language when there is no `--lang` (cli-language.ts); none means English.
 */
export function parseCheckArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CheckArgs {
  const { values, positionals } = readArgv(argv);
  const lang = languageOfArgs(values.lang, env);
  if (values.help) return { help: true, lang };
  if (values.file !== undefined || values.template !== undefined) {
    if (positionals.length > 0) throw new UsageError(message("cli.error.both"));
    if (!values.file) throw new UsageError(message("cli.error.noFile"));
    if (!values.template) throw new UsageError(message("cli.error.noTemplate"));
    return { help: false, file: values.file, template: values.template, json: values.json, lang };
  }
  if (positionals.length !== 1) throw new UsageError(message(positionals.length === 0 ? "cli.error.noDraft" : "cli.error.oneDraft"));
  const draftId = positionals[0]!.trim();
  if (!DraftId.safeParse(draftId).success) throw new UsageError(message("cli.error.notUuid", { value: positionals[0]! }));
  return { help: false, draftId: draftId.toLowerCase(), json: values.json, lang };
}

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The report as text or JSON, in the language asked for. */
function printed(check: DraftCheck, args: { json: boolean }, t: Translator): string {
  return args.json ? `${JSON.stringify(draftCheckJson(check, t), null, 2)}\n` : formatDraftCheck(check, t);
}

/** Checks one draft and prints the report; returns the exit code (errors → 1, no such draft → 2). */
export async function runCheck(db: Executor, args: { draftId: string; json: boolean; lang?: InterfaceLocale }, output: Output): Promise<number> {
  const t = cliTranslator(args.lang ?? "en");
  const check = await checkDraft(db, args.draftId);
  if (!check) {
    output.stderr(`${t.t("cli.error.unknownDraft", { id: args.draftId })}\n`);
    return EXIT.cannotCheck;
  }
  output.stdout(printed(check, args, t));
  return check.totals.errors > 0 ? EXIT.errors : EXIT.clean;
}

/**
 * Checks a Word file against a template and prints the report; returns the exit code (errors → 1;
 * an unknown template or a file that is not a readable .docx → 2, with the reader's sentence).
 */
export async function runFileCheck(
  args: { file: string; template: string; json: boolean; lang?: InterfaceLocale },
  output: Output,
  read: (path: string) => Promise<Uint8Array>,
): Promise<number> {
  const t = cliTranslator(args.lang ?? "en");
  const template = templateForCheck(args.template);
  if (isMessage(template)) {
    output.stderr(`${t.text(template)}\n`);
    return EXIT.cannotCheck;
  }
  let check;
  try {
    check = checkWordFile(await read(args.file), basename(args.file), template);
  } catch (error) {
    if (!(error instanceof DocxImportError)) throw error;
    output.stderr(`${args.file}: ${t.text(error.reason)}\n`);
    return EXIT.cannotCheck;
  }
  output.stdout(printed(check, args, t));
  return check.totals.errors > 0 ? EXIT.errors : EXIT.clean;
}
