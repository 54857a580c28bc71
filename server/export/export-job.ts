import type { ExportCover } from "../../core/export/export-cover";
import type { ExportDocument } from "../../core/export/export-model";
import { renderDocx, type DocxOptions } from "./docx/docx-document";
import { renderPdf, type PdfOptions } from "./pdf/render-pdf";

export type ExportFormat = "docx" | "pdf";

/** Everything an export needs, as plain data: it crosses into a worker thread by structured clone. */
export type ExportJob =
  | { format: "docx"; model: ExportDocument; cover: ExportCover; options: DocxOptions }
  | { format: "pdf"; model: ExportDocument; cover: ExportCover; options: PdfOptions };

/** Renders one export (inside a worker: Typst compiles are seconds of synchronous native work). */
export async function renderExport(job: ExportJob): Promise<Uint8Array> {
  if (job.format === "docx") return new Uint8Array(await renderDocx(job.model, job.cover, job.options));
  return renderPdf(job.model, job.cover, job.options);
}
