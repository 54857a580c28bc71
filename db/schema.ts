import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type { ThreadStatus } from "../core/comments/contract";
import type { Role } from "../core/policies/roles";
import type { SliceJson, SuggestionState } from "../core/suggestions/contract";
import type { Authorship, OrganisationChange, VersionKind, VersionPerson } from "../core/versions/contract";
import type { Cover } from "../core/editor/cover";

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
  /** The interface language the person chose ("en", "fr", "es", "ar"); null follows the browser. */
  locale: string | null;
  /** "latn" or "arab": the digits numbers are written in when the interface is Arabic. */
  numerals: Generated<string>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  /** Two-step sign-in (issue 22): the authenticator app's key, when it was confirmed, the last step accepted. */
  totp_key: Uint8Array | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
}

export interface SessionsTable {
  /** Hex SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: Timestamp;
  created_at: CreatedAt;
  /** The browser's User-Agent, cut to 256 characters; shown as "Firefox on Windows". Never an IP. */
  user_agent: string | null;
  /** The person said this is a shared computer: the browser keeps no offline copy (issue 22). */
  shared: Generated<boolean>;
  method: ColumnType<SignInMethod, SignInMethod | undefined, never>;
  last_seen_at: Generated<Date>;
}

/** How a session was signed in: shown beside the device on the Account page. */
export type SignInMethod = "password" | "two-step" | "recovery-code" | "passkey" | "sign-up";

export interface WorkspacesTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  /** An owner requires two-step sign-in of every member before they open a draft (issue 22). */
  require_two_step: Generated<boolean>;
}

export interface OrganisationsTable {
  id: Generated<string>;
  workspace_id: string;
  name: string;
  acronym: Generated<string>;
  /** A confidential organisation is never named outside its workspace (exports, invitations). */
  confidential: Generated<boolean>;
  /** The member who signs drafts for the organisation (issue 21); null until one is named. */
  focal_point_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** While a submission makes its file, no node applies edits until this time (or it clears). */
  frozen_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** When an owner reopened the submitted draft for a correction, and who. */
  reopened_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  reopened_by: ColumnType<string | null, string | null | undefined, string | null>;
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

/** A Postgres date column: a string "YYYY-MM-DD" in and a Date out. */
type DateColumn = ColumnType<Date | null, string | null | undefined, string | null>;
type JsonColumn = ColumnType<Record<string, unknown>, string, string>;
/** Generated by the database; never written. */
type GeneratedAlways<T> = ColumnType<T, never, never>;

export interface RecommendationsTable {
  id: Generated<string>;
  /** Identity (int8, so a string): the row's number in the in-memory library index. */
  seq: GeneratedAlways<string>;
  /** null = the shared library. */
  workspace_id: string | null;
  mechanism: "UPR" | "TB" | "SP";
  body: string;
  state_under_review: string;
  recommending_states: string[];
  cycle: number | null;
  session: string | null;
  symbol: string;
  paragraph: string;
  text: string;
  response: string | null;
  response_source: string | null;
  themes: string[];
  affected_persons: string[];
  sdg_goals: number[];
  action_category: number | null;
  publication_date: DateColumn;
  external_ids: JsonColumn;
  provenance: JsonColumn;
  dedupe_key: string;
  search_document: string;
  search_keys: string;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

/** Written only by the recommendations triggers: the full text of each row, kept narrow. */
export interface RecommendationSearchTable {
  seq: string;
  /** workspace_id, or the all-zero uuid for the shared library. */
  library_key: string;
  tsv_english: string;
  tsv_simple: string;
}

/** Written only by the recommendations triggers: every distinct search key, for misspellings. */
export interface LibraryTermsTable {
  term: string;
}

/** Written only by the recommendations triggers: a new random revision per library per write. */
export interface LibraryRevisionsTable {
  library_key: string;
  revision: string;
}

export interface SourcesTable {
  id: Generated<string>;
  workspace_id: string | null;
  csl: JsonColumn;
  un_symbol: string | null;
  issuing_body: string | null;
  default_pinpoint: string | null;
  provenance: JsonColumn;
  dedupe_key: string;
  search_document: string;
  tsv_simple: GeneratedAlways<string>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
}

export interface CommentThreadsTable {
  id: Generated<string>;
  draft_id: string;
  /** The draft's workspace, kept here so counts per workspace need no join. */
  workspace_id: string;
  /** Base64 Yjs relative positions against the draft's body (Y.encodeRelativePosition). */
  anchor_start: string;
  anchor_end: string;
  /** The quoted text as it was: the fallback when the positions no longer resolve. */
  quote: string;
  status: Generated<ThreadStatus>;
  created_by: string | null;
  created_at: CreatedAt;
  /** Set exactly while the thread is resolved (a check says so). */
  resolved_at: Date | null;
  resolved_by: string | null;
}

export interface CommentsTable {
  id: Generated<string>;
  thread_id: string;
  author_id: string | null;
  /** Kept so the thread still reads after the author's account is gone. */
  author_name: string;
  /** Empty exactly when deleted_at is set. */
  body: string;
  /** Members named with "@Name" in the body, as the server kept them. */
  mentions: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  edited_at: Date | null;
  /** Set on an opening comment deleted while replies remain; every other deletion removes the row. */
  deleted_at: Date | null;
}

/** A suggestion (issue 20): the proposed change attached to a comment thread of the same id. */
export interface SuggestionsTable {
  thread_id: string;
  /** The thread's draft (a foreign key on both columns keeps them equal). */
  draft_id: string;
  /** The author's organisation when they suggested; null for none, imported, or removed since. */
  organisation_id: string | null;
  /** Null once the account is gone, and for a tracked change imported from Word by someone else. */
  author_id: string | null;
  author_name: string;
  imported: Generated<boolean>;
  /** The accepted text the change replaces, as the author saw it ("" for an insertion). */
  deleted_text: string;
  /** ProseMirror Slice JSON (written as JSON text), null for a pure deletion. */
  insert: ColumnType<SliceJson | null, string | null, string | null>;
  state: Generated<SuggestionState>;
  revision: Generated<number>;
  decided_by: string | null;
  /** Set exactly while the state is not open (a check says so). */
  decided_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type NotificationKind = "mention" | "review-request" | "sign-off-request" | "sign-in";

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  /** Null exactly for account-level notifications (a sign-in), which every workspace lists. */
  workspace_id: string | null;
  draft_id: string | null;
  thread_id: string | null;
  comment_id: string | null;
  kind: NotificationKind;
  actor_id: string | null;
  read_at: Date | null;
  created_at: CreatedAt;
  /** A sign-in's browser (the User-Agent, cut to 256 characters; never an IP address). */
  device: ColumnType<string | null, string | null | undefined, never>;
  sign_in_method: ColumnType<SignInMethod | null, SignInMethod | null | undefined, never>;
}

export interface DraftReviewersTable {
  draft_id: string;
  user_id: string;
  assigned_by: string | null;
  assigned_at: CreatedAt;
}

/** Which user each Yjs client of a draft is (the client id every Yjs item carries). */
export interface DraftClientsTable {
  draft_id: string;
  /** A uint32 Yjs client id; int8 comes back as a string from pg and PGlite alike. */
  client_id: ColumnType<string, number | string, never>;
  /** Null once the account is gone. */
  user_id: string | null;
  first_seen_at: CreatedAt;
}

export type ExportFormat = "docx" | "pdf";

/** A file stored when a draft was marked as submitted: the exact bytes sent, and their fingerprint. */
export interface ExportsTable {
  id: Generated<string>;
  draft_id: string;
  workspace_id: string;
  format: ExportFormat;
  file_name: string;
  /** Lower-case hex SHA-256 of `bytes`. */
  sha256: string;
  bytes: Uint8Array;
  /** octet_length(bytes), kept so lists never read the bytes (a check keeps them equal). */
  byte_size: number;
  /** Null once the account is gone; created_by_name still says who. */
  created_by: string | null;
  created_by_name: string;
  created_at: CreatedAt;
  /** SHA-256 of the draft's canonical text when the file was stored (null before issue 16). */
  content_sha256: ColumnType<string | null, string | null | undefined, never>;
  /** Set when an owner submitted without every organisation's sign-off on the text (issue 21). */
  sign_off_override: ColumnType<SignOffOverride | null, string | null | undefined, never>;
}

/** Who overrode missing sign-offs at submission, and which organisations had not signed (ids). */
export interface SignOffOverride {
  by: string;
  byName: string;
  missing: string[];
}

/** A reading of the draft at one moment (issue 21, decision 023); see the migration. */
export interface DraftVersionsTable {
  id: Generated<string>;
  draft_id: string;
  kind: VersionKind;
  name: string | null;
  content: ColumnType<Record<string, unknown>, string, string>;
  cover: ColumnType<Cover, string, string>;
  authorship: ColumnType<Authorship, string | undefined, string>;
  content_sha256: string;
  words: number;
  added: Generated<number>;
  removed: Generated<number>;
  by_organisation: ColumnType<OrganisationChange[], string | undefined, string>;
  people: ColumnType<VersionPerson[], string | undefined, string>;
  export_id: string | null;
  created_by: string | null;
  started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SignOffRequestsTable {
  id: Generated<string>;
  draft_id: string;
  version_id: string;
  message: Generated<string>;
  requested_by: string | null;
  created_at: CreatedAt;
}

export type SignOffDecision = "approved" | "changes_requested";

export interface SignOffsTable {
  id: Generated<string>;
  draft_id: string;
  request_id: string;
  version_id: string;
  organisation_id: string;
  decision: SignOffDecision;
  comment: Generated<string>;
  signed_by: string | null;
  signed_by_name: string;
  created_at: CreatedAt;
}

export interface DraftWordBudgetsTable {
  draft_id: string;
  target_kind: "section" | "organisation";
  target_id: string;
  words: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  organisations: OrganisationsTable;
  memberships: MembershipsTable;
  invitations: InvitationsTable;
  drafts: DraftsTable;
  audit_events: AuditEventsTable;
  draft_updates: DraftUpdatesTable;
  draft_snapshots: DraftSnapshotsTable;
  recommendations: RecommendationsTable;
  recommendation_search: RecommendationSearchTable;
  library_terms: LibraryTermsTable;
  library_revisions: LibraryRevisionsTable;
  sources: SourcesTable;
  comment_threads: CommentThreadsTable;
  comments: CommentsTable;
  suggestions: SuggestionsTable;
  notifications: NotificationsTable;
  draft_reviewers: DraftReviewersTable;
  draft_clients: DraftClientsTable;
  exports: ExportsTable;
  draft_versions: DraftVersionsTable;
  sign_off_requests: SignOffRequestsTable;
  sign_offs: SignOffsTable;
  draft_word_budgets: DraftWordBudgetsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  auth_challenges: AuthChallengesTable;
  sign_up_confirmations: SignUpConfirmationsTable;
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
export type CommentThread = Selectable<CommentThreadsTable>;
export type CommentRow = Selectable<CommentsTable>;
export type SuggestionRow = Selectable<SuggestionsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type ExportRow = Selectable<ExportsTable>;
export type DraftVersionRow = Selectable<DraftVersionsTable>;
export type SignOffRequestRow = Selectable<SignOffRequestsTable>;
export type SignOffRow = Selectable<SignOffsTable>;
export type WordBudgetRow = Selectable<DraftWordBudgetsTable>;

// Two-step sign-in (issue 22).

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  /** Hex SHA-256 of a code with 80 random bits: too many to guess, so a fast hash is enough. */
  code_hash: string;
  used_at: Date | null;
  created_at: CreatedAt;
}

export interface PasskeysTable {
  /** The credential id, base64url. */
  id: string;
  user_id: string;
  public_key: Uint8Array;
  /** bigint: pg returns it as a string, PGlite as a number. */
  counter: ColumnType<string | number, number | undefined, number>;
  /** Comma-separated AuthenticatorTransport values, as the browser reported them. */
  transports: Generated<string>;
  name: string;
  backed_up: Generated<boolean>;
  created_at: CreatedAt;
  last_used_at: Date | null;
}

export type AuthChallengePurpose = "second-step" | "passkey-sign-in" | "passkey-registration";

export interface AuthChallengesTable {
  /** Hex SHA-256 of the cookie's token. */
  id: string;
  user_id: string | null;
  purpose: AuthChallengePurpose;
  webauthn_challenge: string | null;
  shared: Generated<boolean>;
  redirect_to: Generated<string>;
  expires_at: Timestamp;
  created_at: CreatedAt;
}

export type PasskeyRow = Selectable<PasskeysTable>;
export type AuthChallengeRow = Selectable<AuthChallengesTable>;

// Open sign-up (issue 22): a confirmation link mailed to an address without an account.
export interface SignUpConfirmationsTable {
  id: Generated<string>;
  /** Lower-cased and trimmed, as users.email. */
  email: string;
  /** Hex SHA-256 of the mailed token; the token itself is never stored. */
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  /** Set when the account was created from it: a link works once. */
  used_at: Timestamp | null;
}

export type SignUpConfirmation = Selectable<SignUpConfirmationsTable>;
