/**
 * Issue 23: does a compaction stall the sockets' thread? A 50,000-word draft with a long log
 * (SESSIONS sessions of EDITS one-keystroke updates by different people, an hour apart, so each
 * compaction keeps SESSIONS versions and measures their changes) compacted ROUNDS times through
 * the job pool and ROUNDS times in-process, on in-process PGlite, alternating. During each
 * compaction: how late a 1 ms timer ran (test/timer-lateness.ts: monitorEventLoopDelay sees no
 * sample at all when the loop is blocked throughout), and how long a
 * `select 1` issued every 10 ms waited (PGlite has one connection: the compaction's transaction,
 * held across the worker's round trips, makes every other statement wait). Also wall time, and
 * for the pool the time its jobs took. With BENCH_DATABASE_URL, the same on a scratch database of
 * that PostgreSQL server.
 *
 *   npx tsx bench/collab/compaction-loop.ts      (ROUNDS=10 SESSIONS=3 EDITS=200 WORDS=50000)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/collab/compaction-loop.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { performance as nodePerformance } from "node:perf_hooks";
import { join } from "node:path";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import * as Y from "yjs";
import { randomEdits, seededText } from "../../test/random-edits";
import { BODY_FIELD, documentSchema, writeCover } from "../../core/editor";
import { openDatabase, openPGlite } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { recordDraftClients } from "../../db/queries/draft-clients";
import { appendDraftUpdates } from "../../db/queries/draft-documents";
import type { Database } from "../../db/schema";
import { compactDraft } from "../../server/collab/compaction";
import type { JobRunner } from "../../server/context";
import { JobPool } from "../../server/jobs/job-pool";
import { backdate } from "../../test/collab/backdate";
import { databaseUrlFor } from "../../test/db/postgres-admin";
import { watchTimerLateness } from "../../test/timer-lateness";
import { fmt, median, percentile, table } from "./stats";

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const SESSIONS = Number(process.env.SESSIONS ?? 3);
const EDITS = Number(process.env.EDITS ?? 200);
const WORDS = Number(process.env.WORDS ?? 50_000);
const VOCABULARY = "State recommendation supported noted implementation detention journalists freedom expression assembly Committee report the of and to in that".split(" ");
const { random, sentence } = seededText(VOCABULARY, 11);

/** ~75-word paragraphs under a heading every 40, a footnote in one of four. */
function startingDraft(words: number): Record<string, unknown> {
  const blocks: unknown[] = [];
  for (let p = 0, count = 0, notes = 0; count < words; p++, count += 75) {
    if (p % 40 === 0) blocks.push({ type: "heading", attrs: { level: 1, section: `s${p / 40}` }, content: [{ type: "text", text: `Section ${p / 40}` }] });
    const inline: unknown[] = [{ type: "text", text: sentence(40) }];
    if (p % 4 === 0) inline.push({ type: "footnote", attrs: { id: `n${++notes}` }, content: [{ type: "text", text: `See A/HRC/25/5, para. ${notes}.` }] });
    inline.push({ type: "text", text: sentence(35) });
    blocks.push({ type: "paragraph", content: inline });
  }
  return { type: "doc", content: blocks };
}

// PGlite in this process by default; with BENCH_DATABASE_URL, a scratch database on that
// PostgreSQL server (its statements then run in another process, not on this thread).
const serverUrl = process.env.BENCH_DATABASE_URL;
const scratch = `caucus_bench_compaction_${process.pid}`;
const admin = async (statement: string) => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement).finally(() => client.end());
};
const dir = await mkdtemp(join(tmpdir(), "caucus-compaction-loop-"));
if (serverUrl) await admin(`create database ${scratch}`);
const handle = serverUrl ? await openDatabase({ databaseUrl: databaseUrlFor(serverUrl, scratch) }) : await openDatabase({ pglite: await openPGlite(dir) });
const db: Kysely<Database> = handle.db;
await migrateToLatest(db);
const workspace = await db.insertInto("workspaces").values({ name: "Bench coalition" }).returning("id").executeTakeFirstOrThrow();
const people: string[] = [];
for (let i = 0; i < 4; i++) {
  const organisation = await db.insertInto("organisations").values({ workspace_id: workspace.id, name: `Organisation ${i}`, acronym: `ORG${i}` }).returning("id").executeTakeFirstOrThrow();
  const user = await db.insertInto("users").values({ email: `p${i}@example.org`, name: `Person ${i}`, password_hash: "x" }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("memberships").values({ workspace_id: workspace.id, user_id: user.id, role: i === 0 ? "owner" : "editor", organisation_id: organisation.id }).execute();
  people.push(user.id);
}

/** One draft per mode, from the same starting state and the same edits: the two do equal work. */
const live = prosemirrorJSONToYDoc(documentSchema(), startingDraft(WORDS), BODY_FIELD);
writeCover(live, { title: "Bench draft", language: "en" });
const drafts = { pool: "", inProcess: "" };
for (const mode of ["pool", "inProcess"] as const) {
  const draft = await db.insertInto("drafts").values({ workspace_id: workspace.id, title: `Bench ${mode}`, mechanism: "UPR", state_under_review: "GHA", template_slug: "upr-joint" }).returning("id").executeTakeFirstOrThrow();
  drafts[mode] = draft.id;
  await recordDraftClients(db, [{ draftId: draft.id, clientId: live.clientID, userId: people[0]! }]);
  await appendDraftUpdates(db, [{ draftId: draft.id, update: Y.encodeStateAsUpdate(live), userId: people[0]! }]);
  await sql`update draft_updates set created_at = now() - interval '30 days' where draft_id = ${draft.id}`.execute(db);
  await compactDraft(db, draft.id, undefined, null);
}

/** SESSIONS sessions of EDITS keystrokes, each by another person an hour after the last, stored into both drafts. */
async function appendLog(round: number): Promise<number> {
  let rows = 0;
  for (let s = 0; s < SESSIONS; s++) {
    const person = people[(round + s) % people.length]!;
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(live));
    const updates: Uint8Array[] = [];
    client.on("update", (u: Uint8Array) => updates.push(u));
    randomEdits(client, EDITS, { random, sentence });
    Y.applyUpdate(live, Y.encodeStateAsUpdate(client));
    const at = new Date(Date.now() - 20 * 86_400_000 + (round * SESSIONS + s) * 3_600_000);
    for (const draftId of Object.values(drafts)) {
      await recordDraftClients(db, [{ draftId, clientId: client.clientID, userId: person }]);
      await appendDraftUpdates(db, updates.map((update) => ({ draftId, update, userId: person })));
      await backdate(db, draftId, at);
    }
    rows += updates.length;
    client.destroy();
  }
  return rows;
}

interface Sample { wallMs: number; loopP99: number; loopMax: number; statementMaxMs: number; rows: number; mainBusyMs: number }

/** One compaction with the event loop and a concurrent statement watched. */
async function measured(draftId: string, jobs: JobRunner | null, rows: number): Promise<Sample> {
  const lateness = watchTimerLateness();
  let statementMaxMs = 0;
  let running = true;
  const probe = (async () => {
    while (running) {
      const start = performance.now();
      await sql`select 1`.execute(db);
      statementMaxMs = Math.max(statementMaxMs, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const start = performance.now();
  // This thread's own busy time (eventLoopUtilization is per thread): lateness on a loaded
  // machine also counts time the OS gave the cores to others; this counts only our work.
  const busyBefore = nodePerformance.eventLoopUtilization();
  await compactDraft(db, draftId, undefined, jobs);
  const mainBusyMs = nodePerformance.eventLoopUtilization(busyBefore).active;
  const wallMs = performance.now() - start;
  const loop = lateness.stop();
  running = false;
  await probe;
  return { wallMs, loopP99: loop.p99, loopMax: loop.max, statementMaxMs, rows, mainBusyMs };
}

const pool = new JobPool({ size: 1, timeoutMs: 300_000, maxOutputBytes: Number.MAX_SAFE_INTEGER });
const timedPool: JobRunner = {
  run: async (job, options) => {
    const start = performance.now();
    try {
      return await pool.run(job, options);
    } finally {
      jobMs += performance.now() - start;
    }
  },
};
let jobMs = 0;
// A first job starts the worker (its module graph loads once): not what a compaction costs.
await pool.run({ format: "compaction", work: { packed: new Uint8Array(), lengths: [], hasSnapshot: false, inMemoryCount: 0, sessions: [], versions: null } });

const samples: Record<"pool" | "inProcess", Sample[]> = { pool: [], inProcess: [] };
const poolJobMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const rows = await appendLog(round);
  // Alternate which goes first, so neither always meets a warmer JIT or a fresher heap.
  const order = round % 2 === 0 ? (["pool", "inProcess"] as const) : (["inProcess", "pool"] as const);
  for (const mode of order) {
    jobMs = 0;
    const sample = await measured(drafts[mode], mode === "pool" ? timedPool : null, rows);
    samples[mode].push(sample);
    if (mode === "pool") poolJobMs.push(jobMs);
    console.log(`round ${round + 1} ${mode.padEnd(9)} rows ${rows}  wall ${fmt(sample.wallMs)} ms  main thread busy ${fmt(sample.mainBusyMs)} ms  loop p99 ${fmt(sample.loopP99)} max ${fmt(sample.loopMax)} ms  other statement waited ≤ ${fmt(sample.statementMaxMs)} ms${mode === "pool" ? `  (jobs ${fmt(jobMs)} ms)` : ""}`);
  }
}

const same = await db.selectFrom("draft_snapshots").select(["draft_id", "text", sql<string>`content::text`.as("content")]).where("draft_id", "in", Object.values(drafts)).execute();
const versions = await db.selectFrom("draft_versions").select(["draft_id", "content_sha256", "words", "added", "removed"]).where("draft_id", "in", Object.values(drafts)).orderBy("created_at").execute();
const versionsOf = (id: string) => JSON.stringify(versions.filter((v) => v.draft_id === id).map(({ draft_id: _, ...rest }) => rest));
const identical = same[0]!.content === same[1]!.content && same[0]!.text === same[1]!.text && versionsOf(drafts.pool) === versionsOf(drafts.inProcess);

const summary = (mode: "pool" | "inProcess", name: string) => {
  const s = samples[mode];
  const sortedP99 = s.map((x) => x.loopP99).sort((a, b) => a - b);
  return [name, fmt(median(s.map((x) => x.wallMs))), fmt(median(s.map((x) => x.mainBusyMs))), fmt(percentile(sortedP99, 50)), fmt(Math.max(...sortedP99)), fmt(Math.max(...s.map((x) => x.loopMax))), fmt(median(s.map((x) => x.statementMaxMs))), fmt(Math.max(...s.map((x) => x.statementMaxMs)))];
};
const words = (await db.selectFrom("draft_versions").select("words").where("draft_id", "=", drafts.pool).orderBy("created_at", "desc").executeTakeFirstOrThrow()).words;
console.log(`\n${serverUrl ? "PostgreSQL" : "PGlite in this process"}: compaction of a ${words.toLocaleString("en")}-word draft, ${SESSIONS} sessions × ${EDITS} edits per compaction (${samples.pool[0]?.rows} log rows), ${ROUNDS} rounds; ms`);
console.log(table(["mode", "wall p50", "main busy p50", "loop p99 (median)", "loop p99 (worst)", "loop max", "other stmt wait p50", "other stmt wait max"], [summary("pool", "job pool"), summary("inProcess", "in-process")]));
console.log(`pool jobs' share of the wall time (p50): ${fmt(median(poolJobMs))} ms; same snapshot JSON, text and versions both ways: ${identical}`);
await pool.close();
await handle.close();
if (serverUrl) await admin(`drop database ${scratch}`);
await rm(dir, { recursive: true, force: true });
