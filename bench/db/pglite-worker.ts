/**
 * Issue 23: PGlite on a worker thread (the default) against PGlite on the main thread.
 * Prints, for each: statement round trip through Kysely (p50/p95 of `RUNS`, 2,000, after a
 * warm-up) for `select 1` (simple protocol, one message) and for an indexed lookup with a
 * parameter (extended protocol: parse, bind, describe, execute, sync, one call each) on a
 * 10,000-row table; the main thread's event-loop utilisation during those lookups (the share of
 * its time the database still costs it); and the main thread's event-loop delay (p50/p99/max,
 * 1 ms timers and monitorEventLoopDelay) while `select count(*) from generate_series(1, 3e6)`
 * runs, `HEAVY_RUNS` (3) times; the process's resident memory after that. Both open the same
 * data directory (a new one in tmp, or `DATA_DIR`), one after the other (`THREADS=worker,main`).
 *
 *   npx tsx bench/db/pglite-worker.ts
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { sql } from "kysely";
import { openDatabase, type DatabaseHandle } from "../../db/client";

const RUNS = Number(process.env.RUNS ?? 2000);
const HEAVY_RUNS = Number(process.env.HEAVY_RUNS ?? 3);
const ROWS = 10_000;
/** Which ways to run, in order; one alone (`THREADS=main`) makes the resident figure that way's only. */
const THREADS = (process.env.THREADS ?? "worker,main").split(",") as ("worker" | "main")[];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function ms(value: number): string {
  return value < 1 ? `${(value * 1000).toFixed(0)} µs` : `${value.toFixed(2)} ms`;
}

async function roundTrips(label: string, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 200; i++) await run();
  const times: number[] = [];
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  const wall = performance.now() - started;
  const busy = performance.eventLoopUtilization(elu);
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(28)} p50 ${ms(percentile(times, 50)).padStart(9)}  p95 ${ms(percentile(times, 95)).padStart(9)}  ` +
      `${Math.round((RUNS / wall) * 1000)}/s  main-thread busy ${(busy.utilization * 100).toFixed(0)} %`
  );
}

/** Event-loop delay while the heavy statement runs: chained 1 ms timers (lateness) and the histogram. */
async function loopDelayDuringHeavy(handle: DatabaseHandle): Promise<void> {
  const lateness: number[] = [];
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let queryMs = 0;
  for (let run = 0; run < HEAVY_RUNS; run++) {
    let running = true;
    let timer: NodeJS.Timeout | undefined;
    const tick = () => {
      const due = performance.now() + 1;
      timer = setTimeout(() => {
        lateness.push(performance.now() - due);
        if (running) tick();
      }, 1);
    };
    histogram.enable();
    tick();
    const started = performance.now();
    await sql`select count(*) from generate_series(1, 3e6)`.execute(handle.db);
    queryMs += performance.now() - started;
    running = false;
    await new Promise((resolve) => setTimeout(resolve, 5));
    clearTimeout(timer);
    histogram.disable();
  }
  lateness.sort((a, b) => a - b);
  console.log(
    `  heavy statement ${ms(queryMs / HEAVY_RUNS)} avg × ${HEAVY_RUNS}: 1 ms timers late p50 ${ms(percentile(lateness, 50))}, p99 ${ms(percentile(lateness, 99))}, ` +
      `max ${ms(lateness.at(-1)!)} (${lateness.length} fired); loop delay p99 ${ms(histogram.percentile(99) / 1e6)}, max ${ms(histogram.max / 1e6)}`
  );
}

const ownDir = !process.env.DATA_DIR;
const dataDir = process.env.DATA_DIR ?? (await mkdtemp(join(tmpdir(), "caucus-bench-pglite-")));
try {
  for (const thread of THREADS) {
    const opening = performance.now();
    const handle = await openDatabase({ dataDir, thread });
    console.log(`PGlite on the ${thread} thread (opened in ${ms(performance.now() - opening)})`);
    await sql`create table if not exists bench_items (id int8 primary key, key text not null unique, body text not null)`.execute(handle.db);
    await sql`insert into bench_items select i, 'key-' || i, repeat('x', 200) from generate_series(1, ${ROWS}::int4) i on conflict do nothing`.execute(handle.db);
    let next = 0;
    await roundTrips("select 1", () => sql`select 1`.execute(handle.db));
    await roundTrips("indexed lookup ($1)", () => sql`select id, body from bench_items where key = ${`key-${(next++ % ROWS) + 1}`}`.execute(handle.db));
    await loopDelayDuringHeavy(handle);
    console.log(`  resident ${Math.round(process.memoryUsage().rss / 1e6)} MB (the whole process, both threads; meaningful with one THREADS value)`);
    await handle.close();
  }
} finally {
  if (ownDir) await rm(dataDir, { recursive: true, force: true });
}
