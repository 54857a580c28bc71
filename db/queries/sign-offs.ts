import type { SignOffDecision } from "../schema";
import type { Executor } from "./executor";

/** An organisation of the workspace with its focal point, valid only while their membership is in it. */
export interface OrganisationWithFocalPoint {
  id: string;
  name: string;
  acronym: string;
  confidential: boolean;
  /** Null when none is named, or the named person is no longer a member of the organisation. */
  focalPoint: { id: string; name: string } | null;
}

/** A workspace's organisations and their focal points (a stale focal point reads as none). */
export async function listFocalPoints(db: Executor, workspaceId: string): Promise<OrganisationWithFocalPoint[]> {
  const rows = await db
    .selectFrom("organisations as o")
    .leftJoin("memberships as m", (join) => join.onRef("m.user_id", "=", "o.focal_point_id").onRef("m.workspace_id", "=", "o.workspace_id").onRef("m.organisation_id", "=", "o.id"))
    .leftJoin("users as u", "u.id", "m.user_id")
    .select(["o.id", "o.name", "o.acronym", "o.confidential", "u.id as focalId", "u.name as focalName"])
    .where("o.workspace_id", "=", workspaceId)
    .orderBy("o.name")
    .execute();
  return rows.map(({ focalId, focalName, ...o }) => ({ ...o, focalPoint: focalId && focalName !== null ? { id: focalId, name: focalName } : null }));
}

/** Sets (or clears) an organisation's focal point; the row before, or undefined when it is not in the workspace. */
export async function setFocalPoint(db: Executor, workspaceId: string, organisationId: string, userId: string | null): Promise<{ before: string | null } | undefined> {
  const before = await db.selectFrom("organisations").select("focal_point_id").where("workspace_id", "=", workspaceId).where("id", "=", organisationId).forUpdate().executeTakeFirst();
  if (!before) return undefined;
  await db.updateTable("organisations").set({ focal_point_id: userId }).where("workspace_id", "=", workspaceId).where("id", "=", organisationId).execute();
  return { before: before.focal_point_id };
}

export interface SignOffRequestView {
  id: string;
  versionId: string;
  versionName: string | null;
  versionSha256: string;
  versionCreatedAt: Date;
  /** The workspace organisation ids on the version's cover: who co-submits. */
  organisationIds: string[];
  message: string;
  requestedBy: string | null;
  createdAt: Date;
}

/** The draft's current request (the newest: a new one supersedes the ones before), with its version. */
export async function currentSignOffRequest(db: Executor, draftId: string): Promise<SignOffRequestView | undefined> {
  const row = await db
    .selectFrom("sign_off_requests as r")
    .innerJoin("draft_versions as v", "v.id", "r.version_id")
    .leftJoin("users as u", "u.id", "r.requested_by")
    .select(["r.id", "r.version_id", "v.name", "v.content_sha256", "v.created_at as versionCreatedAt", "v.cover", "r.message", "u.name as requestedBy", "r.created_at"])
    .where("r.draft_id", "=", draftId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    versionId: row.version_id,
    versionName: row.name,
    versionSha256: row.content_sha256,
    versionCreatedAt: row.versionCreatedAt,
    organisationIds: [...new Set(row.cover.organisations ?? [])],
    message: row.message,
    requestedBy: row.requestedBy,
    createdAt: row.created_at,
  };
}

export async function insertSignOffRequest(db: Executor, input: { draftId: string; versionId: string; message: string; requestedBy: string }): Promise<{ id: string }> {
  return db
    .insertInto("sign_off_requests")
    .values({ draft_id: input.draftId, version_id: input.versionId, message: input.message, requested_by: input.requestedBy })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export interface SignOffView {
  organisationId: string;
  decision: SignOffDecision;
  comment: string;
  signedBy: string;
  versionId: string;
  versionName: string | null;
  versionSha256: string;
  createdAt: Date;
}

/** Each organisation's latest answer to one request (an organisation may change its mind). */
export async function latestSignOffs(db: Executor, requestId: string): Promise<SignOffView[]> {
  const rows = await db
    .selectFrom("sign_offs as s")
    .innerJoin("draft_versions as v", "v.id", "s.version_id")
    .select(["s.organisation_id", "s.decision", "s.comment", "s.signed_by_name", "s.version_id", "v.name", "v.content_sha256", "s.created_at"])
    .where("s.request_id", "=", requestId)
    .orderBy("s.created_at", "asc")
    .orderBy("s.id", "asc")
    .execute();
  const latest = new Map<string, SignOffView>();
  for (const r of rows) {
    latest.set(r.organisation_id, {
      organisationId: r.organisation_id,
      decision: r.decision,
      comment: r.comment,
      signedBy: r.signed_by_name,
      versionId: r.version_id,
      versionName: r.name,
      versionSha256: r.content_sha256,
      createdAt: r.created_at,
    });
  }
  return [...latest.values()];
}

export async function insertSignOff(
  db: Executor,
  input: { draftId: string; requestId: string; versionId: string; organisationId: string; decision: SignOffDecision; comment: string; signedBy: string; signedByName: string },
): Promise<{ id: string }> {
  return db
    .insertInto("sign_offs")
    .values({
      draft_id: input.draftId,
      request_id: input.requestId,
      version_id: input.versionId,
      organisation_id: input.organisationId,
      decision: input.decision,
      comment: input.comment,
      signed_by: input.signedBy,
      signed_by_name: input.signedByName,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** The draft's named versions, newest first, for the request form. */
export async function listNamedVersions(db: Executor, draftId: string): Promise<Array<{ id: string; name: string; createdAt: Date }>> {
  const rows = await db.selectFrom("draft_versions").select(["id", "name", "created_at"]).where("draft_id", "=", draftId).where("name", "is not", null).orderBy("created_at", "desc").limit(50).execute();
  return rows.map((r) => ({ id: r.id, name: r.name!, createdAt: r.created_at }));
}
