import { recordAudit } from "../../db/queries/audit";
import type { Executor } from "../../db/queries/executor";
import { findExportInDraft, listDraftExports, type ExportSummary } from "../../db/queries/exports";
import type { Draft } from "../../db/schema";
import type { Abilities } from "../../core/policies";
import type { ServiceDeps } from "../services";
import { requireDisclosuresCleared } from "./disclosure-gate";
import { exportDisclosures } from "./export-disclosures";
import { exportFileName, exportJobOf, readExportSource } from "./export-draft";
import type { ExportFormat } from "./export-job";
import { refusalOf, type Refused } from "./refusal";
import { readReviewSource } from "./review-copy";
import { reopenedView, reopenSubmittedDraft, type ReopenedView } from "./reopen";
import { submitDraft, type SubmitOptions } from "./submit";

/** A file ready to leave the server, for the route to send with its headers. */
export interface ExportFile {
  bytes: Uint8Array;
  format: ExportFormat;
  fileName: string;
}

export interface DownloadOptions {
  format: ExportFormat;
  tableOfContents: boolean;
  pdfA: boolean;
  /** An owner's "Export anyway" (anyone else's is refused, 403). */
  override: boolean;
  /**
   * A review copy (issue 20, Word only): open suggestions as tracked changes, open threads as
   * comments; `fileLabel` ends its file name ("… (review copy).docx") in the asker's language.
   */
  review?: { fileLabel: string };
}

/**
 * Every file that leaves the server is audited (a submission can be confidential): who, which
 * draft, which format; never content. `details` says how it was made (options, or the stored copy).
 */
function auditDownload(db: Executor, draft: Draft, actorId: string, details: Record<string, unknown>): Promise<void> {
  return recordAudit(db, { workspaceId: draft.workspace_id, actorId, action: "draft.exported", targetType: "draft", targetId: draft.id, details: { title: draft.title, ...details } });
}

/** The error as a refusal the person can act on, or thrown again. */
function refused(error: unknown): Refused {
  const refusal = refusalOf(error);
  if (!refusal) throw error;
  return refusal;
}

/**
 * Exports (Word and PDF, rendered now or stored on submission), submission and reopening. Each
 * method answers a refusal the person can act on as a value (`ok: false` with the status and
 * sentence); anything else throws. Callers authorise: these act on the draft they are given.
 */
export function createExportsService(deps: Pick<ServiceDeps, "db" | "collab" | "jobs">) {
  const { db, collab, jobs } = deps;
  return {
    /**
     * The draft as a file, rendered now in the worker pool from what people see (every node
     * writes what it holds first; one that does not answer in time leaves at most its last half
     * second out). Refused (409, or 403 for a non-owner's override) when it would disclose a
     * confidential organisation or keep template placeholders; 422 when the render fails or runs
     * out of time. Audited, with what an owner overrode as counts.
     */
    async download(actor: { id: string; abilities: Abilities }, draft: Draft, options: DownloadOptions): Promise<{ ok: true; file: ExportFile } | Refused> {
      const { format, tableOfContents, pdfA, override, review } = options;
      await collab.settle(draft.id).catch(() => {});
      try {
        // A review copy is a Word file: the PDF renderer knows nothing of tracked changes.
        const reviewCopy = review && format === "docx" ? await readReviewSource(db, draft) : null;
        const source = reviewCopy?.source ?? (await readExportSource(db, draft));
        const overridden = requireDisclosuresCleared(exportDisclosures(source), { override, abilities: actor.abilities });
        const bytes = await jobs.run(exportJobOf(source, format, { tableOfContents, pdfA }));
        // What the review copy carried, as counts: never the text, nor who suggested what.
        const variant = reviewCopy ? { variant: "review", placed: reviewCopy.placement.placed, left: reviewCopy.placement.left } : {};
        await auditDownload(db, draft, actor.id, { format, tableOfContents, pdfA: format === "pdf" && pdfA, ...variant, ...(overridden ? { overridden } : {}) });
        return { ok: true, file: { bytes, format, fileName: exportFileName(draft.title, format, reviewCopy ? review?.fileLabel : undefined) } };
      } catch (error) {
        return refused(error);
      }
    },

    /** A file stored on submission, byte for byte, audited as a download; undefined for another draft's. */
    async storedFile(actor: { id: string }, draft: Draft, exportId: string): Promise<ExportFile | undefined> {
      const stored = await findExportInDraft(db, draft.id, exportId);
      if (!stored) return undefined;
      await auditDownload(db, draft, actor.id, { format: stored.format, stored: true, exportId: stored.id });
      return { bytes: stored.bytes, format: stored.format, fileName: stored.file_name };
    },

    /** The files stored on submission, newest first, without their bytes. */
    listStored(draftId: string): Promise<ExportSummary[]> {
      return listDraftExports(db, draftId);
    },

    /**
     * "Mark as submitted" (submit.ts): freeze on every node, render, store with its hashes, set
     * the status. Afterwards, whatever the outcome, open pages hear of the status; on success
     * sockets are re-checked, so editors' are closed on the now read-only draft.
     */
    async submit(actor: { id: string; name: string; abilities: Abilities }, draft: Draft, options: SubmitOptions): Promise<{ ok: true; export: ExportSummary } | Refused> {
      let stored: ExportSummary;
      try {
        stored = await submitDraft(deps, actor, draft, options);
      } catch (error) {
        // Editing was paused for the submission and is open again: pages that paused look again.
        collab.announce(draft.id, { type: "status" });
        return refused(error);
      }
      collab.announce(draft.id, { type: "status" });
      await collab.revalidate({ workspaceId: draft.workspace_id });
      return { ok: true, export: stored };
    },

    /**
     * An owner reopens a submitted draft for a correction (reopen.ts). After commit every node's
     * room thaws, open pages hear of the status, and sockets are re-checked (editors may edit again).
     */
    async reopen(actor: { id: string }, draft: Draft): Promise<{ ok: true } | Refused> {
      try {
        await reopenSubmittedDraft(deps, actor, draft);
      } catch (error) {
        return refused(error);
      }
      // A node that misses this reads the draft again when its room next loads.
      await collab.settle(draft.id).catch(() => {});
      collab.announce(draft.id, { type: "status" });
      await collab.revalidate({ workspaceId: draft.workspace_id });
      return { ok: true };
    },

    /** What the draft page says of a draft reopened after submission; null for any other draft. */
    reopenedView(draft: Draft, reopenedByName: string | null): Promise<ReopenedView | null> {
      return reopenedView(deps, draft, reopenedByName);
    },
  };
}

export type ExportsService = ReturnType<typeof createExportsService>;
