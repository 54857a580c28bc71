import { Migrator, type Kysely } from "kysely";
import { migrations } from "./migrations/index";
import type { Database } from "./schema";

/** Thrown when a migration fails; the database is left at the last migration that succeeded. */
export class MigrationError extends Error {
  override readonly name = "MigrationError";
}

/** Applies every pending migration; returns the names it applied. */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const failed = results.find((r) => r.status === "Error");
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? "unknown error");
    throw new MigrationError(`migration ${failed?.migrationName ?? "(setup)"} failed: ${cause}`, { cause: error });
  }
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}
