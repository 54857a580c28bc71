import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { Role } from "../core/policies/roles";

/** Timestamps come back as Date from both pg and PGlite; inserts may omit them (DB default). */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type JsonObject = ColumnType<Record<string, unknown>, string, string>;

export type DraftStatus = "drafting" | "in_review" | "submitted";

export interface UsersTable {
  id: Generated<string>;
  /** Stored lower-cased and trimmed; unique. */
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  /** Hex SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  /** "email:<address>" or "ip:<address>": one table bounds both. */
  key: string;
  attempted_at: CreatedAt;
}

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  acronym: Generated<string>;
  /** A confidential organisation is never named outside its workspace (exports, invitations). */
  confidential: Generated<boolean>;
  created_at: CreatedAt;
}

export interface MembershipsTable {
  id: Generated<string>;
  workspace_id: string;
  user_id: string;
  organisation_id: string | null;
  role: Role;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface InvitationsTable {
  id: Generated<string>;
  workspace_id: string;
  email: string;
  role: Role;
  organisation_id: string | null;
  token_hash: string;
  invited_by: string | null;
  expires_at: Timestamp;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
  created_at: CreatedAt;
}

export interface DraftsTable {
  id: Generated<string>;
  workspace_id: string;
  title: string;
  mechanism: string;
  /** ISO 3166-1 alpha-3 code of the State under review. */
  state_under_review: string;
  template_slug: string | null;
  status: Generated<DraftStatus>;
  deadline: ColumnType<Date | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface AuditEventsTable {
  id: Generated<string>;
  workspace_id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details: JsonObject;
  created_at: CreatedAt;
}

export interface DraftUpdatesTable {
  /** Global order of appends; int8 comes back as a string from pg and PGlite alike. */
  seq: Generated<string>;
  draft_id: string;
  update: Uint8Array;
  user_id: string | null;
  created_at: CreatedAt;
}

export interface DraftSnapshotsTable {
  draft_id: string;
  state: Uint8Array;
  content: JsonObject;
  text: string;
  up_to_seq: string;
  updated_at: Generated<Date>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  workspaces: WorkspacesTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  drafts: DraftsTable;
  audit_events: AuditEventsTable;
  draft_updates: DraftUpdatesTable;
  draft_snapshots: DraftSnapshotsTable;
}

export type User = Selectable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Workspace = Selectable<WorkspacesTable>;
export type Organisation = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type OrganisationUpdate = Updateable<OrganisationsTable>;
export type Membership = Selectable<MembershipsTable>;
export type Invitation = Selectable<InvitationsTable>;
export type Draft = Selectable<DraftsTable>;
export type NewDraft = Insertable<DraftsTable>;
export type AuditEvent = Selectable<AuditEventsTable>;
