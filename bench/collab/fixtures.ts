import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { openDatabase, openPGlite, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { generateToken, hashToken } from "../../server/auth/tokens";
import { SESSION_LIFETIME_MS } from "../../server/auth/sessions";
import { databaseUrlFor } from "../../test/db/postgres-admin";

export interface BenchData {
  /** Environment for the server under test (DATA_DIR or DATABASE_URL). */
  env: Record<string, string>;
  tokens: string[];
  draftIds: string[];
  drop(): Promise<void>;
}

/**
 * A database with `users` editors (each with a live session) in one workspace and `drafts`
 * drafts. Rows go in by bulk insert: no argon2, since nobody signs in with a password here.
 * PGlite by default; BENCH_DATABASE_URL names a PostgreSQL server to use a scratch database on.
 */
export async function prepareBenchData(users: number, drafts: number, fill?: (handle: DatabaseHandle, draftIds: string[]) => Promise<void>): Promise<BenchData> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let handle: DatabaseHandle;
  let env: Record<string, string>;
  let drop = async () => {};
  if (serverUrl) {
    const name = `caucus_bench_${process.pid}_${Date.now()}`;
    await admin(serverUrl, `create database ${name}`);
    const url = databaseUrlFor(serverUrl, name);
    handle = await openDatabase({ databaseUrl: url });
    env = { DATABASE_URL: url };
    drop = () => admin(serverUrl, `drop database if exists ${name} with (force)`);
  } else {
    const dir = await mkdtemp(join(tmpdir(), "caucus-bench-"));
    handle = await openDatabase({ pglite: await openPGlite(dir) });
    env = { DATA_DIR: dir };
  }
  await migrateToLatest(handle.db);
  const workspace = await handle.db.insertInto("workspaces").values({ name: "Bench coalition" }).returning("id").executeTakeFirstOrThrow();
  const tokens: string[] = [];
  for (let start = 0; start < users; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, users - start) }, (_, i) => start + i);
    const rows = await handle.db
      .insertInto("users")
      .values(batch.map((i) => ({ email: `bench${i}@example.org`, name: `Bench ${i}`, password_hash: "not-a-login" })))
      .returning("id")
      .execute();
    const batchTokens = rows.map(() => generateToken());
    tokens.push(...batchTokens);
    // A full lifetime, as sign-in gives: a session one day from its end is renewed (written) at
    // every upgrade, which no real storm of fresh-enough sessions pays.
    const expires = new Date(Date.now() + SESSION_LIFETIME_MS);
    await handle.db
      .insertInto("sessions")
      .values(rows.map((r, i) => ({ id: hashToken(batchTokens[i]!), user_id: r.id, expires_at: expires })))
      .execute();
    await handle.db
      .insertInto("memberships")
      .values(rows.map((r) => ({ workspace_id: workspace.id, user_id: r.id, role: "editor" as const })))
      .execute();
  }
  const draftIds: string[] = [];
  for (let start = 0; start < drafts; start += 1000) {
    const count = Math.min(1000, drafts - start);
    const rows = await handle.db
      .insertInto("drafts")
      .values(Array.from({ length: count }, (_, i) => ({ workspace_id: workspace.id, title: `Draft ${start + i}`, mechanism: "UPR", state_under_review: "GHA" })))
      .returning("id")
      .execute();
    draftIds.push(...rows.map((r) => r.id));
  }
  await fill?.(handle, draftIds);
  await handle.close();
  return { env, tokens, draftIds, drop };
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
}
