import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Security for people at risk (issue 22): a new sign-in is told to the person ("New sign-in:
// Chrome on Linux — not you? Review your devices"). Such a notification belongs to the account,
// not to a workspace or a draft, so both become nullable; a check keeps every other kind tied to
// its draft. The row says which browser (the User-Agent, cut short, never an IP address) and how.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('mention', 'review-request', 'sign-off-request', 'sign-in'))`.execute(db);
  await sql`alter table notifications alter column workspace_id drop not null`.execute(db);
  await sql`alter table notifications alter column draft_id drop not null`.execute(db);
  await db.schema
    .alterTable("notifications")
    .addColumn("device", "text", (c) => c.check(sql`char_length(device) <= 256`))
    .addColumn("sign_in_method", "text", (c) => c.check(sql`sign_in_method in ('password', 'two-step', 'recovery-code', 'passkey', 'sign-up')`))
    .execute();
  // Account-level exactly for sign-ins: a mention without its draft would be a broken link.
  await sql`alter table notifications add constraint notifications_account_level_check check (
    (kind = 'sign-in') = (workspace_id is null and draft_id is null and sign_in_method is not null)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from notifications where kind = 'sign-in'`.execute(db);
  await sql`alter table notifications drop constraint notifications_account_level_check`.execute(db);
  await db.schema.alterTable("notifications").dropColumn("device").dropColumn("sign_in_method").execute();
  await sql`alter table notifications alter column workspace_id set not null`.execute(db);
  await sql`alter table notifications alter column draft_id set not null`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('mention', 'review-request', 'sign-off-request'))`.execute(db);
}
