import type { AppLoadContext } from "@remix-run/node";
import type { z } from "zod";
import type { ImportOutcome } from "../../server/library/coalition-import";
import type { ImportPhase } from "../../server/library/import-into-library";
import { message } from "../../core/i18n/message";
import { parseForm, type FormFailure } from "../forms.server";
import { RecommendationImportFormSchema, SourcesImportFormSchema, type RecommendationImportForm } from "../schemas/library";

/**
 * One import request, whichever endpoint it came to (the page's form post, or the streaming
 * endpoint the page calls with fetch): which form it is, then what it did.
 */

export type ImportRequest =
  | { kind: "preview" | "recommendations"; form: RecommendationImportForm }
  | { kind: "sources"; form: z.output<typeof SourcesImportFormSchema> };

export type ImportFormFailure = FormFailure & { status: 400 | 409 };

/** Parses either import form; the intent field says which. */
export function parseImportRequest(formData: FormData): { ok: true; request: ImportRequest } | ImportFormFailure {
  if (formData.get("intent") === "import-sources") {
    const parsed = parseForm(formData, SourcesImportFormSchema);
    return parsed.ok ? { ok: true, request: { kind: "sources", form: parsed.data } } : { ...parsed, status: 400 };
  }
  const parsed = parseForm(formData, RecommendationImportFormSchema);
  if (!parsed.ok) return { ...parsed, status: 400 };
  const { intent, previewed, file } = parsed.data;
  // A mapping is confirmed for one file's columns; applied to another it would file text as States.
  const otherFile = previewed !== null && (previewed.name !== file.name || previewed.size !== file.size);
  if (intent === "import" && otherFile) {
    const notPreviewed = message("import.form.notPreviewed", { file: previewed.name });
    return { ok: false, intent, fieldErrors: { file: [notPreviewed] }, status: 409 };
  }
  // Previewing another file starts again from the mapping its own headers suggest.
  const form = otherFile ? { ...parsed.data, mapping: undefined } : parsed.data;
  return { ok: true, request: { kind: intent === "preview" ? "preview" : "recommendations", form } };
}

export type { ImportOutcome };

/** Runs a parsed import request through the library service; a whole-file refusal is an outcome, not a throw. */
export function runImportRequest(
  context: AppLoadContext,
  actor: { userId: string; workspaceId: string },
  request: ImportRequest,
  onProgress?: (phase: ImportPhase) => void
): Promise<ImportOutcome> {
  const { library } = context.services;
  if (request.kind === "sources") return library.runImport(actor, { kind: "sources", ...request.form });
  const { file, mapping, policy, source } = request.form;
  if (request.kind === "preview") return library.runImport(actor, { kind: "preview", file, mapping });
  return library.runImport(actor, { kind: "recommendations", file, mapping, policy, source }, onProgress);
}
