import type { VersionKind, VersionPerson } from "../../core/versions/contract";
import { deleteVersions, insertVersion, latestVersion, listThinnable, replaceVersion, type VersionMeta } from "../../db/queries/draft-versions";
import type { Executor } from "../../db/queries/executor";
import { measureChange, type VersionChange } from "./change";
import type { VersionReading } from "./reading";
import { versionsToThin } from "./thinning";

/** A pause longer than this ends a session of work: the next change starts a new version. */
export const SESSION_GAP_MS = 30 * 60_000;

export interface VersionMoment {
  /** The organisation of a user now (their membership); null for none or a former member. */
  organisationOf?: (userId: string) => string | null;
  kind: VersionKind;
  name?: string | null;
  createdBy?: string | null;
  people?: VersionPerson[];
  exportId?: string | null;
  startedAt?: Date;
  createdAt?: Date;
}

/**
 * Measures what changed between the version before and a reading: measureChange by default; the
 * compaction passes one that runs it in a worker thread (on a 50,000-word draft it takes
 * hundreds of milliseconds, which must not stall the sockets' event loop).
 */
export type ChangeMeasure = (
  previous: { content: Record<string, unknown>; authorship: VersionReading["authorship"] } | null,
  reading: VersionReading,
  people: readonly VersionPerson[],
  organisationOf: (userId: string) => string | null,
) => VersionChange | Promise<VersionChange>;

/**
 * Stores a reading as a version, with what changed since the version before it. A session of
 * work that goes on (the newest version is a session whose last change is less than
 * SESSION_GAP_MS before this one's first) rewrites that version instead of adding one; a session
 * that changed nothing adds nothing. Then lets old sessions thin (thinning.ts).
 */
export async function recordVersion(
  db: Executor,
  draftId: string,
  reading: VersionReading,
  moment: VersionMoment,
  measure: ChangeMeasure = measureChange,
): Promise<VersionMeta | null> {
  const createdAt = moment.createdAt ?? new Date();
  const startedAt = moment.startedAt ?? createdAt;
  let people = moment.people ?? [];
  const latest = await latestVersion(db, draftId);
  const continues = moment.kind === "session" && latest?.kind === "session" && startedAt.getTime() - latest.created_at.getTime() < SESSION_GAP_MS;
  if (continues) {
    const before = await latestVersion(db, draftId, latest.started_at);
    people = mergePeople(latest.people, people);
    const change = await measure(before ?? null, reading, people, moment.organisationOf ?? noOrganisation);
    const fields = { ...fieldsOf(reading, moment, people, change), startedAt: latest.started_at, createdAt };
    await replaceVersion(db, latest.id, fields);
    return { ...latest, ...{ words: reading.words, added: change.added, removed: change.removed, by_organisation: change.byOrganisation, people, created_at: createdAt, content_sha256: reading.contentSha256 } };
  }
  if (moment.kind === "session" && latest?.content_sha256 === reading.contentSha256) return null;
  const change = await measure(latest ?? null, reading, people, moment.organisationOf ?? noOrganisation);
  const stored = await insertVersion(db, { draftId, ...fieldsOf(reading, moment, people, change), startedAt, createdAt });
  if (moment.kind === "session") await thinSessions(db, draftId, createdAt);
  return stored;
}

const noOrganisation = () => null;

function fieldsOf(reading: VersionReading, moment: VersionMoment, people: VersionPerson[], change: ReturnType<typeof measureChange>) {
  return {
    kind: moment.kind,
    name: moment.name ?? null,
    content: reading.content,
    cover: reading.cover,
    authorship: reading.authorship,
    contentSha256: reading.contentSha256,
    words: reading.words,
    added: change.added,
    removed: change.removed,
    byOrganisation: change.byOrganisation,
    people,
    exportId: moment.exportId ?? null,
    createdBy: moment.createdBy ?? null,
  };
}

function mergePeople(a: readonly VersionPerson[], b: readonly VersionPerson[]): VersionPerson[] {
  const seen = new Map<string, VersionPerson>();
  for (const person of [...a, ...b]) seen.set(`${person.userId}`, person);
  return [...seen.values()];
}

async function thinSessions(db: Executor, draftId: string, now: Date): Promise<void> {
  await deleteVersions(db, draftId, versionsToThin(await listThinnable(db, draftId), now));
}
