import { Node as PMNode } from "@tiptap/pm/model";
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { BODY_FIELD, documentSchema, writeCover } from "../../core/editor";
import { SUBMITTED_STATUS_MESSAGE } from "../../core/policies/submitted";
import { withSectionRestored } from "../../core/versions/sections";
import { recordAudit } from "../../db/queries/audit";
import { recordDraftClients } from "../../db/queries/draft-clients";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import { lockDraftStatus } from "../../db/queries/draft-status";
import { findVersion, type VersionMeta } from "../../db/queries/draft-versions";
import type { Database, Draft } from "../../db/schema";
import { readStoredYDoc } from "../drafts/draft-content";
import { loadVersionContext } from "./context";
import { recordMoment } from "./moments";
import { VersionRefusal } from "./refusal";

export interface RestoreOutcome {
  /** The version made of the draft just before the restore: restoring it undoes this one. */
  before: VersionMeta | null;
  /** False when the draft already read as the version: nothing was written. */
  changed: boolean;
}

/**
 * Restores the whole draft (body and cover) or one template section to a version, as a new
 * change on top: the draft as it was is kept first as a "restore" version, then the difference
 * is written as one Yjs update by a client registered to the person (so the restored words count
 * as theirs), stored, audited, and sent to every node's open room by the caller. y-prosemirror's
 * updateYFragment writes only what differs, so paragraphs the version shares with today keep
 * their identity and whatever co-authors are typing in them.
 */
export async function restoreVersion(
  db: Kysely<Database>,
  actor: { id: string },
  draft: Pick<Draft, "id" | "workspace_id" | "title">,
  input: { versionId: string; section: string | null },
): Promise<RestoreOutcome & { update: Uint8Array | null }> {
  return db.transaction().execute(async (tx) => {
    const status = await lockDraftStatus(tx, draft.id, "share");
    if (status === undefined) throw new VersionRefusal(404, "versions.refused.notFound");
    if (status === "submitted") throw new VersionRefusal(409, SUBMITTED_STATUS_MESSAGE);
    const version = await findVersion(tx, draft.id, input.versionId);
    if (!version) throw new VersionRefusal(404, "versions.refused.notFound");
    const context = await loadVersionContext(tx, draft.id);
    if (!context) throw new VersionRefusal(404, "versions.refused.notFound");

    // One reading of the stored draft: kept as the "restore" version, then rewritten.
    const { before, update } = await readStoredYDoc(tx, draft.id, async (ydoc) => {
      const kept = await recordMoment(tx, draft.id, ydoc, context, { kind: "restore", actorId: actor.id });
      const current = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), documentSchema());
      const restored = PMNode.fromJSON(documentSchema(), version.content);
      const target = input.section === null ? restored : withSectionRestored(current, restored, input.section);
      if (!target) throw new VersionRefusal(409, "versions.refused.sectionMissing");
      const updates: Uint8Array[] = [];
      ydoc.on("update", (u: Uint8Array) => updates.push(u));
      ydoc.transact(() => {
        updateYFragment(ydoc, ydoc.getXmlFragment(BODY_FIELD), target, { mapping: new Map(), isOMark: new Map() });
        if (input.section === null) writeCover(ydoc, version.cover);
      });
      return { before: kept, update: { bytes: updates.length ? Y.mergeUpdates(updates) : null, clientId: ydoc.clientID } };
    });
    if (update.bytes) {
      await recordDraftClients(tx, [{ draftId: draft.id, clientId: update.clientId, userId: actor.id }]);
      const refused = await appendDraftUpdates(tx, [{ draftId: draft.id, update: update.bytes, userId: actor.id }]);
      if (refused.length > 0) throw new VersionRefusal(409, SUBMITTED_STATUS_MESSAGE);
    }
    await recordAudit(tx, {
      workspaceId: draft.workspace_id,
      actorId: actor.id,
      action: "draft.restored",
      targetType: "draft",
      targetId: draft.id,
      details: { title: draft.title, versionId: version.id, versionName: version.name, kind: version.kind, section: input.section, beforeVersionId: before?.id ?? null },
    });
    return { before, changed: update.bytes !== null, update: update.bytes };
  });
}
