/**
 * `npm run db:migrate`: applies migrations without starting the server. With PGlite, never run
 * this while the server has the same data directory open (PGlite does not lock).
 */
import { openDatabase } from "./client";
import { migrateToLatest } from "./migrate";

const url = process.env.DATABASE_URL;
const handle = await openDatabase(url ? { databaseUrl: url } : { dataDir: process.env.DATA_DIR ?? "./.data" });
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
} finally {
  await handle.close();
}
