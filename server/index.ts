/**
 * Caucus: one Node process serving Remix over HTTP (and, from the co-editing issue on,
 * WebSockets on the same port). Boot order: env → database → migrations → HTTP.
 */
import { availableParallelism } from "node:os";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemoLibrary } from "../db/seed/demo-library";
import { lockDataDir } from "./data-dir-lock";
import { EnvError, parseEnv, type Env } from "./env";
import { startHousekeeping } from "./housekeeping";
import { createHttpApp } from "./http/app";
import { createLogger } from "./logger";
import { mailerFromEnv } from "./mail/from-env";
import { createCollabServer } from "./collab";
import { JobPool } from "./jobs/job-pool";
import { openLimitsStore } from "./limits/stores";
import { createServices } from "./services";
import { upgradeRouter } from "./upgrade";

const SHUTDOWN_GRACE_MS = 10_000;

function readEnv(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`caucus: invalid configuration\n${error.message}\n`);
    process.exit(1);
  }
}

const env = readEnv();
const log = createLogger(env.LOG_LEVEL);
const startedAt = performance.now();

const releaseLock = env.DATABASE_URL ? async () => {} : await lockDataDir(env.DATA_DIR);
const database = await openDatabase(
  env.DATABASE_URL
    ? { databaseUrl: env.DATABASE_URL, onIdleError: (error) => log.warn("database connection lost; the pool reconnects", { error: error.message }) }
    : {
        dataDir: env.DATA_DIR,
        optimiseAtStart: true,
        // Every query fails from here on (none hangs); a supervisor's restart is the way back.
        onEngineFailure: (error) => log.error("embedded database stopped; every query fails until a restart", { error: error.message }),
      },
);
const applied = await migrateToLatest(database.db);
if (applied.length) log.info("migrations applied", { migrations: applied });
const seeded = await seedDemoLibrary(database.db);
if (seeded.recommendations) log.info("demo library loaded into the empty shared library", seeded);

// Prometheus metrics on the operator's own address; without METRICS_ADDRESS nothing is loaded.
const metrics = env.METRICS_ADDRESS ? await (await import("./metrics")).createPrometheusMetrics() : null;

// One compile at a time per spare core: exports queue rather than starve the sockets' core.
const jobs = new JobPool({ size: Math.max(1, Math.min(2, availableParallelism() - 1)), timeoutMs: 60_000, maxOutputBytes: 50_000_000, metrics: metrics?.jobs });
// Compactions rebuild drafts and compare versions in a worker, not in the sockets' thread (issue 23).
// Their own pool of one: a compaction waits for its worker inside its transaction (the advisory
// lock, and on PGlite the one connection), so it must never queue behind a minute-long export.
const compactionJobs = new JobPool({ size: 1, timeoutMs: 120_000, maxOutputBytes: Number.MAX_SAFE_INTEGER, maxQueued: 1_000, metrics: metrics?.jobs });
const collab = createCollabServer({
  db: database.db,
  log,
  publicOrigin: env.ORIGIN,
  trustProxy: env.TRUST_PROXY,
  redisUrl: env.REDIS_URL,
  metrics: metrics?.collab,
  compactionJobs,
});
// Attempt limits in the store every node shares: Redis, else PostgreSQL, else this process's memory.
const limitsStore = await openLimitsStore({ redisUrl: env.REDIS_URL, database, log });
log.info("attempt limits", { store: limitsStore.kind });
// Mail goes out by SMTP_URL, else into MAIL_OUTBOX_DIR, else owners copy invitation links (SIGNUP=open needs one of the two: env.ts).
const { mailer, transport: mailTransport } = mailerFromEnv(env);
const services = createServices({ db: database.db, databaseKind: database.kind, mailer, collab, jobs, log, limits: limitsStore.limits, signUp: env.SIGNUP });
const httpServer = createServer();
const { app, vite } = await createHttpApp({
  env,
  database,
  services,
  httpServer,
  log,
  buildPath: pathToFileURL(resolve("build/server/index.js")).href,
});
httpServer.on("request", app);
httpServer.on("upgrade", upgradeRouter(collab));
const stopHousekeeping = startHousekeeping(database.db, log);
// The first search would otherwise pay for reading the shared library's facets (~1 s per 100k).
// Through the library service: the index the routes search is this one (one copy of server/).
services.library.warmSharedIndex().catch((error: Error) => log.warn("library index not preloaded; the first search loads it", { error: error.message }));

metrics?.watch({ rooms: () => collab.roomCount, sockets: () => collab.connectionCount, jobs: () => jobs.stats() });
const metricsListener = metrics && env.METRICS_ADDRESS ? await listenForMetrics(env.METRICS_ADDRESS, metrics) : null;

async function listenForMetrics(address: NonNullable<Env["METRICS_ADDRESS"]>, exporter: NonNullable<typeof metrics>) {
  const { startMetricsListener } = await import("./metrics");
  try {
    const listener = await startMetricsListener(address, exporter, log);
    log.info("metrics listening", { address: listener.address });
    return listener;
  } catch (error) {
    process.stderr.write(`caucus: METRICS_ADDRESS cannot be listened on: ${(error as Error).message}\n`);
    process.exit(1);
  }
}

httpServer.listen(env.PORT, env.HOST, () => {
  const { port } = httpServer.address() as AddressInfo;
  const host = env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST;
  log.info("listening", {
    url: `http://${host}:${port}`,
    port,
    database: database.kind,
    mode: env.NODE_ENV,
    signUp: env.SIGNUP,
    mail: mailTransport,
    bootMs: Math.round(performance.now() - startedAt),
  });
});

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info("shutting down", { signal });
  stopHousekeeping();
  // Stop accepting; requests in flight finish; keep-alive sockets idle now are closed.
  const closed = new Promise<void>((done) => httpServer.close(() => done()));
  // Every room is flushed to the database before its sockets close (clients then reconnect).
  await collab.shutdown();
  httpServer.closeIdleConnections();
  const force = setTimeout(() => httpServer.closeAllConnections(), SHUTDOWN_GRACE_MS);
  force.unref();
  await closed;
  await metricsListener?.close();
  await jobs.close();
  await compactionJobs.close();
  await limitsStore.close();
  await vite?.close();
  await services.registration.settled(); // sign-up mails still being written use the database
  await database.close();
  await releaseLock();
  log.info("stopped");
  process.exit(0);
}

// Not awaited (a signal handler cannot wait), but a failed shutdown is said and ends the process.
const shutdownFailed = (error: unknown) => { log.error("shutdown failed", { error: String(error) }); process.exit(1); };
process.once("SIGTERM", () => void shutdown("SIGTERM").catch(shutdownFailed));
process.once("SIGINT", () => void shutdown("SIGINT").catch(shutdownFailed));
