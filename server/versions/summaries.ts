import type { VersionSummary } from "../../core/versions/contract";
import type { VersionMeta } from "../../db/queries/draft-versions";
import type { Executor } from "../../db/queries/executor";

/** Versions with their people's names and organisations, for a member of the draft's workspace. */
export async function summariseVersions(db: Executor, workspaceId: string, versions: readonly VersionMeta[]): Promise<VersionSummary[]> {
  const userIds = new Set<string>();
  for (const v of versions) {
    if (v.created_by) userIds.add(v.created_by);
    for (const p of v.people) if (p.userId) userIds.add(p.userId);
  }
  const exportIds = versions.flatMap((v) => (v.export_id ? [v.export_id] : []));
  const [users, organisations, exports] = await Promise.all([
    userIds.size ? db.selectFrom("users").select(["id", "name"]).where("id", "in", [...userIds]).execute() : [],
    db.selectFrom("organisations").select(["id", "name", "acronym"]).where("workspace_id", "=", workspaceId).execute(),
    exportIds.length ? db.selectFrom("exports").select(["id", "file_name", "sha256"]).where("id", "in", exportIds).execute() : [],
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const organisationOf = new Map(organisations.map((o) => [o.id, o.acronym || o.name]));
  const exportOf = new Map(exports.map((e) => [e.id, { id: e.id, fileName: e.file_name, sha256: e.sha256 }]));
  return versions.map((v) => ({
    id: v.id,
    kind: v.kind,
    name: v.name,
    words: v.words,
    added: v.added,
    removed: v.removed,
    byOrganisation: v.by_organisation.map((o) => ({ organisation: o.organisationId ? (organisationOf.get(o.organisationId) ?? null) : null, added: o.added, removed: o.removed })),
    people: v.people.flatMap((p) => (p.userId && nameOf.has(p.userId) ? [{ name: nameOf.get(p.userId)!, organisation: p.organisationId ? (organisationOf.get(p.organisationId) ?? null) : null }] : [])),
    createdBy: v.created_by ? (nameOf.get(v.created_by) ?? null) : null,
    startedAt: v.started_at.toISOString(),
    createdAt: v.created_at.toISOString(),
    export: v.export_id ? (exportOf.get(v.export_id) ?? null) : null,
    contentSha256: v.content_sha256,
  }));
}

/** User id → name and organisation (acronym, else name) for members of the workspace and former ones. */
export async function namePeople(db: Executor, workspaceId: string, userIds: readonly string[]): Promise<Record<string, { name: string; organisation: string | null }>> {
  if (userIds.length === 0) return {};
  const rows = await db
    .selectFrom("users as u")
    .leftJoin("memberships as m", (join) => join.onRef("m.user_id", "=", "u.id").on("m.workspace_id", "=", workspaceId))
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["u.id", "u.name", "o.name as organisationName", "o.acronym"])
    .where("u.id", "in", [...userIds])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, { name: r.name, organisation: r.acronym || r.organisationName || null }]));
}
