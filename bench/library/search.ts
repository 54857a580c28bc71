/**
 * Prints, for PGlite and (with BENCH_DATABASE_URL) PostgreSQL: the time to write a generated
 * library of LIBRARY_SIZE (100,000) recommendations in one transaction; then, with OWN_SIZE
 * (1,000) of the coalition's own beside them, the first search (which reads the in-memory
 * library indexes) and p50/p95/max of each kind of search a coalition runs — words, a phrase,
 * a State, a symbol, a recommendation number, a misspelling, browsing, a facet filter, a later
 * page — timed end to end through searchRecommendations (results + facet counts), after one
 * warm-up pass.
 */
import { sql } from "kysely";
import pg from "pg";
import { LibrarySearchSchema, type LibrarySearchInput } from "../../core/library/search-query";
import { openDatabase, openPGlite, type DatabaseHandle } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { upsertRecommendations } from "../../db/queries/library-recommendations";
import { searchRecommendations } from "../../db/queries/library-search";
import { createWorkspace } from "../../db/queries/workspaces";
import { createUser } from "../../db/queries/users";
import { databaseUrlFor } from "../../test/db/postgres-admin";
import { generateCorpus } from "./corpus";

const SIZE = Number(process.env.LIBRARY_SIZE ?? 100_000);
const RUNS = Number(process.env.RUNS ?? 40);
const OWN_SIZE = Number(process.env.OWN_SIZE ?? 1_000);

const QUERIES: Array<[string, LibrarySearchInput]> = [
  ["words: human rights defenders", { q: "human rights defenders" }],
  ["words: torture", { q: "torture" }],
  ["phrase: \"death penalty\"", { q: '"death penalty" moratorium' }],
  ["exclusion: education -rural", { q: "education -rural" }],
  ["State name: Ghana", { q: "Ghana" }],
  ["symbol: A/HRC/25/5", { q: "A/HRC/25/5" }],
  ["number: 150.74", { q: "150.74" }],
  ["misspelt: discrimation", { q: "discrimation" }],
  ["misspelt: Kazakstan", { q: "Kazakstan" }],
  ["browse (no query)", {}],
  ["browse + facet: CEDAW", { body: "CEDAW" }],
  ["words + facets: women, noted", { q: "women", response: "noted" }],
  ["words + State: privacy, CHN", { q: "privacy", stateUnderReview: "CHN" }],
  ["words, page 3: torture", { q: "torture", offset: 40 }],
];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function bench(name: string, handle: DatabaseHandle) {
  const { db } = handle;
  await migrateToLatest(db);
  const owner = await createUser(db, { email: `bench.${Date.now()}@example.org`, name: "Bench", passwordHash: "x" });
  const workspace = await createWorkspace(db, { name: "Bench coalition", description: "", ownerId: owner!.id });
  const corpus = [...generateCorpus(SIZE)];
  const start = performance.now();
  const counts = await db.transaction().execute((trx) => upsertRecommendations(trx, null, corpus));
  const importMs = performance.now() - start;
  console.log(`\n[${name}] wrote ${counts.inserted.toLocaleString("en")} recommendations (${counts.duplicates} repeats merged) in ${(importMs / 1000).toFixed(1)} s — ${Math.round((SIZE / importMs) * 1000).toLocaleString("en")} rows/s`);
  // The coalition's own records, so every search merges two libraries as it does in use.
  await upsertRecommendations(db, workspace.id, [...generateCorpus(OWN_SIZE, 7)]);
  // What autovacuum would have done by now on PostgreSQL; PGlite has no autovacuum, and no
  // ANALYZE runs there in use either, so none runs here.
  if (handle.kind === "postgres") await sql`analyze recommendations, recommendation_search, library_terms`.execute(db);
  const cold = performance.now();
  await searchRecommendations(db, workspace.id, LibrarySearchSchema.parse({}));
  console.log(`first search after the write (reads both library indexes): ${(performance.now() - cold).toFixed(0)} ms`);

  const all: number[] = [];
  console.log(`${"query".padEnd(34)} ${"matches".padStart(8)} ${"mode".padStart(10)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"max".padStart(7)}`);
  for (const [label, input] of QUERIES) {
    const search = LibrarySearchSchema.parse(input);
    const warm = await searchRecommendations(db, workspace.id, search);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await searchRecommendations(db, workspace.id, search);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    const ms = (v: number) => v.toFixed(1).padStart(7);
    console.log(`${label.padEnd(34)} ${String(warm.total).padStart(8)} ${warm.mode.padStart(10)} ${ms(percentile(times, 50))} ${ms(percentile(times, 95))} ${ms(times.at(-1)!)}`);
  }
  all.sort((a, b) => a - b);
  console.log(`${"all queries".padEnd(34)} ${"".padStart(8)} ${"".padStart(10)} ${percentile(all, 50).toFixed(1).padStart(7)} ${percentile(all, 95).toFixed(1).padStart(7)} ${all.at(-1)!.toFixed(1).padStart(7)}`);
}

const embedded = await openDatabase({ pglite: await openPGlite("memory://") });
await bench("pglite", embedded);
await embedded.close();

const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const scratch = `caucus_bench_library_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${scratch}`);
  const handle = await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, scratch) });
  try {
    await bench("postgres", handle);
  } finally {
    await handle.close();
    await admin(`drop database ${scratch}`);
  }
}
