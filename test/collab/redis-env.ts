/** Redis for multi-node tests, from REDIS_URL; in CI its absence fails the run. */
export function requireRedisInCI(): string | undefined {
  const url = process.env.REDIS_URL;
  if (!url && process.env.CI) throw new Error("CI is set but REDIS_URL is not: multi-node tests cannot be skipped in CI.");
  if (!url) console.warn("REDIS_URL not set: multi-node collaboration tests skipped.");
  return url;
}
