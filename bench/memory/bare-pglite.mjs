// A bare Node process (no tsx) that only opens PGlite on a fresh data directory, as db/client.ts
// does (pg_trgm loaded), answers one query, waits, and prints its memory as one JSON line.
//   node bench/memory/bare-pglite.mjs [pglite package dir] [options JSON]
// The options are PGlite's (initialMemory, relaxedDurability, startParams, …); "startParamsExtra"
// appends to PGlite's default start parameters (e.g. ["-c","shared_buffers=16MB"]).
import { mkdtemp, rm } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
const packageDir = resolve(process.argv[2] || "node_modules/@electric-sql/pglite");
const { startParamsExtra, keepDir, ...options } = JSON.parse(process.argv[3] || "{}");
// keepDir: open this directory (created on the first run, reopened after) and leave it in place.
const status = () => Object.fromEntries(readFileSync("/proc/self/status", "utf8").split("\n").filter((l) => /^(VmRSS|VmHWM|RssAnon|RssFile):/.test(l)).map((l) => [l.split(":")[0], Number(l.match(/\d+/)[0]) / 1024]));

const { PGlite } = await import(pathToFileURL(join(packageDir, "dist/index.js")).href);
const { pg_trgm } = await import(pathToFileURL(join(packageDir, "dist/contrib/pg_trgm.js")).href);
const version = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")).version;
const dataDir = keepDir ?? (await mkdtemp(join(tmpdir(), "caucus-bare-pglite-")));
const startedAt = performance.now();
if (startParamsExtra) options.startParams = [...PGlite.defaultStartParams, ...startParamsExtra];
const pg = new PGlite({ dataDir, extensions: { pg_trgm }, ...options });
await pg.waitReady;
const openMs = performance.now() - startedAt;
await pg.query("create extension if not exists pg_trgm");
const settings = await pg.query("select name, setting, unit from pg_settings where name in ('shared_buffers','work_mem','maintenance_work_mem','wal_buffers','temp_buffers')");
await new Promise((done) => setTimeout(done, 3000));
const before = status();
gc();
const usage = process.memoryUsage();
const after = status();
const wasmBytes = pg.mod?.HEAP8?.byteLength ?? pg.mod?.wasmMemory?.buffer?.byteLength ?? null;
console.log(JSON.stringify({
  version,
  openMs: Math.round(openMs),
  rssMb: before.VmRSS,
  rssAfterGcMb: after.VmRSS,
  anonMb: after.RssAnon,
  hwmMb: after.VmHWM,
  heapUsedMb: usage.heapUsed / 1048576,
  externalMb: usage.external / 1048576,
  arrayBuffersMb: usage.arrayBuffers / 1048576,
  wasmMemoryMb: wasmBytes === null ? null : wasmBytes / 1048576,
  settings: Object.fromEntries(settings.rows.map((r) => [r.name, `${r.setting}${r.unit ? ` × ${r.unit}` : ""}`])),
}));
await pg.close();
if (!keepDir) await rm(dataDir, { recursive: true, force: true });
