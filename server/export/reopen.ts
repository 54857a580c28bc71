import type { MessageId } from "../../core/i18n/message";
import { recordAudit } from "../../db/queries/audit";
import { lockDraftStatus } from "../../db/queries/draft-status";
import { listDraftExports } from "../../db/queries/exports";
import { markDraftReopened } from "../../db/queries/draft-freeze";
import type { Draft } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { contentFingerprint, draftExportJob } from "./export-draft";
import { ExportRefusal } from "./refusal";

export const NOT_SUBMITTED_MESSAGE: MessageId = "export.refused.notSubmitted";

/**
 * An owner reopens a submitted draft for a correction (OHCHR asks for corrected versions): in
 * one transaction with the row locked, the draft goes back to drafting with who and when, and
 * the audit log says so. The stored files and their hashes are not touched: what went to Geneva
 * stays on record, and a new submission stores a new file beside them. The caller settles every
 * node's room (it thaws), announces the status and re-checks sockets after commit.
 */
export async function reopenSubmittedDraft(context: Pick<ServiceDeps, "db">, actor: { id: string }, draft: Draft): Promise<void> {
  await context.db.transaction().execute(async (tx) => {
    const status = await lockDraftStatus(tx, draft.id, "update");
    if (status === undefined) throw new ExportRefusal(404, "editor.status.draftNotFound");
    if (status !== "submitted") throw new ExportRefusal(409, NOT_SUBMITTED_MESSAGE);
    await markDraftReopened(tx, draft.id, actor.id);
    const [latest] = await listDraftExports(tx, draft.id);
    await recordAudit(tx, {
      workspaceId: draft.workspace_id,
      actorId: actor.id,
      action: "draft.reopened",
      targetType: "draft",
      targetId: draft.id,
      details: { title: draft.title, ...(latest ? { exportId: latest.id, sha256: latest.sha256 } : {}) },
    });
  });
}

/** What the draft page says of a draft reopened after submission; null for any other draft. */
export interface ReopenedView {
  reopenedAt: string;
  reopenedBy: string | null;
  /** The latest submitted file, kept as it was. */
  submitted: { fileName: string; sha256: string; at: string };
  /** Whether the draft now reads differently from that file (null: stored before this was kept). */
  changedSince: boolean | null;
}

/**
 * Compares the draft as stored now with the content the latest submitted file was made from,
 * by the same fingerprint the submission stored: "changed since submission" is exact, not a
 * guess from timestamps. Reads the whole draft, so only reopened drafts pay for it.
 */
export async function reopenedView(context: Pick<ServiceDeps, "db">, draft: Draft, reopenedByName: string | null): Promise<ReopenedView | null> {
  if (!draft.reopened_at || draft.status === "submitted") return null;
  const [latest] = await listDraftExports(context.db, draft.id);
  if (!latest) return null;
  const now = latest.content_sha256 ? contentFingerprint(await draftExportJob(context.db, draft, latest.format)) : null;
  return {
    reopenedAt: draft.reopened_at.toISOString(),
    reopenedBy: reopenedByName,
    submitted: { fileName: latest.file_name, sha256: latest.sha256, at: latest.created_at.toISOString() },
    changedSince: now === null ? null : now !== latest.content_sha256,
  };
}
