import { sql, type Kysely } from "kysely";

// Frozen: never edit a migration that has shipped; add a new one.
//
// Limits that hold (issue 22): attempt limits are counted by rate-limiter-flexible, atomically,
// in one row per limited key (an upsert), so twenty concurrent wrong passwords cannot slip past a
// limit of ten and every node counts in the same place. The key is a SHA-256 of the limit's
// subject (an address, an account), never the address itself, and rows go when their window
// ends (server/limits/stores.ts sweeps them). The table's shape is the library's own
// (RateLimiterPostgres); creating it here spares every node a CREATE TABLE at boot.
//
// `login_attempts` kept raw IP addresses for as long as housekeeping left them: it goes.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table rate_limits (key varchar(255) primary key, points integer not null default 0, expire bigint)`.execute(db);
  await sql`create index rate_limits_expire_idx on rate_limits (expire)`.execute(db);
  await db.schema.dropTable("login_attempts").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("login_attempts")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("attempted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("login_attempts_key_idx").on("login_attempts").columns(["key", "attempted_at"]).execute();
  await db.schema.dropTable("rate_limits").execute();
}
