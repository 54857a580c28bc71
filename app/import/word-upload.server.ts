import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { message } from "../../core/i18n/message";
import type { DraftCheck } from "../../server/checks/check-draft";
import type { WordImportOutcome } from "../../server/import/word-import";
import { findTemplate } from "../../templates";
import type { WorkspaceAccess } from "../auth/guards.server";
import type { FormFailure } from "../forms.server";
import { forbidden } from "../http-errors.server";
import { readLibraryUpload, type UploadResult } from "../library/upload.server";

/** Reads the Word-file screen's upload within the reader's own bound (the imports service's maxFileBytes). */
export function readWordUpload(request: Request, maxBytes: number): Promise<UploadResult> {
  return readLibraryUpload(request, maxBytes, "import.upload.wordTooLarge");
}

export type WordUploadResult = { ok: true; kind: "check"; fileName: string; check: DraftCheck } | { ok: true; kind: "import"; outcome: WordImportOutcome };

type Refusal = { ok: false; status: 400 | 409 | 422 | 429; failure: Omit<FormFailure, "ok"> };

const Intent = z.enum(["check", "import"], { error: "import.word.form.chooseIntent" });
const TemplateSlug = z
  .string({ error: "import.word.form.chooseTemplate" })
  .refine((slug) => findTemplate(slug) !== undefined, "import.word.form.chooseTemplate");

/**
 * Runs what an upload of the Word-file screen asks: a check (nothing stored) or an import (a new
 * draft), through the imports service (server/import/service.ts). A file Caucus cannot read
 * answers 422 with the reader's sentence beside the file input; nothing is written in that case,
 * or when any cover field is refused.
 */
export async function runWordUpload(context: AppLoadContext, access: WorkspaceAccess, form: FormData): Promise<{ ok: true; result: WordUploadResult } | Refusal> {
  const { imports } = context.services;
  const intent = Intent.safeParse(form.get("intent"));
  if (!intent.success) return refuse(400, { formError: message("import.word.form.chooseIntent") });
  if (intent.data === "import" && !access.abilities.edit) throw forbidden("import.word.form.editorsOnly");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse(400, { intent: intent.data, fieldErrors: { file: [message("import.word.form.chooseFile")] } });
  const fileName = file.name.slice(0, 200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!imports.looksLikeWordFile(bytes)) {
    return refuse(422, { intent: intent.data, fieldErrors: { file: [message("import.word.form.notDocx", { file: fileName })] } });
  }
  const slug = TemplateSlug.safeParse(form.get("template"));
  if (!slug.success) return refuse(400, { intent: intent.data, fieldErrors: { template: [message("import.word.form.chooseTemplate")] } });
  const template = findTemplate(slug.data)!;
  if (intent.data === "check") {
    const checked = await imports.checkWordFile(access.user, access.workspace.id, { name: fileName, bytes }, template);
    if (!checked.ok) return refuse(checked.status, { ...checked.failure, intent: "check" });
    return { ok: true, result: { ok: true, kind: "check", fileName, check: checked.check } };
  }
  const imported = await imports.importWordFile(access.user, access.workspace.id, { name: fileName, bytes }, template, form);
  if (!imported.ok) return refuse(imported.status, { ...imported.failure, intent: "import" });
  return { ok: true, result: { ok: true, kind: "import", outcome: imported.outcome } };
}

function refuse(status: Refusal["status"], failure: Omit<FormFailure, "ok" | "fieldErrors"> & { fieldErrors?: FormFailure["fieldErrors"] }): Refusal {
  return { ok: false, status, failure: { fieldErrors: {}, ...failure } };
}
