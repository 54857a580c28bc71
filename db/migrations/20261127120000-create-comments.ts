import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Review (issue 7): comment threads anchored to the text, their comments, in-app notifications
// and the reviewers a draft was sent to. All of it is written over HTTP, never through the
// Y.Doc, so a reviewer's socket stays read-only.

// Migrations import nothing from the app: these mirror core/comments/contract.ts as it was.
const COMMENT_MAX_CHARS = 4000;
const QUOTE_MAX_CHARS = 2000;
/** A base64 Yjs relative position is a few dozen bytes; the contract allows 512. */
const POSITION_MAX_CHARS = 512;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("comment_threads")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    // Denormalised from the draft: counting a workspace's open threads needs no join.
    .addColumn("workspace_id", "uuid", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("anchor_start", "text", (c) => c.notNull().check(sql`char_length(anchor_start) <= ${sql.lit(POSITION_MAX_CHARS)}`))
    .addColumn("anchor_end", "text", (c) => c.notNull().check(sql`char_length(anchor_end) <= ${sql.lit(POSITION_MAX_CHARS)}`))
    // The text as it was when quoted: the fallback when the relative positions no longer resolve.
    .addColumn("quote", "text", (c) => c.notNull().check(sql`char_length(quote) between 1 and ${sql.lit(QUOTE_MAX_CHARS)}`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("open").check(sql`status in ('open', 'resolved')`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    // resolved_at says when, and exists exactly while the thread is resolved.
    .addCheckConstraint("comment_threads_resolved_check", sql`(status = 'resolved') = (resolved_at is not null)`)
    .execute();
  // A draft's threads in order (the Comments tab), and the drafts list's open counts.
  await db.schema.createIndex("comment_threads_draft_idx").on("comment_threads").columns(["draft_id", "created_at"]).execute();
  await sql`create index comment_threads_open_idx on comment_threads (workspace_id, draft_id) where status = 'open'`.execute(db);

  await db.schema
    .createTable("comments")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("thread_id", "uuid", (c) => c.notNull().references("comment_threads.id").onDelete("cascade"))
    .addColumn("author_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    // Kept so a thread still reads when its author's account is gone.
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("mentions", sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("edited_at", "timestamptz")
    // A thread's opening comment deleted while replies remain is emptied and marked, so the
    // replies keep their context ("comment deleted") and the words themselves are gone.
    .addColumn("deleted_at", "timestamptz")
    .addCheckConstraint(
      "comments_body_check",
      sql`(deleted_at is null and char_length(body) between 1 and ${sql.lit(COMMENT_MAX_CHARS)}) or (deleted_at is not null and body = '')`,
    )
    .execute();
  await db.schema.createIndex("comments_thread_idx").on("comments").columns(["thread_id", "created_at"]).execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("workspace_id", "uuid", (c) => c.notNull().references("workspaces.id").onDelete("cascade"))
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    // A mention disappears with its comment or thread; a review request has neither.
    .addColumn("thread_id", "uuid", (c) => c.references("comment_threads.id").onDelete("cascade"))
    .addColumn("comment_id", "uuid", (c) => c.references("comments.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('mention', 'review-request')`))
    // Who caused it ("Ana mentioned you"); null once their account is gone.
    .addColumn("actor_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("read_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // The header's unread count, and the notifications page (newest first).
  await db.schema.createIndex("notifications_user_read_idx").on("notifications").columns(["user_id", "read_at"]).execute();
  await db.schema.createIndex("notifications_user_workspace_idx").on("notifications").columns(["user_id", "workspace_id", "created_at"]).execute();

  await db.schema
    .createTable("draft_reviewers")
    .addColumn("draft_id", "uuid", (c) => c.notNull().references("drafts.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("assigned_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("assigned_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("draft_reviewers_pkey", ["draft_id", "user_id"])
    .execute();
  // "Assigned to you for review" on the drafts list.
  await db.schema.createIndex("draft_reviewers_user_idx").on("draft_reviewers").column("user_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["draft_reviewers", "notifications", "comments", "comment_threads"]) {
    await db.schema.dropTable(table).execute();
  }
}
