import type pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis } from "rate-limiter-flexible";
import type { Redis } from "ioredis";
import type { DatabaseHandle } from "../../db/client";
import type { Logger } from "../logger";
import { limitsFrom, memoryLimits, type LimitPolicy, type Limits } from "./limits";

/** Made by the migration 20261209090100-shared-limits; one table for every limit (the key carries its name). */
export const LIMITS_TABLE = "rate_limits";

/** How often expired rows are deleted: a window's row outlives its window by at most this. */
const SWEEP_EVERY_MS = 60_000;

export interface LimitsStore {
  limits: Limits;
  kind: "redis" | "postgres" | "memory";
  /** Stops the sweep and closes the store's own connection (the database pool is not ours). */
  close(): Promise<void>;
}

/**
 * The store every node shares, chosen at boot: Redis when REDIS_URL is set (the collaboration
 * fan-out already needs it), else PostgreSQL, else memory (PGlite: one process is the only node).
 * A store that fails mid-request falls back, for that request, to this node's own memory
 * limiter (the library's insurance limiter): limits then hold per node rather than not at all.
 */
export async function openLimitsStore(options: { redisUrl?: string; database: DatabaseHandle; log: Logger }): Promise<LimitsStore> {
  if (options.redisUrl) {
    const { Redis } = await import("ioredis");
    const client = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
    // ioredis reports a lost connection here and reconnects; without a listener it would be an uncaught error.
    client.on("error", (error: Error) => options.log.warn("limits: redis connection failed; limits fall back to this node", { error: error.message }));
    return { kind: "redis", limits: redisLimits(client), close: async () => void (await client.quit()) };
  }
  const pool = options.database.kind === "postgres" ? options.database.pool : undefined;
  if (pool) {
    const sweep = setInterval(() => void sweepExpired(pool).catch((error: Error) => options.log.warn("limits: expired rows not swept", { error: error.message })), SWEEP_EVERY_MS);
    sweep.unref();
    await sweepExpired(pool);
    return { kind: "postgres", limits: postgresLimits(pool), close: async () => clearInterval(sweep) };
  }
  return { kind: "memory", limits: memoryLimits(), close: async () => {} };
}

const insurance = (name: string, policy: LimitPolicy) => new RateLimiterMemory({ keyPrefix: `${name}-insurance`, points: policy.points, duration: policy.windowSeconds });

/** Limits counted in Redis (an atomic INCR with its TTL, one key per limit and subject; Redis expires it with the window). */
export function redisLimits(client: Redis): Limits {
  return limitsFrom(
    (name, policy) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `caucus-limit:${name}`,
        points: policy.points,
        duration: policy.windowSeconds,
        insuranceLimiter: insurance(name, policy),
      }),
  );
}

/** Limits counted in PostgreSQL (one upsert per attempt, atomic under concurrency); the table comes from the migration. */
export function postgresLimits(pool: pg.Pool): Limits {
  return limitsFrom(
    (name, policy) =>
      new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: LIMITS_TABLE,
        tableCreated: true,
        // Our own sweep deletes rows as soon as their window ends; the library's waits an hour more.
        clearExpiredByTimeout: false,
        keyPrefix: name,
        points: policy.points,
        duration: policy.windowSeconds,
        insuranceLimiter: insurance(name, policy),
      }),
  );
}

/** Deletes the rows whose window has ended: nothing about an attempt is kept past its window (plus a minute). */
export async function sweepExpired(pool: pg.Pool): Promise<void> {
  await pool.query(`delete from ${LIMITS_TABLE} where expire < $1`, [Date.now()]);
}
