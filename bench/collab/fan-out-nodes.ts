/**
 * NODES=2 for bench/collab/fan-out.ts (issue 23, "Two nodes"): one shape's clients spread over two
 * Caucus nodes sharing PostgreSQL and Redis, against the same load on one node on the same
 * PostgreSQL (no Redis, as a one-node deployment runs). Both nodes on core 0, like the one node.
 * Prints every run, then medians: both nodes' CPU summed against one node's, p99 against one
 * node's, Redis's CPU apart (from /proc/<pid>/stat), and whether every client ended on one document.
 */
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { describeRun, runOnce, type RunResult, type Shape } from "./fan-out-run";
import { prepareBenchData } from "./fixtures";
import { startCaucus, type ServerUnderTest } from "./processes";
import { fmt, median, table } from "./stats";

const DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379";

/** The Redis server's pid, from INFO (it must run on this machine for its CPU to be read). */
async function redisPid(): Promise<number> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info("server");
    const pid = Number(/process_id:(\d+)/.exec(info)?.[1]);
    readFileSync(`/proc/${pid}/stat`); // throws if Redis is not a local process
    return pid;
  } finally {
    redis.disconnect();
  }
}

export async function runTwoNodes(shape: Shape, options: { repeats: number; durationMs: number }): Promise<void> {
  // Two nodes cannot share PGlite (one process per directory): a scratch database on PostgreSQL.
  process.env.BENCH_DATABASE_URL ??= DEFAULT_DATABASE;
  const redis = await redisPid();
  const data = await prepareBenchData(shape.rooms * shape.editorsPerRoom, shape.rooms * options.repeats * 2);
  let nextDraft = 0;
  const freshDrafts = () => data.draftIds.slice(nextDraft, (nextDraft += shape.rooms));
  const runs = { one: [] as RunResult[], two: [] as RunResult[] };
  try {
    for (let repeat = 0; repeat < options.repeats; repeat++) {
      const order = repeat % 2 === 0 ? (["one", "two"] as const) : (["two", "one"] as const);
      for (const nodes of order) {
        const servers: ServerUnderTest[] = [];
        try {
          if (nodes === "one") servers.push(await startCaucus(data.env));
          else for (let i = 0; i < 2; i++) servers.push(await startCaucus({ ...data.env, REDIS_URL }));
          const result = await runOnce(servers, shape, data.tokens, freshDrafts(), { durationMs: options.durationMs, extraPids: [redis] });
          runs[nodes].push(result);
          console.log(`${describeRun(`run ${repeat + 1} ${nodes === "one" ? "1 node " : "2 nodes"}`, result)}  Redis CPU ${fmt(result.extraCpuPercent)} %`);
        } finally {
          for (const server of servers) await server.stop();
        }
      }
    }
  } finally {
    await data.drop();
  }
  const medians = (rs: RunResult[]) => ({
    p50: median(rs.map((r) => r.p50)),
    p99: median(rs.map((r) => r.p99)),
    delivered: median(rs.map((r) => r.deliveredPerSecond)),
    cpu: median(rs.map((r) => r.serverCpuPercent)),
    cpuPerDelivered: median(rs.map((r) => r.cpuPerDelivered)),
    redis: median(rs.map((r) => r.extraCpuPercent)),
    withRedis: median(rs.map((r) => r.serverCpuPercent + r.extraCpuPercent)),
    rss: median(rs.map((r) => r.rssMiB)),
    loopP99: median(rs.map((r) => r.loopP99)),
    load: median(rs.map((r) => r.loadCpuPercent)),
    incomplete: median(rs.map((r) => r.incomplete)),
    diverged: Math.max(...rs.map((r) => r.diverged)),
  });
  const one = medians(runs.one);
  const two = medians(runs.two);
  const cells = (name: string, m: typeof one) => [
    name,
    fmt(m.p50),
    fmt(m.p99),
    fmt(m.delivered, 0),
    fmt(m.cpu),
    fmt(m.cpuPerDelivered),
    fmt(m.redis),
    fmt(m.withRedis),
    fmt(m.rss, 0),
    fmt(m.loopP99),
    fmt(m.load, 0),
    String(m.incomplete),
    String(m.diverged),
  ];
  const ratio = (a: number, b: number) => fmt(a / b, 2);
  console.log(`\n${shape.name}, ${shape.receivers} receivers, PostgreSQL — medians of ${options.repeats} runs, ${options.durationMs / 1000} s each`);
  console.log(
    table(
      ["caucus", "p50 ms", "p99 ms", "delivered/s", "CPU % (nodes)", "CPU µs/deliv", "Redis CPU %", "CPU % + Redis", "RSS MiB", "loop p99", "load-gen %", "incomplete", "diverged rooms (max)"],
      [
        cells("1 node", one),
        cells("2 nodes", two),
        ["2 nodes / 1 node", ratio(two.p50, one.p50), ratio(two.p99, one.p99), "", ratio(two.cpu, one.cpu), ratio(two.cpuPerDelivered, one.cpuPerDelivered), "", ratio(two.withRedis, one.cpu), ratio(two.rss, one.rss), "", "", "", ""],
      ],
    ),
  );
  console.log("(Redis CPU in the one-node runs is whatever else used the shared Redis meanwhile: one node does not connect to it.)\n");
}
