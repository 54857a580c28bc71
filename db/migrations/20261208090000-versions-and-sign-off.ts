import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Versions, sign-off and word budgets (issue 21, decision 023). A version is a reading of the
// draft at one moment, kept apart from the update log so compaction can go on merging and
// deleting log rows: the canonical body (ProseMirror JSON), the cover, who wrote which characters
// (run lengths, for a compare's "by whom"), the counted words and what changed since the version
// before. Automatic versions thin as they age; named, submitted and sign-off versions never.

// Migrations import nothing from the app: these mirror core/versions/contract.ts as it was.
const VERSION_KINDS = ["session", "named", "status", "import", "restore", "submitted"] as const;
const NAME_MAX_CHARS = 200;
const COMMENT_MAX_CHARS = 4000;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("draft_versions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${sql.join(VERSION_KINDS.map((k) => sql.lit(k)))})`))
    // A named version's name; the others are named by their kind in the reader's language.
    .addColumn("name", "text", (c) => c.check(sql`name is null or char_length(name) between 1 and ${sql.lit(NAME_MAX_CHARS)}`))
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("cover", "jsonb", (c) => c.notNull())
    // Who wrote each character of each textblock, as run lengths over Yjs client ids, and who
    // each client was: what a compare credits its insertions to.
    .addColumn("authorship", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // SHA-256 of the canonical body and cover: "is the text still the one this organisation signed?"
    .addColumn("content_sha256", "text", (c) => c.notNull().check(sql`content_sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn("words", "integer", (c) => c.notNull().check(sql`words >= 0`))
    // Against the version before it: counted words added and removed, and by organisation.
    .addColumn("added", "integer", (c) => c.notNull().defaultTo(0).check(sql`added >= 0`))
    .addColumn("removed", "integer", (c) => c.notNull().defaultTo(0).check(sql`removed >= 0`))
    .addColumn("by_organisation", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // Who changed the draft in this session of work: [{ userId, organisationId }].
    .addColumn("people", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // The stored file of a submission (its SHA-256 is on the export row).
    .addColumn("export_id", "uuid", (c) => c.references("exports.id").onDelete("set null"))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    // A session's first change; a version made at one moment starts when it is made.
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("draft_versions_draft_created_idx").on("draft_versions").columns(["draft_id", "created_at"]).execute();

  // The member who signs for an organisation (its focal point).
  await db.schema
    .alterTable("organisations")
    .addColumn("focal_point_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();

  // The coordinator asks for sign-off on one version; a new request supersedes the old one.
  await db.schema
    .createTable("sign_off_requests")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("draft_versions.id").onDelete("cascade"))
    .addColumn("message", "text", (c) => c.notNull().defaultTo("").check(sql`char_length(message) <= ${sql.lit(COMMENT_MAX_CHARS)}`))
    .addColumn("requested_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sign_off_requests_draft_idx").on("sign_off_requests").columns(["draft_id", "created_at"]).execute();

  // One organisation's answer on one version: approved, or changes requested with a comment.
  await db.schema
    .createTable("sign_offs")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("request_id", "uuid", (c) => c.notNull().references("sign_off_requests.id").onDelete("cascade"))
    .addColumn("version_id", "uuid", (c) => c.notNull().references("draft_versions.id").onDelete("cascade"))
    .addColumn("organisation_id", "uuid", (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addColumn("decision", "text", (c) => c.notNull().check(sql`decision in ('approved', 'changes_requested')`))
    .addColumn("comment", "text", (c) => c.notNull().defaultTo("").check(sql`char_length(comment) <= ${sql.lit(COMMENT_MAX_CHARS)}`))
    .addColumn("signed_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("signed_by_name", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sign_offs_draft_org_idx").on("sign_offs").columns(["draft_id", "organisation_id", "created_at"]).execute();

  // A submission made without every organisation's sign-off on its text names the owner who
  // overrode and the organisations that had not signed (ids; the record never prints them).
  await db.schema.alterTable("exports").addColumn("sign_off_override", "jsonb").execute();

  // The coordinator's shares of the word limit, by template section or by organisation.
  await db.schema
    .createTable("draft_word_budgets")
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("target_kind", "text", (c) => c.notNull().check(sql`target_kind in ('section', 'organisation')`))
    // A template section's id, or an organisation's id.
    .addColumn("target_id", "text", (c) => c.notNull().check(sql`char_length(target_id) between 1 and 200`))
    .addColumn("words", "integer", (c) => c.notNull().check(sql`words between 1 and 1000000`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("draft_word_budgets_pk", ["draft_id", "target_kind", "target_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("draft_word_budgets").execute();
  await db.schema.alterTable("exports").dropColumn("sign_off_override").execute();
  await db.schema.dropTable("sign_offs").execute();
  await db.schema.dropTable("sign_off_requests").execute();
  await db.schema.alterTable("organisations").dropColumn("focal_point_id").execute();
  await db.schema.dropTable("draft_versions").execute();
}
