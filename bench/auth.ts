/**
 * Prints: argon2id hash/verify latency, and session validations per second (a lookup by
 * SHA-256 joined to users) on PGlite, and on PostgreSQL when BENCH_DATABASE_URL names a server
 * (a throwaway database is created there and dropped afterwards).
 */
import pg from "pg";
import { hashPassword, verifyPassword } from "../server/auth/password";
import { createSession, validateSessionToken } from "../server/auth/sessions";
import { openDatabase, openPGlite } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { createUser } from "../db/queries/users";
import { databaseUrlFor } from "../test/db/postgres-admin";

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  const ms = (performance.now() - start) / runs;
  console.log(`${label.padEnd(38)} ${ms.toFixed(2).padStart(8)} ms/op  ${(1000 / ms).toFixed(0).padStart(7)} op/s`);
}

const hash = await hashPassword("tea kettle harbour 42");
await time("argon2id hash (19 MiB, t=2)", 20, () => hashPassword("tea kettle harbour 42"));
await time("argon2id verify", 20, () => verifyPassword(hash, "tea kettle harbour 42"));

const targets = [{ name: "pglite", open: async () => openDatabase({ pglite: await openPGlite("memory://") }) }];
const serverUrl = process.env.BENCH_DATABASE_URL;
const scratch = `caucus_bench_${process.pid}`;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
};
if (serverUrl) {
  await admin(`create database ${scratch}`);
  targets.push({ name: "postgres", open: () => openDatabase({ databaseUrl: databaseUrlFor(serverUrl, scratch) }) });
}

for (const target of targets) {
  const handle = await target.open();
  await migrateToLatest(handle.db);
  const user = await createUser(handle.db, { email: `bench.${Date.now()}@example.org`, name: "Bench", passwordHash: hash });
  const { token } = await createSession(handle.db, user!.id, { userAgent: "Caucus bench", shared: false, method: "password" });
  await time(`validate session (${target.name})`, 2000, () => validateSessionToken(handle.db, token));
  await handle.close();
}
if (serverUrl) await admin(`drop database ${scratch}`);
