/**
 * Where the server's resident memory goes (issue 18). Prints one table, medians of REPEATS (3):
 *
 *   (a) a bare Node process (no tsx) that only opens PGlite on a fresh data directory, and on a
 *       reopened one; with PGLITE_OPTIONS variants (initialMemory, relaxedDurability, postgres
 *       settings through startParams) and other PGlite packages (PGLITE_DIRS);
 *   (b) the production server idle on PGlite with the demo library, a few seconds after /healthz,
 *       on its first boot (new data directory) and on a restart (reopened);
 *   (c) the same on PostgreSQL (a fresh scratch database on BENCH_DATABASE_URL's server);
 *   (d) the server at the end of the collaboration bench's 100 rooms × 5 editors × 4 edits/s
 *       (bench/collab's load generator), and its peak during it;
 *   and a breakdown: node alone, node with the tsx loader, the Remix build under each, one job
 *   worker after its first job.
 *
 * The server is started as test/app-server.ts starts it (so this follows when that changes), with
 * bench/memory/probe.mjs preloaded through NODE_OPTIONS: on SIGUSR2 it collects garbage and
 * writes V8's figures to a file. VmRSS is read from /proc/<pid>/status before that GC.
 *
 *   npm run build && npx tsx bench/memory.ts
 *   REPEATS=1 SKIP_LOAD=1 SKIP_BARE=1 npx tsx bench/memory.ts
 *   PGLITE_DIRS=/tmp/p061/node_modules/@electric-sql/pglite npx tsx bench/memory.ts
 */
import { execFile } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { draftDocName } from "../core/collab/doc-name";
import { startServer, type RunningServer } from "../test/app-server";
import { databaseUrlFor } from "../test/db/postgres-admin";
import { prepareBenchData } from "./collab/fixtures";
import { startWorkers } from "./collab/load";
import { fmt, median, table } from "./collab/stats";

const REPEATS = Number(process.env.REPEATS ?? 3);
const IDLE_MS = Number(process.env.IDLE_MS ?? 5000);
const DURATION_MS = Number(process.env.DURATION_MS ?? 10_000);
const POSTGRES = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PROBE = resolve("bench/memory/probe.mjs");
const run = promisify(execFile);

interface Figures {
  rssMb: number;
  /** After a full GC (the probe's, or the bare script's own). */
  rssAfterGcMb?: number;
  heapUsedMb?: number;
  externalMb?: number;
  arrayBuffersMb?: number;
  hwmMb?: number;
  note?: string;
}

const rows = new Map<string, Figures[]>();
const record = (label: string, figures: Figures) => {
  rows.set(label, [...(rows.get(label) ?? []), figures]);
  console.log(`  ${label}: ${fmt(figures.rssMb, 0)} MB resident${figures.rssAfterGcMb ? `, ${fmt(figures.rssAfterGcMb, 0)} after GC` : ""}${figures.note ? ` (${figures.note})` : ""}`);
};

function status(pid: number): Record<string, number> {
  return Object.fromEntries(
    readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .filter((l) => /^(VmRSS|VmHWM|RssAnon|RssFile):/.test(l))
      .map((l) => [l.split(":")[0]!, Number(l.match(/\d+/)![0]) / 1024]),
  );
}

/** The process listening on the server's port: app-server.ts does not say its pid. */
function listenerPid(url: string): number {
  const port = Number(new URL(url).port).toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    for (const line of readFileSync(table, "utf8").split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[1]?.endsWith(`:${port}`) && f[3] === "0A") inodes.add(`socket:[${f[9]}]`);
    }
  }
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) if (inodes.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) return Number(pid);
    } catch {
      // A process that ended, or one we may not read.
    }
  }
  throw new Error(`no process listens on ${url}`);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function probe(pid: number, file: string): Promise<Partial<Figures>> {
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 50; i++) {
    await sleep(100);
    try {
      const usage = JSON.parse(await readFile(file, "utf8")) as Record<string, number>;
      const mb = (bytes: number) => bytes / 1048576;
      return { rssAfterGcMb: status(pid).VmRSS, heapUsedMb: mb(usage.heapUsed!), externalMb: mb(usage.external!), arrayBuffersMb: mb(usage.arrayBuffers!) };
    } catch {
      // Not written yet.
    }
  }
  return {};
}

/** The production server with the probe; its pid and the probe's file. */
async function server(env: Record<string, string>): Promise<{ running: RunningServer; pid: number; probeFile: string }> {
  const probeFile = join(tmpdir(), `caucus-memory-probe-${process.pid}-${Date.now()}.json`);
  const options = [process.env.NODE_OPTIONS, `--import=${PROBE}`].filter(Boolean).join(" ");
  const running = await startServer({ ...env, MEMORY_PROBE_FILE: probeFile, NODE_OPTIONS: options }).catch((error: Error) => {
    // app-server.ts gave up waiting but leaves the process running: find it by its probe file.
    for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
      try {
        if (readFileSync(`/proc/${pid}/environ`, "utf8").split("\0").includes(`MEMORY_PROBE_FILE=${probeFile}`)) process.kill(Number(pid), "SIGKILL");
      } catch {
        // Gone, or not ours to read.
      }
    }
    throw error;
  });
  const health = await fetch(`${running.url}/healthz`);
  if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
  return { running, pid: listenerPid(running.url), probeFile };
}

async function idleServer(label: string, env: Record<string, string>): Promise<void> {
  const { running, pid, probeFile } = await server(env);
  try {
    await sleep(IDLE_MS);
    const before = status(pid);
    record(label, { rssMb: before.VmRSS!, hwmMb: before.VmHWM, ...(await probe(pid, probeFile)) });
  } finally {
    await running.stop();
    await rm(probeFile, { force: true });
  }
}

async function bare(label: string, packageDir: string, options: { nodeFlags?: string[] } & Record<string, unknown>): Promise<void> {
  const { nodeFlags = [], ...pgliteOptions } = options;
  const { stdout } = await run(process.execPath, [...nodeFlags, "bench/memory/bare-pglite.mjs", packageDir, JSON.stringify(pgliteOptions)], { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout.trim().split("\n").pop()!) as Figures & { version: string; openMs: number; wasmMemoryMb: number; settings: Record<string, string> };
  record(`${label} [${result.version}]`, { ...result, note: `open ${result.openMs} ms, WASM memory ${fmt(result.wasmMemoryMb, 0)} MB, shared_buffers ${result.settings.shared_buffers}` });
}

async function stage(label: string, flags: string[], modules: string): Promise<void> {
  const { stdout } = await run(process.execPath, [...flags, "bench/memory/stages.mjs", modules], { maxBuffer: 1 << 20 });
  record(label, JSON.parse(stdout.trim().split("\n").pop()!) as Figures);
}

async function postgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `caucus_memory_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: POSTGRES });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };
  await admin(`create database ${name}`);
  return { url: databaseUrlFor(POSTGRES, name), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** 100 rooms × 5 editors × 4 edits/s on PGlite, as bench/collab/fan-out.ts's third shape. */
async function afterLoad(): Promise<void> {
  const rooms = 100;
  const editors = 5;
  const data = await prepareBenchData(rooms * editors, rooms);
  const { running, pid, probeFile } = await server(data.env);
  try {
    await sleep(IDLE_MS);
    const idle = status(pid).VmRSS!;
    const clients = data.draftIds.flatMap((draftId, r) =>
      Array.from({ length: editors }, (_, e) => ({ room: draftDocName(draftId), token: data.tokens[r * editors + e]!, writer: `w${e}` })),
    );
    const url = `${running.url.replace("http", "ws")}/collab`;
    const workers = await startWorkers(4, { url, origin: running.url, editsPerSecond: 4 }, clients);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, status(pid).VmRSS!)), 250);
    const warmupMs = 2000;
    await workers.run(performance.timeOrigin + performance.now() + 500, warmupMs, DURATION_MS);
    clearInterval(sampler);
    const end = status(pid);
    const after = await probe(pid, probeFile);
    await workers.stop();
    record("server after 100 rooms × 5 editors × 4 edits/s, PGlite", { rssMb: end.VmRSS!, hwmMb: end.VmHWM, ...after, note: `idle before ${fmt(idle, 0)} MB, peak ${fmt(peak, 0)} MB` });
  } finally {
    await running.stop();
    await rm(probeFile, { force: true });
    await rm(data.env.DATA_DIR!, { recursive: true, force: true });
  }
}

const PGLITE = "node_modules/@electric-sql/pglite";
// Settings tried on a reopened directory (the steady state: every start after the first).
// initialMemory cannot go below PGlite's 128 MB (its WASM module declares 2048 pages minimum).
const variants: Array<[string, Record<string, unknown>]> = [
  ["defaults", {}],
  ["shared_buffers=16MB, work_mem=1MB", { startParamsExtra: ["-c", "shared_buffers=16MB", "-c", "work_mem=1MB", "-c", "maintenance_work_mem=16MB"] }],
  ["relaxedDurability", { relaxedDurability: true }],
  ["node --liftoff-only (no optimising WASM tier)", { nodeFlags: ["--liftoff-only"] }],
  ...(JSON.parse(process.env.PGLITE_OPTIONS ?? "[]") as Array<[string, Record<string, unknown>]>),
];

for (let repeat = 1; repeat <= REPEATS; repeat++) {
  console.log(`run ${repeat} of ${REPEATS}`);
  // (a) PGlite alone (SKIP_BARE=1 leaves it out, e.g. to measure another build of the server).
  for (const dir of process.env.SKIP_BARE ? [] : [PGLITE, ...(process.env.PGLITE_DIRS ?? "").split(",").filter(Boolean)]) {
    const keep = join(await mkdtemp(join(tmpdir(), "caucus-bare-")), "data");
    await bare("bare PGlite, new directory", dir, { keepDir: keep });
    for (const [name, options] of dir === PGLITE ? variants : variants.slice(0, 1)) await bare(`bare PGlite, reopened, ${name}`, dir, { keepDir: keep, ...options });
    await rm(join(keep, ".."), { recursive: true, force: true });
  }
  // (b) the server on PGlite: first boot, then a restart on the same directory. A new directory
  // can take longer than app-server.ts waits (60 s) on a loaded machine: then the row is missing.
  const firstDir = await mkdtemp(join(tmpdir(), "caucus-memory-"));
  await idleServer("server idle, PGlite, first boot (new directory, demo library)", { DATA_DIR: firstDir }).catch((error: Error) =>
    console.log(`  first boot not measured: ${error.message.split("\n")[0]}`),
  );
  await rm(firstDir, { recursive: true, force: true });
  // The restart: a directory initialised by another process, the server's first boot migrates
  // and loads the demo library, and the second boot is measured.
  const dataDir = join(await mkdtemp(join(tmpdir(), "caucus-memory-")), "data");
  await run(process.execPath, ["bench/memory/bare-pglite.mjs", PGLITE, JSON.stringify({ keepDir: dataDir })]);
  await (await server({ DATA_DIR: dataDir })).running.stop();
  await idleServer("server idle, PGlite, restart (reopened directory, demo library)", { DATA_DIR: dataDir });
  await rm(join(dataDir, ".."), { recursive: true, force: true });
  // (c) PostgreSQL.
  const database = await postgresDatabase();
  try {
    await idleServer("server idle, PostgreSQL (demo library)", { DATABASE_URL: database.url });
  } finally {
    await database.drop();
  }
  // (d) after the collaboration load.
  if (!process.env.SKIP_LOAD) await afterLoad();
  // The breakdown.
  await stage("node alone", [], "");
  await stage("node --import tsx", ["--import", "tsx"], "");
  await stage("node + Remix build", [], "./build/server/index.js");
  await stage("node --import tsx + Remix build", ["--import", "tsx"], "./build/server/index.js");
  await stage("node --import tsx + one job worker after its first job", ["--import", "tsx"], "@worker:server/jobs/job-worker.mjs");
}

const header = ["", "RSS MB", "after GC", "V8 heap used", "external", "arrayBuffers", "peak (HWM)", "notes (last run)"];
const med = (values: Array<number | undefined>) => {
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  return present.length ? fmt(median(present), 0) : "—";
};
console.log(`\nResident memory, medians of ${REPEATS} (MB)\n`);
console.log(
  table(
    header,
    [...rows].map(([label, runs]) => [
      label,
      med(runs.map((r) => r.rssMb)),
      med(runs.map((r) => r.rssAfterGcMb)),
      med(runs.map((r) => r.heapUsedMb)),
      med(runs.map((r) => r.externalMb)),
      med(runs.map((r) => r.arrayBuffersMb)),
      med(runs.map((r) => r.hwmMb)),
      runs.at(-1)?.note ?? "",
    ]),
  ),
);
