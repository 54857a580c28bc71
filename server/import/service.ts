import type { FormFailure } from "../../core/schemas/form-data";
import { listOrganisations } from "../../db/queries/organisations";
import type { Template } from "../../templates";
import type { DraftCheck } from "../checks/check-draft";
import { lookUpRecommendationTexts } from "../checks/library-lookups";
import { JobFailed } from "../jobs/job-pool";
import { tooManyAttempts } from "../limits/refusal";
import type { ServiceDeps } from "../services";
import { DEFAULT_LIMITS, looksLikeDocx } from "./docx";
import { resolveWordCover } from "./word-cover";
import { importWordDraft, type WordImportOutcome } from "./word-import";
import type { WordJob } from "./word-jobs";

/**
 * Reading a 40-page file takes tens of milliseconds; a file that takes seconds is built to hurt.
 * Exports keep the pool's longer bound.
 */
const WORD_JOB_TIMEOUT_MS = 15_000;

/** A Word file refused: 422 when it cannot be read (the reader's or the pool's sentence, for the file field), 400/409 for the cover, 429 past the upload limit. */
export type WordRefusal = { ok: false; status: 400 | 409 | 422 | 429; failure: Omit<FormFailure, "ok"> };

const unreadable = (error: unknown): WordRefusal => {
  // The worker pool's sentence: the reader's ("This Word file is damaged…"), or a time bound.
  if (error instanceof JobFailed) return { ok: false, status: 422, failure: { fieldErrors: { file: [error.reason] } } };
  throw error;
};

type CheckJob = Extract<WordJob, { format: "word-check" }>;

/**
 * Word files: checked against a template (nothing stored) or imported as a new draft. Each file
 * is read in the worker pool. Callers authorise (checking: any member; importing: editors).
 */
export function createImportsService({ db, jobs, limits }: Pick<ServiceDeps, "db" | "jobs" | "limits">) {
  /**
   * A Word file's check with the workspace's library: a first pass finds the State the cover names
   * and the recommendation numbers the file cites; when there are any, their texts are looked up
   * and a second pass adds the findings that need them (unknown numbers, misquotes). The file is
   * read twice then, each time in the pool: tens of milliseconds, and the event loop stays free.
   */
  async function checkWithLibrary(workspaceId: string, job: CheckJob): Promise<DraftCheck> {
    const first = await jobs.run(job, { timeoutMs: WORD_JOB_TIMEOUT_MS });
    const { stateUnderReview, recommendationNumbers } = first.lookups;
    if (!stateUnderReview || recommendationNumbers.length === 0) return first.check;
    const known = await lookUpRecommendationTexts(db, workspaceId, stateUnderReview, recommendationNumbers);
    const second = await jobs.run({ ...job, recommendations: [...known].map(([number, texts]) => [number, [...texts]]) }, { timeoutMs: WORD_JOB_TIMEOUT_MS });
    return second.check;
  }

  /** Each file read (checked or imported) spends one of the person's uploads; null while some are left. */
  async function uploadRefused(userId: string): Promise<WordRefusal | null> {
    const upload = await limits.consume("upload", userId);
    return upload.ok ? null : { ok: false, status: 429, failure: { fieldErrors: { file: [tooManyAttempts(upload.retryAfterMs)] } } };
  }

  return {
    /** The largest Word file Caucus reads: the reader's own bound, so the upload and the reader say the same number. */
    maxFileBytes: DEFAULT_LIMITS.maxBytes,

    /** Whether the bytes start as a .docx (a zip) does; anything else is refused before the pool sees it. */
    looksLikeWordFile(bytes: Uint8Array): boolean {
      return looksLikeDocx(bytes);
    },

    /** The file's pre-flight report against the template, with the workspace's confidential organisations and library. */
    async checkWordFile(
      actor: { id: string },
      workspaceId: string,
      file: { name: string; bytes: Uint8Array },
      template: Template,
    ): Promise<{ ok: true; check: DraftCheck } | WordRefusal> {
      const refused = await uploadRefused(actor.id);
      if (refused) return refused;
      try {
        // Members may see the workspace's organisations, confidential ones included: only this check does.
        const confidential = (await listOrganisations(db, workspaceId)).filter((o) => o.confidential).map((o) => ({ name: o.name, acronym: o.acronym }));
        const job: CheckJob = { format: "word-check", bytes: file.bytes, fileName: file.name, template: template.slug, confidential };
        return { ok: true, check: await checkWithLibrary(workspaceId, job) };
      } catch (error) {
        return unreadable(error);
      }
    },

    /**
     * A new draft from the file (word-import.ts): its cover from the form's fields, else the
     * file's cover block (word-cover.ts). Nothing is written when the file cannot be read or any
     * cover field is refused.
     */
    async importWordFile(
      actor: { id: string; name: string },
      workspaceId: string,
      file: { name: string; bytes: Uint8Array },
      template: Template,
      coverFields: FormData
    ): Promise<{ ok: true; outcome: WordImportOutcome } | WordRefusal> {
      const refused = await uploadRefused(actor.id);
      if (refused) return refused;
      try {
        const built = await jobs.run({ format: "word-import", bytes: file.bytes, template: template.slug, importerName: actor.name }, { timeoutMs: WORD_JOB_TIMEOUT_MS });
        const organisations = await listOrganisations(db, workspaceId);
        const cover = resolveWordCover(coverFields, file.name, built, template, organisations);
        if (!cover.ok) return { ok: false, status: 400, failure: cover };
        const imported = await importWordDraft(db, actor, workspaceId, template, cover.cover, { name: file.name, built });
        if (!imported.ok) return { ok: false, status: 409, failure: { fieldErrors: imported.fieldErrors } };
        return { ok: true, outcome: imported.draft };
      } catch (error) {
        return unreadable(error);
      }
    },
  };
}

export type ImportsService = ReturnType<typeof createImportsService>;
