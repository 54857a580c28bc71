import { findTemplate } from "../../templates";
import { checkImportedWordFile, type WordFileCheck } from "../checks/check-word-file";
import { DocxImportError, readDocx } from "./docx";
import { buildWordDraft, type WordDraft } from "./word-draft";

/**
 * Work on an uploaded Word file, as plain data for a worker thread (server/jobs/job-pool.ts):
 * reading a 40-page file and checking it is tens of milliseconds of synchronous work that
 * would otherwise stall every socket on the node.
 */
export type WordJob =
  | {
      format: "word-check";
      bytes: Uint8Array;
      fileName: string;
      template: string;
      /** The library's texts of the numbers the file cites, when a first check's lookups were answered. */
      recommendations?: Array<[string, string[]]>;
      /** The workspace's confidential organisations, which the file must not name. */
      confidential?: Array<{ name: string; acronym: string }>;
    }
  | {
      format: "word-import";
      bytes: Uint8Array;
      template: string;
      /** The importing member's name: their own tracked changes are linked to their account. */
      importerName?: string;
    };

export interface WordJobResults {
  "word-check": WordFileCheck;
  "word-import": WordDraft;
}

export function runWordJob(job: WordJob): WordJobResults[WordJob["format"]] {
  const template = findTemplate(job.template);
  if (!template) throw new DocxImportError("import.word.noTemplate", { template: job.template });
  if (job.format === "word-check") {
    return checkImportedWordFile(readDocx(job.bytes), job.fileName, template, { known: job.recommendations && new Map(job.recommendations), confidential: job.confidential });
  }
  return buildWordDraft(job.bytes, template, job.importerName ?? null);
}
