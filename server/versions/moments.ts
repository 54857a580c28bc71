import type { VersionKind } from "../../core/versions/contract";
import type { VersionMeta } from "../../db/queries/draft-versions";
import type { Executor } from "../../db/queries/executor";
import type * as Y from "yjs";
import type { Cover } from "../../core/editor/cover";
import { readDraftContent, readStoredYDoc } from "../drafts/draft-content";
import { loadVersionContext, type VersionContext } from "./context";
import { readVersion, versionFingerprint, type VersionReading } from "./reading";
import { recordVersion } from "./record";

type Moment = { kind: Exclude<VersionKind, "session">; actorId: string | null; name?: string; exportId?: string };

/** The stored draft read as a version would keep it (snapshot and log merged). */
export async function readStoredVersion(db: Executor, draftId: string): Promise<VersionReading | undefined> {
  const context = await loadVersionContext(db, draftId);
  if (!context) return undefined;
  return readStoredYDoc(db, draftId, (ydoc) => readVersion(ydoc, context.counts, context.userOfClient));
}

/**
 * SHA-256 of the stored draft's body and cover, as a version's `content_sha256` is made, and its
 * cover: what a sign-off compares with. Reads only the canonical body and the cover (no
 * authorship, no word count): the sign-off panel asks on every refetch.
 */
export async function readStoredFingerprint(db: Executor, draftId: string): Promise<{ contentSha256: string; cover: Cover }> {
  const { doc, cover } = await readDraftContent(db, draftId);
  return { contentSha256: versionFingerprint(doc.toJSON() as Record<string, unknown>, cover), cover };
}

/** Keeps `ydoc` (the stored draft, already built) as a version made at a moment. */
export function recordMoment(db: Executor, draftId: string, ydoc: Y.Doc, context: VersionContext, moment: Moment): Promise<VersionMeta | null> {
  return recordVersion(db, draftId, readVersion(ydoc, context.counts, context.userOfClient), {
    kind: moment.kind,
    name: moment.name ?? null,
    createdBy: moment.actorId,
    exportId: moment.exportId ?? null,
    people: moment.actorId ? [context.person(moment.actorId)] : [],
    organisationOf: context.organisationOf,
  });
}

/**
 * Keeps the stored draft as a version made at a moment: a status change, an import, a restore,
 * a submission (with its stored file) or a name someone gave it. Call inside the transaction of
 * the change it marks, so both land or neither.
 */
export async function recordStoredVersion(db: Executor, draftId: string, moment: Moment): Promise<VersionMeta | null> {
  const context = await loadVersionContext(db, draftId);
  if (!context) return null;
  return readStoredYDoc(db, draftId, (ydoc) => recordMoment(db, draftId, ydoc, context, moment));
}
