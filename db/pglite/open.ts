import { mkdir } from "node:fs/promises";

/**
 * Creates (or reopens) a PGlite data directory with the extensions migrations expect. Its own
 * module, light on imports, because the database thread (db/pglite/thread-main.ts) loads it and
 * must not pull Kysely and pg in with it.
 */
export async function openPGlite(dataDir: string, loadDataDir?: Blob) {
  const [{ PGlite }, { pg_trgm }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("@electric-sql/pglite/contrib/pg_trgm"),
  ]);
  if (!dataDir.startsWith("memory://")) await mkdir(dataDir, { recursive: true });
  const pglite = new PGlite({ dataDir, extensions: { pg_trgm }, loadDataDir });
  await pglite.waitReady;
  return pglite;
}
