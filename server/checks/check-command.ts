import { basename } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import type { Executor } from "../../db/queries/executor";
import { checkDraft } from "./check-draft";
import { formatDraftCheck } from "./check-report-text";
import { checkWordFile, templateForCheck } from "./check-word-file";
import { DocxImportError } from "../import/docx";

export const CHECK_USAGE = `usage: npm run check -- <draft id> [--json]
       npm run check -- --file <submission.docx> --template <slug> [--json]
  <draft id>        the draft's id (a UUID: the last part of its address, /workspaces/…/drafts/<id>)
  --file, --template  check a Word file against a template's rules (upr-joint, upr-individual,
                    cescr-session…) without storing it
  --json            print the report as JSON instead of text`;

/** Exit codes: 1 means the draft has errors; 2 means the check itself could not run. */
export const EXIT = { clean: 0, errors: 1, cannotCheck: 2 } as const;

export class UsageError extends Error {
  override readonly name = "UsageError";
}

const DraftId = z.uuid();

export type CheckArgs =
  | { help: true }
  | { help: false; draftId: string; json: boolean }
  | { help: false; file: string; template: string; json: boolean };

function readArgv(argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options: {
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
        file: { type: "string" },
        template: { type: "string" },
      },
    });
  } catch (error) {
    // parseArgs says what was wrong ("Unknown option '--jsn'") in its own message.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the command line; a missing, extra or malformed argument is a UsageError with one line to print. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const { values, positionals } = readArgv(argv);
  if (values.help) return { help: true };
  if (values.file !== undefined || values.template !== undefined) {
    if (positionals.length > 0) throw new UsageError("give a draft id or --file, not both.");
    if (!values.file) throw new UsageError("which Word file? Give --file <path>.");
    if (!values.template) throw new UsageError("check it against which template? Give --template <slug>, e.g. --template upr-joint.");
    return { help: false, file: values.file, template: values.template, json: values.json };
  }
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? "which draft? Give its id." : "give one draft id.");
  const draftId = positionals[0]!.trim();
  if (!DraftId.safeParse(draftId).success) throw new UsageError(`“${positionals[0]}” is not a draft id: it should be a UUID such as 0b6f1c2e-8d4a-4c57-9a61-3e2f7d9b5a10.`);
  return { help: false, draftId: draftId.toLowerCase(), json: values.json };
}

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Checks one draft and prints the report; returns the exit code (errors → 1, no such draft → 2). */
export async function runCheck(db: Executor, args: { draftId: string; json: boolean }, output: Output): Promise<number> {
  const check = await checkDraft(db, args.draftId);
  if (!check) {
    output.stderr(`No draft with id ${args.draftId} in this database.\n`);
    return EXIT.cannotCheck;
  }
  output.stdout(args.json ? `${JSON.stringify(check, null, 2)}\n` : formatDraftCheck(check));
  return check.totals.errors > 0 ? EXIT.errors : EXIT.clean;
}

/**
 * Checks a Word file against a template and prints the report; returns the exit code (errors → 1;
 * an unknown template or a file that is not a readable .docx → 2, with the reader's sentence).
 */
export async function runFileCheck(args: { file: string; template: string; json: boolean }, output: Output, read: (path: string) => Promise<Uint8Array>): Promise<number> {
  const template = templateForCheck(args.template);
  if (typeof template === "string") {
    output.stderr(`${template}\n`);
    return EXIT.cannotCheck;
  }
  let check;
  try {
    check = checkWordFile(await read(args.file), basename(args.file), template);
  } catch (error) {
    if (!(error instanceof DocxImportError)) throw error;
    output.stderr(`${args.file}: ${error.message}\n`);
    return EXIT.cannotCheck;
  }
  output.stdout(args.json ? `${JSON.stringify(check, null, 2)}\n` : formatDraftCheck(check));
  return check.totals.errors > 0 ? EXIT.errors : EXIT.clean;
}
