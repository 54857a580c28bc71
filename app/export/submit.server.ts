import { createHash } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { recordAudit } from "../../db/queries/audit";
import { lockDraftStatus, updateDraftStatus } from "../../db/queries/draft-status";
import { createExport, type ExportSummary } from "../../db/queries/exports";
import type { Abilities } from "../../core/policies";
import type { Draft } from "../../db/schema";
import type { ExportJob } from "../../server/export/export-job";
import { exportDisclosures } from "../../server/export/export-disclosures";
import { draftExportJob, exportFileName, exportJobOf, readExportSource } from "../../server/export/export-draft";
import { requireDisclosuresCleared } from "./disclosure-gate.server";
import { ReviewRefusal } from "../review/refusal.server";
import { SUBMITTED_STATUS_MESSAGE } from "../review/status.server";
import type { SubmitDraftInput } from "../schemas/export";

export const CHANGED_WHILE_PREPARING_MESSAGE =
  "The draft changed while its file was being prepared, so nothing was stored. Ask your co-authors to pause, then mark it as submitted again.";

/**
 * Marks a draft as submitted with the file that went out. The draft is read and its disclosures
 * checked first (DisclosureRefusal unless there are none or an owner overrides them); the file
 * is rendered from that reading, outside any transaction (seconds in a worker); then one
 * transaction locks the draft row, refuses a draft already submitted (409), checks the draft
 * still reads as it did when rendered (409 otherwise), so the check holds for the stored file,
 * stores the bytes with their SHA-256 and who stored them, sets the status and writes the
 * audit event (with what was overridden, as counts). An JobFailed from the pool propagates:
 * nothing is written. The caller announces the change and closes editors' sockets after commit.
 */
export async function submitDraft(
  context: AppLoadContext,
  actor: { id: string; name: string; abilities: Abilities },
  draft: Draft,
  input: Pick<SubmitDraftInput, "format" | "tableOfContents" | "override">,
): Promise<ExportSummary> {
  const options = { tableOfContents: input.tableOfContents };
  const source = await readExportSource(context.db, draft);
  const overridden = requireDisclosuresCleared(exportDisclosures(source), { override: input.override, abilities: actor.abilities });
  const job = exportJobOf(source, input.format, options);
  const bytes = await context.jobs.run(job);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileName = exportFileName(draft.title, input.format);

  return context.db.transaction().execute(async (tx) => {
    const status = await lockDraftStatus(tx, draft.id, "update");
    if (status === undefined) throw new ReviewRefusal(404, "We could not find that draft.");
    if (status === "submitted") throw new ReviewRefusal(409, SUBMITTED_STATUS_MESSAGE);
    // The collaboration server's saves insert rows that reference this draft, which takes a key
    // share lock on its row: held FOR UPDATE, no edit commits until this transaction does. What
    // is read now is the draft as it is frozen, and the stored file must be of exactly that.
    const frozen = await draftExportJob(tx, draft, input.format, options);
    if (contentKey(frozen) !== contentKey(job)) throw new ReviewRefusal(409, CHANGED_WHILE_PREPARING_MESSAGE);

    const stored = await createExport(tx, {
      draftId: draft.id,
      workspaceId: draft.workspace_id,
      format: input.format,
      fileName,
      sha256,
      bytes,
      createdBy: actor.id,
      createdByName: actor.name,
    });
    await updateDraftStatus(tx, draft.id, "submitted");
    await recordAudit(tx, {
      workspaceId: draft.workspace_id,
      actorId: actor.id,
      action: "draft.submitted",
      targetType: "draft",
      targetId: draft.id,
      details: { title: draft.title, from: status, exportId: stored.id, format: input.format, fileName, sha256, byteSize: stored.byte_size, ...(overridden ? { overridden } : {}) },
    });
    return stored;
  });
}

/** What a render reads (the body's model and the printed cover), as one comparable string. */
function contentKey(job: ExportJob): string {
  return JSON.stringify([job.model, job.cover]);
}
