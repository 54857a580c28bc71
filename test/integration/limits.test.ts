import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as login from "../../app/routes/login";
import type { DatabaseHandle } from "../../db/client";
import { LIMIT_POLICIES, memoryLimits, type Limits } from "../../server/limits/limits";
import { postgresLimits, redisLimits, sweepExpired } from "../../server/limits/stores";
import { requireRedisInCI } from "../collab/redis-env";
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from "../db/test-database";
import { buildUser } from "../factories";
import { makeRequest, run, testContext } from "../remix";

const redisUrl = requireRedisInCI();
const hasPostgres = testDatabaseKinds().includes("postgres");
const ACCOUNT_LIMIT = LIMIT_POLICIES["sign-in-account"].points;

/** Twenty wrong passwords for one account at once, each from its own address: the statuses the routes answered. */
async function concurrentWrongPasswords(database: DatabaseHandle, limitsForAttempt: (i: number) => Limits): Promise<number[]> {
  const user = await buildUser(database);
  const attempts = Array.from({ length: 2 * ACCOUNT_LIMIT }, (_, i) =>
    run(login.action, makeRequest("/login", { form: { email: user.email, password: `guess ${i}` } }), testContext(database, `198.51.100.${i}`, undefined, undefined, limitsForAttempt(i))),
  );
  return (await Promise.all(attempts)).map((outcome) => outcome.status);
}

const tally = (statuses: number[]) => ({ evaluated: statuses.filter((s) => s === 401).length, refused: statuses.filter((s) => s === 429).length });

describe("attempt limits hold under concurrency", () => {
  let pglite: TestDatabase;
  let postgres: TestDatabase | undefined;
  const redisClients: Redis[] = [];
  const redisClient = () => {
    const client = new Redis(redisUrl!, { maxRetriesPerRequest: 3 });
    redisClients.push(client);
    return client;
  };

  beforeAll(async () => {
    pglite = await openTestDatabase("pglite");
    if (hasPostgres) postgres = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await Promise.all(redisClients.map((client) => client.quit()));
    await pglite?.close();
    await postgres?.close();
  });

  it("PGlite, memory store: 20 concurrent wrong passwords, exactly 10 evaluated", async () => {
    const limits = memoryLimits();
    expect(tally(await concurrentWrongPasswords(pglite, () => limits))).toEqual({ evaluated: 10, refused: 10 });
  });

  it.runIf(hasPostgres)("PostgreSQL store: exactly 10 evaluated, and two nodes share the count", async () => {
    const pool = postgres!.pool!;
    const one = postgresLimits(pool);
    expect(tally(await concurrentWrongPasswords(postgres!, () => one))).toEqual({ evaluated: 10, refused: 10 });
    // Two nodes: two limiters over the same database, the attempts alternating between them.
    const nodes = [postgresLimits(pool), postgresLimits(pool)];
    expect(tally(await concurrentWrongPasswords(postgres!, (i) => nodes[i % 2]!))).toEqual({ evaluated: 10, refused: 10 });
  });

  it.runIf(hasPostgres)("PostgreSQL store keeps only hashed keys, and expired rows are swept", async () => {
    const pool = postgres!.pool!;
    await postgresLimits(pool).consume("sign-in-address", "203.0.113.99");
    const { rows } = await pool.query<{ key: string; expire: string }>("select key, expire from rate_limits");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.key).not.toContain("203.0.113.99");
      expect(row.key).toMatch(/^[a-z-]+:[0-9a-f]{64}$/);
    }
    await pool.query("update rate_limits set expire = $1", [Date.now() - 1]);
    await sweepExpired(pool);
    expect((await pool.query("select count(*)::int as n from rate_limits")).rows[0].n).toBe(0);
  });

  it.runIf(redisUrl && hasPostgres)("Redis store: exactly 10 evaluated, and two nodes (two connections) share the count", async () => {
    const one = redisLimits(redisClient());
    expect(tally(await concurrentWrongPasswords(postgres!, () => one))).toEqual({ evaluated: 10, refused: 10 });
    const nodes = [redisLimits(redisClient()), redisLimits(redisClient())];
    expect(tally(await concurrentWrongPasswords(postgres!, (i) => nodes[i % 2]!))).toEqual({ evaluated: 10, refused: 10 });
  });

  it.runIf(redisUrl)("Redis keys are hashed and expire with their window", async () => {
    const client = redisClient();
    await redisLimits(client).consume("sign-up", "203.0.113.98");
    const keys = await client.keys("caucus-limit:sign-up:*");
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).not.toContain("203.0.113.98");
      const ttl = await client.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(LIMIT_POLICIES["sign-up"].windowSeconds);
    }
  });
});
