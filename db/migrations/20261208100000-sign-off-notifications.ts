import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Sign-off (issue 21): an organisation's focal point is told when the coordinator asks for its
// sign-off. The notifications' kind is a checked list (20261127120000-create-comments), so the new
// kind needs the check replaced; PostgreSQL and PGlite both named it notifications_kind_check.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('mention', 'review-request', 'sign-off-request'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from notifications where kind = 'sign-off-request'`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check check (kind in ('mention', 'review-request'))`.execute(db);
}
