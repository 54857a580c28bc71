import type { MessageId } from "../../core/i18n/message";
import { createHash } from "node:crypto";
import { recordAudit } from "../../db/queries/audit";
import { holdDraftForSubmission, releaseDraftHold } from "../../db/queries/draft-freeze";
import { lockDraftStatus, updateDraftStatus } from "../../db/queries/draft-status";
import { createExport, type ExportSummary } from "../../db/queries/exports";
import type { Abilities } from "../../core/policies";
import type { Draft } from "../../db/schema";
import { SUBMITTED_STATUS_MESSAGE } from "../../core/policies/submitted";
import type { ServiceDeps } from "../services";
import { requireDisclosuresCleared } from "./disclosure-gate";
import { exportDisclosures } from "./export-disclosures";
import { contentFingerprint, draftExportJob, exportFileName, exportJobOf, readExportSource } from "./export-draft";
import { requireSignOffs, type SubmittedText } from "../sign-off/gate";
import { versionFingerprint } from "../versions/reading";
import { recordStoredVersion } from "../versions/moments";
import type { ExportFormat } from "./export-job";
import { ExportRefusal } from "./refusal";

/**
 * What "Mark as submitted" asks for: the file's format and table of contents, an owner's override
 * of disclosures, and an owner's override of missing sign-offs (issue 21).
 */
export interface SubmitOptions {
  format: ExportFormat;
  tableOfContents: boolean;
  override: boolean;
  signOffOverride?: boolean;
}

type SubmitDeps = Pick<ServiceDeps, "db" | "collab" | "jobs">;

export const CHANGED_WHILE_PREPARING_MESSAGE: MessageId = "export.refused.changed";
export const NOT_PAUSED_MESSAGE: MessageId = "export.refused.notPaused";

/**
 * How long a submission may hold the draft. Rendering takes seconds; a hold whose process died
 * lets go by itself after this (server/collab/extensions/submission-freeze.ts).
 */
const HOLD_MS = 120_000;

/**
 * Marks a draft as submitted with the file that went out, exactly as frozen (issue 16):
 * 1. hold the draft (drafts.frozen_until), so every node refuses edits from now on;
 * 2. settle every node's room: each reads the hold, then stores every change it applied before
 *    it — the freeze point — so the database holds what people saw, and nothing can follow;
 * 3. read it from the database and check its disclosures (DisclosureRefusal unless there are
 *    none or an owner overrides them) and its sign-offs (SignOffGateRefusal unless every
 *    organisation on its cover approved exactly this text, or an owner overrides), then render
 *    that reading, outside any transaction;
 * 4. in one transaction with the draft row locked: refuse a draft already submitted (409),
 *    check it still reads as rendered (409: a node that opened the draft in the instant of the
 *    hold), decide the sign-offs again (a focal point's answer takes the row FOR SHARE, so it
 *    landed before this lock or waits and finds the draft submitted), store the bytes with their
 *    SHA-256 and the content's (and a sign-off override: who, and the missing organisations' ids),
 *    keep a "submitted" version, set the status, end the hold, audit (with what was overridden);
 * 5. settle again, so every room knows the outcome: submitted for good, or open again.
 * Any failure ends the hold: nothing is stored and editing resumes. The caller announces the
 * change and closes editors' sockets after commit.
 */
export async function submitDraft(
  context: SubmitDeps,
  actor: { id: string; name: string; abilities: Abilities },
  draft: Draft,
  input: SubmitOptions,
): Promise<ExportSummary> {
  const held = await context.db.transaction().execute((tx) => holdDraftForSubmission(tx, draft.id, HOLD_MS));
  if (held === undefined) throw new ExportRefusal(404, "editor.status.draftNotFound");
  if (held === "submitted") throw new ExportRefusal(409, SUBMITTED_STATUS_MESSAGE);
  try {
    try {
      await context.collab.settle(draft.id);
    } catch {
      throw new ExportRefusal(503, NOT_PAUSED_MESSAGE);
    }
    return await storeFrozenDraft(context, actor, draft, input);
  } catch (error) {
    await releaseDraftHold(context.db, draft.id);
    throw error;
  } finally {
    // A node that misses this reads the draft again when the hold's time is up.
    await context.collab.settle(draft.id).catch(() => {});
  }
}

async function storeFrozenDraft(
  context: SubmitDeps,
  actor: { id: string; name: string; abilities: Abilities },
  draft: Draft,
  input: SubmitOptions,
): Promise<ExportSummary> {
  const options = { tableOfContents: input.tableOfContents };
  const source = await readExportSource(context.db, draft);
  const overridden = requireDisclosuresCleared(exportDisclosures(source), { override: input.override, abilities: actor.abilities });
  // The frozen text as a version fingerprints it (what a sign-off's version is compared with),
  // from the same reading the file is rendered from. Checked here to refuse before rendering.
  const text: SubmittedText = { contentSha256: versionFingerprint(source.doc.toJSON() as Record<string, unknown>, source.cover), organisationIds: source.cover.organisations };
  const signOffRequest = { override: input.signOffOverride ?? false, abilities: actor.abilities, actor };
  await requireSignOffs(context.db, draft, text, signOffRequest);
  const job = exportJobOf(source, input.format, options);
  const bytes = await context.jobs.run(job);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const fileName = exportFileName(draft.title, input.format);

  return context.db.transaction().execute(async (tx) => {
    const status = await lockDraftStatus(tx, draft.id, "update");
    if (status === undefined) throw new ExportRefusal(404, "editor.status.draftNotFound");
    if (status === "submitted") throw new ExportRefusal(409, SUBMITTED_STATUS_MESSAGE);
    // The collaboration server's saves insert rows that reference this draft, which takes a key
    // share lock on its row: held FOR UPDATE, no edit commits until this transaction does. Every
    // node refuses edits since the settle, so this re-read is a guard that should never fire.
    const frozen = await draftExportJob(tx, draft, input.format, options);
    const contentSha256 = contentFingerprint(frozen);
    if (contentSha256 !== contentFingerprint(job)) throw new ExportRefusal(409, CHANGED_WHILE_PREPARING_MESSAGE);
    const signOffOverride = await requireSignOffs(tx, draft, text, signOffRequest);

    const stored = await createExport(tx, {
      draftId: draft.id,
      workspaceId: draft.workspace_id,
      format: input.format,
      fileName,
      sha256,
      bytes,
      createdBy: actor.id,
      createdByName: actor.name,
      contentSha256,
      signOffOverride,
    });
    await recordStoredVersion(tx, draft.id, { kind: "submitted", actorId: actor.id, exportId: stored.id });
    await updateDraftStatus(tx, draft.id, "submitted");
    await releaseDraftHold(tx, draft.id);
    await recordAudit(tx, {
      workspaceId: draft.workspace_id,
      actorId: actor.id,
      action: "draft.submitted",
      targetType: "draft",
      targetId: draft.id,
      details: { title: draft.title, from: status, exportId: stored.id, format: input.format, fileName, sha256, byteSize: stored.byte_size, ...(overridden ? { overridden } : {}), ...(signOffOverride ? { signOffOverride } : {}) },
    });
    return stored;
  });
}
