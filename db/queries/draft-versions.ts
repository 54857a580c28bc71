import { sql } from "kysely";
import type { Authorship, OrganisationChange, VersionKind, VersionPerson } from "../../core/versions/contract";
import type { Cover } from "../../core/editor/cover";
import type { DraftVersionRow } from "../schema";
import type { Executor } from "./executor";

/** A version without its content: what lists and comparisons of metadata read. */
export type VersionMeta = Omit<DraftVersionRow, "content" | "cover" | "authorship">;

const META_COLUMNS = [
  "id", "draft_id", "kind", "name", "content_sha256", "words", "added", "removed", "by_organisation", "people", "export_id", "created_by", "started_at", "created_at",
] as const;

export interface VersionInput {
  draftId: string;
  kind: VersionKind;
  name: string | null;
  content: Record<string, unknown>;
  cover: Cover;
  authorship: Authorship;
  contentSha256: string;
  words: number;
  added: number;
  removed: number;
  byOrganisation: OrganisationChange[];
  people: VersionPerson[];
  exportId: string | null;
  createdBy: string | null;
  startedAt: Date;
  createdAt: Date;
}

function columns(input: Omit<VersionInput, "draftId">) {
  return {
    kind: input.kind,
    name: input.name,
    content: JSON.stringify(input.content),
    cover: JSON.stringify(input.cover),
    authorship: JSON.stringify(input.authorship),
    content_sha256: input.contentSha256,
    words: input.words,
    added: input.added,
    removed: input.removed,
    by_organisation: JSON.stringify(input.byOrganisation),
    people: JSON.stringify(input.people),
    export_id: input.exportId,
    created_by: input.createdBy,
    started_at: input.startedAt,
    created_at: input.createdAt,
  };
}

export async function insertVersion(db: Executor, input: VersionInput): Promise<VersionMeta> {
  return db.insertInto("draft_versions").values({ draft_id: input.draftId, ...columns(input) }).returning(META_COLUMNS).executeTakeFirstOrThrow();
}

/** Rewrites a session version that the same session of work went on with. */
export async function replaceVersion(db: Executor, id: string, input: Omit<VersionInput, "draftId">): Promise<void> {
  await db.updateTable("draft_versions").set(columns(input)).where("id", "=", id).execute();
}

/** A draft's versions, newest first, without content. */
export async function listVersions(db: Executor, draftId: string): Promise<VersionMeta[]> {
  return db.selectFrom("draft_versions").select(META_COLUMNS).where("draft_id", "=", draftId).orderBy("created_at", "desc").orderBy("id").execute();
}

/** One version with its content; a version of another draft is not found. */
export async function findVersion(db: Executor, draftId: string, versionId: string): Promise<DraftVersionRow | undefined> {
  return db.selectFrom("draft_versions").selectAll().where("id", "=", versionId).where("draft_id", "=", draftId).executeTakeFirst();
}

/** The newest version made before `before` (or the newest of all), with its content. */
export async function latestVersion(db: Executor, draftId: string, before?: Date): Promise<DraftVersionRow | undefined> {
  let query = db.selectFrom("draft_versions").selectAll().where("draft_id", "=", draftId);
  if (before) query = query.where("created_at", "<", before);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
}

export async function renameVersion(db: Executor, draftId: string, versionId: string, name: string): Promise<boolean> {
  const result = await db.updateTable("draft_versions").set({ name, kind: sql`case when kind = 'session' then 'named' else kind end` }).where("id", "=", versionId).where("draft_id", "=", draftId).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Session versions of a draft (the only ones that thin), oldest first, with whether a sign-off request names them. */
export async function listThinnable(db: Executor, draftId: string): Promise<Array<{ id: string; created_at: Date }>> {
  return db
    .selectFrom("draft_versions as v")
    .select(["v.id", "v.created_at"])
    .where("v.draft_id", "=", draftId)
    .where("v.kind", "=", "session")
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("sign_off_requests as r").select("r.id").whereRef("r.version_id", "=", "v.id"))))
    .orderBy("v.created_at")
    .execute();
}

export async function deleteVersions(db: Executor, draftId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("draft_versions").where("draft_id", "=", draftId).where("id", "in", ids).where("kind", "=", "session").execute();
}

/** Bytes a draft's versions take in the table (jsonb as stored, before TOAST compression). */
export async function versionBytes(db: Executor, draftId: string): Promise<{ count: number; bytes: number }> {
  const row = await sql<{ count: string; bytes: string | null }>`
    select count(*) as count, sum(pg_column_size(content) + pg_column_size(cover) + pg_column_size(authorship) + pg_column_size(people) + pg_column_size(by_organisation)) as bytes
    from draft_versions where draft_id = ${draftId}`.execute(db);
  return { count: Number(row.rows[0]?.count ?? 0), bytes: Number(row.rows[0]?.bytes ?? 0) };
}
