import type { VersionKind } from "../../core/versions/contract";
import type { VersionMeta } from "../../db/queries/draft-versions";
import type { Executor } from "../../db/queries/executor";
import { readStoredYDoc } from "../drafts/draft-content";
import { loadVersionContext } from "./context";
import { readVersion, type VersionReading } from "./reading";
import { recordVersion } from "./record";

/** The stored draft read as a version would keep it (snapshot and log merged). */
export async function readStoredVersion(db: Executor, draftId: string): Promise<VersionReading | undefined> {
  const context = await loadVersionContext(db, draftId);
  if (!context) return undefined;
  return readStoredYDoc(db, draftId, (ydoc) => readVersion(ydoc, context.counts, context.userOfClient));
}

/**
 * Keeps the stored draft as a version made at a moment: a status change, an import, a restore,
 * a submission (with its stored file) or a name someone gave it. Call inside the transaction of
 * the change it marks, so both land or neither.
 */
export async function recordStoredVersion(
  db: Executor,
  draftId: string,
  moment: { kind: Exclude<VersionKind, "session">; actorId: string | null; name?: string; exportId?: string },
): Promise<VersionMeta | null> {
  const context = await loadVersionContext(db, draftId);
  if (!context) return null;
  const reading = await readStoredYDoc(db, draftId, (ydoc) => readVersion(ydoc, context.counts, context.userOfClient));
  return recordVersion(db, draftId, reading, {
    kind: moment.kind,
    name: moment.name ?? null,
    createdBy: moment.actorId,
    exportId: moment.exportId ?? null,
    people: moment.actorId ? [context.person(moment.actorId)] : [],
    organisationOf: context.organisationOf,
  });
}
