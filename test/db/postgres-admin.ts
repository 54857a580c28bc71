/** The PostgreSQL server for tests, from TEST_DATABASE_URL; in CI its absence fails the run. */
export function requirePostgresInCI(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    throw new Error("CI is set but TEST_DATABASE_URL is not: PostgreSQL tests cannot be skipped in CI.");
  }
  if (!url) console.warn("TEST_DATABASE_URL not set: PostgreSQL tests skipped; PGlite tests still run.");
  return url;
}

/** The same server URL pointing at another database. */
export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
