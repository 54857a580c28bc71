import { createHash } from "node:crypto";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { Cover } from "../../core/editor/cover";
import { exportCover } from "../../core/export/export-cover";
import { exportModel, type ExportComment } from "../../core/export/export-model";
import { NO_HEADING_NUMBERING } from "../../core/editor/numbering";
import { listOrganisations } from "../../db/queries/organisations";
import type { Executor } from "../../db/queries/executor";
import type { Draft, Organisation } from "../../db/schema";
import { findTemplate, type Template } from "../../templates";
import { readDraftContent } from "../drafts/draft-content";
import type { ExportFormat, ExportJob } from "./export-job";

/**
 * A file name for the export: the title's letters and digits, never a path; a review copy's
 * name adds its label from the interface catalogue ("… (review copy).docx"), so it is not
 * mistaken for the clean file.
 */
export function exportFileName(title: string, format: ExportFormat, label?: string): string {
  const base =
    title
      .normalize("NFKD")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80) || "submission";
  const suffix = label?.replace(/[\p{Cc}\\/:*?"<>|]+/gu, "").trim();
  return suffix ? `${base} (${suffix}).${format}` : `${base}.${format}`;
}

/**
 * What an export of a stored draft is made from, read once: the body, the cover as it will be
 * printed (the draft's title and State where the cover leaves them empty), the workspace's
 * organisations and the template. The file is rendered from it and the disclosure check
 * (export-disclosures.ts) reads the same, so what is checked is what is printed.
 */
export interface ExportSource {
  draft: Draft;
  doc: PMNode;
  cover: Cover;
  organisations: Organisation[];
  template: Template | undefined;
  /**
   * A review copy only (review-copy.ts): `doc` then carries the open suggestions as tracked
   * changes and the open threads as comment ranges; these are the comments and the names the
   * changes are signed with. A clean export has none.
   */
  review?: { comments: ExportComment[]; authors: string[] };
}

/** The source of a draft whose content and the workspace's organisations have been read. */
export function exportSourceOf(draft: Draft, content: { doc: PMNode; cover: Cover }, organisations: Organisation[]): ExportSource {
  const { doc, cover } = content;
  const template = draft.template_slug ? findTemplate(draft.template_slug) : undefined;
  return { draft, doc, organisations, template, cover: { ...cover, stateUnderReview: cover.stateUnderReview || draft.state_under_review, title: cover.title || draft.title } };
}

/** Reads a stored draft for export. What is stored is what is exported: edits still in flight (under half a second) are not in it. */
export async function readExportSource(db: Executor, draft: Draft): Promise<ExportSource> {
  const [content, organisations] = await Promise.all([readDraftContent(db, draft.id), listOrganisations(db, draft.workspace_id)]);
  return exportSourceOf(draft, content, organisations);
}

/**
 * The export job for a read draft: its body through the export model (numbers, notes, Ibid.),
 * its cover with the workspace's organisations (confidential ones dropped by exportCover), the
 * template's heading numbering.
 */
export function exportJobOf(source: ExportSource, format: ExportFormat, options: { tableOfContents?: boolean; pdfA?: boolean } = {}): ExportJob {
  const { draft, doc, cover, template } = source;
  const model = exportModel(doc, { language: cover.language || "en", headingNumbering: template?.rules.headingNumbering ?? NO_HEADING_NUMBERING, mechanism: cover.mechanism || draft.mechanism });
  const printed = exportCover(cover, source.organisations, draft.mechanism);
  if (source.review) model.comments = source.review.comments;
  const tableOfContents = options.tableOfContents ?? false;
  return format === "docx"
    ? { format, model, cover: printed, options: { tableOfContents } }
    : { format, model, cover: printed, options: { tableOfContents, pdfA: options.pdfA ?? false } };
}

/**
 * SHA-256 of what a render reads (the body's model and the printed cover): equal for two reads
 * exactly when they would print the same file. Stored with a submitted file, so a draft reopened
 * for a correction can say whether it changed since.
 */
export function contentFingerprint(job: ExportJob): string {
  return createHash("sha256").update(JSON.stringify([job.model, job.cover])).digest("hex");
}

/** readExportSource then exportJobOf, for callers that check nothing in between. */
export async function draftExportJob(db: Executor, draft: Draft, format: ExportFormat, options: { tableOfContents?: boolean; pdfA?: boolean } = {}): Promise<ExportJob> {
  return exportJobOf(await readExportSource(db, draft), format, options);
}
