import type { AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import type { DraftCheck } from "../../server/checks/check-draft";
import { lookUpRecommendationTexts } from "../../server/checks/library-lookups";
import { DEFAULT_LIMITS, looksLikeDocx } from "../../server/import/docx";
import type { WordJob } from "../../server/import/word-jobs";
import { findTemplate } from "../../templates";
import type { WorkspaceAccess } from "../auth/guards.server";
import type { FormFailure } from "../forms.server";
import { listOrganisations } from "../../db/queries/organisations";
import { forbidden } from "../http-errors.server";
import { readLibraryUpload, type UploadResult } from "../library/upload.server";
import { resolveWordCover } from "./word-cover.server";
import { importWordDraft, type WordImportOutcome } from "./word-import.server";

/** The largest Word file Caucus reads: the reader's own bound, so both say the same number. */
export const WORD_UPLOAD_MAX_BYTES = DEFAULT_LIMITS.maxBytes;

/**
 * Reading a 40-page file takes tens of milliseconds; a file that takes seconds is built to hurt.
 * Exports keep the pool's longer bound.
 */
const WORD_JOB_TIMEOUT_MS = 15_000;

export function readWordUpload(request: Request): Promise<UploadResult> {
  return readLibraryUpload(request, WORD_UPLOAD_MAX_BYTES, "Pictures make Word files large and Caucus drops them anyway: remove them, or compress them in Word, and try again.");
}

export type WordUploadResult = { ok: true; kind: "check"; fileName: string; check: DraftCheck } | { ok: true; kind: "import"; outcome: WordImportOutcome };

type Refusal = { ok: false; status: 400 | 409 | 422; failure: Omit<FormFailure, "ok"> };

const Intent = z.enum(["check", "import"], { error: "Choose Check or Import." });
const TemplateSlug = z.string({ error: "Choose the template whose rules apply." }).refine((slug) => findTemplate(slug) !== undefined, "Choose the template whose rules apply.");

/**
 * Runs what an upload of the Word-file screen asks: a check (nothing stored) or an import (a new
 * draft). A file Caucus cannot read answers 422 with the reader's sentence beside the file
 * input; nothing is written in that case, or when any cover field is refused.
 */
export async function runWordUpload(context: AppLoadContext, access: WorkspaceAccess, form: FormData): Promise<{ ok: true; result: WordUploadResult } | Refusal> {
  const intent = Intent.safeParse(form.get("intent"));
  if (!intent.success) return refuse(400, { formError: intent.error.issues[0]!.message });
  if (intent.data === "import" && !access.abilities.edit) throw forbidden("Only editors and owners make drafts; you can check a file.");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse(400, { intent: intent.data, fieldErrors: { file: ["Choose a Word file (.docx)."] } });
  const fileName = file.name.slice(0, 200);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLikeDocx(bytes)) {
    return refuse(422, { intent: intent.data, fieldErrors: { file: [`${fileName} is not a Word .docx file. Open it in Word (or LibreOffice) and save it as .docx.`] } });
  }
  const slug = TemplateSlug.safeParse(form.get("template"));
  if (!slug.success) return refuse(400, { intent: intent.data, fieldErrors: { template: [slug.error.issues[0]!.message] } });
  const template = findTemplate(slug.data)!;
  try {
    if (intent.data === "check") {
      // Members may see the workspace's organisations, confidential ones included: only this check does.
      const confidential = (await listOrganisations(context.db, access.workspace.id)).filter((o) => o.confidential).map((o) => ({ name: o.name, acronym: o.acronym }));
      const job: Extract<WordJob, { format: "word-check" }> = { format: "word-check", bytes, fileName, template: template.slug, confidential };
      return { ok: true, result: { ok: true, kind: "check", fileName, check: await checkWithLibrary(context, access.workspace.id, job) } };
    }
    const built = await context.jobs.run({ format: "word-import", bytes, template: template.slug }, { timeoutMs: WORD_JOB_TIMEOUT_MS });
    const organisations = await listOrganisations(context.db, access.workspace.id);
    const cover = resolveWordCover(form, fileName, built, template, organisations);
    if (!cover.ok) return refuse(400, { ...cover, intent: "import" });
    const imported = await importWordDraft(context, access.user, access.workspace.id, template, cover.cover, { name: fileName, built });
    if (!imported.ok) return refuse(409, { intent: "import", fieldErrors: imported.fieldErrors });
    return { ok: true, result: { ok: true, kind: "import", outcome: imported.draft } };
  } catch (error) {
    // The worker pool's sentence: the reader's ("This Word file is damaged…"), or a time bound.
    if (error instanceof Error && error.name === "JobFailed") return refuse(422, { intent: intent.data, fieldErrors: { file: [error.message] } });
    throw error;
  }
}

/**
 * A Word file's check with the workspace's library: a first pass finds the State the cover names
 * and the recommendation numbers the file cites; when there are any, their texts are looked up
 * and a second pass adds the findings that need them (unknown numbers, misquotes). The file is
 * read twice then, each time in the pool: tens of milliseconds, and the event loop stays free.
 */
async function checkWithLibrary(context: AppLoadContext, workspaceId: string, job: Extract<WordJob, { format: "word-check" }>): Promise<DraftCheck> {
  const first = await context.jobs.run(job, { timeoutMs: WORD_JOB_TIMEOUT_MS });
  const { stateUnderReview, recommendationNumbers } = first.lookups;
  if (!stateUnderReview || recommendationNumbers.length === 0) return first.check;
  const known = await lookUpRecommendationTexts(context.db, workspaceId, stateUnderReview, recommendationNumbers);
  const second = await context.jobs.run({ ...job, recommendations: [...known].map(([number, texts]) => [number, [...texts]]) }, { timeoutMs: WORD_JOB_TIMEOUT_MS });
  return second.check;
}

function refuse(status: Refusal["status"], failure: Omit<FormFailure, "ok" | "fieldErrors"> & { fieldErrors?: FormFailure["fieldErrors"] }): Refusal {
  return { ok: false, status, failure: { fieldErrors: {}, ...failure } };
}
