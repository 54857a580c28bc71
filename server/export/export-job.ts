import type { ExportCover } from "../../core/export/export-cover";
import type { ExportDocument } from "../../core/export/export-model";
import { renderDocx, type DocxOptions } from "./docx/docx-document";
import { renderPdf, type PdfOptions } from "./pdf/render-pdf";
import { runWordJob, type WordJob, type WordJobResults } from "../import/word-jobs";

export type ExportFormat = "docx" | "pdf";

/** Everything an export needs, as plain data: it crosses into a worker thread by structured clone. */
export type ExportJob =
  | { format: "docx"; model: ExportDocument; cover: ExportCover; options: DocxOptions }
  | { format: "pdf"; model: ExportDocument; cover: ExportCover; options: PdfOptions };

/** Everything the worker pool runs: exports, and reading uploaded Word files. */
export type PoolJob = ExportJob | WordJob;

/** What each kind of job resolves to. */
export interface PoolResults extends WordJobResults {
  docx: Uint8Array;
  pdf: Uint8Array;
}

export type PoolResult<J extends PoolJob> = PoolResults[J["format"]];

/** Runs one job of any kind (inside a worker). */
export async function runPoolJob(job: PoolJob): Promise<PoolResults[PoolJob["format"]]> {
  return job.format === "docx" || job.format === "pdf" ? renderExport(job) : runWordJob(job);
}

/** What a job is called in the sentences its failures become. */
export const jobNoun = (job: PoolJob): string => (job.format === "word-import" ? "import" : job.format === "word-check" ? "check" : "export");

/** Renders one export (inside a worker: Typst compiles are seconds of synchronous native work). */
export async function renderExport(job: ExportJob): Promise<Uint8Array> {
  if (job.format === "docx") return new Uint8Array(await renderDocx(job.model, job.cover, job.options));
  return renderPdf(job.model, job.cover, job.options);
}
