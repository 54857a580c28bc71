import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { openPGlite } from "./pglite/open";
import type { Database } from "./schema";

export { openPGlite };

export type DatabaseKind = "pglite" | "postgres";

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly kind: DatabaseKind;
  /**
   * The pg pool under Kysely, for the few libraries that speak to PostgreSQL themselves (the
   * shared attempt limits, server/limits/stores.ts). Over PGlite it is a pool of one; handles
   * made by hand in tests may leave it out.
   */
  readonly pool?: pg.Pool;
  /** Closes the pool, and for PGlite the embedded instance; idempotent. */
  close(): Promise<void>;
}

export type DatabaseConfig =
  | {
      readonly databaseUrl: string;
      readonly poolSize?: number;
      /** An idle pooled connection failed (server restart, admin termination); the pool replaces it. */
      readonly onIdleError?: (error: Error) => void;
    }
  | {
      readonly dataDir: string;
      /**
       * Where PGlite runs: its own worker thread (the default), so no statement ever stalls the
       * event loop that serves sockets (issue 23), or this thread (`"main"`).
       */
      readonly thread?: "worker" | "main";
      /** Compile the engine fully optimised at start: for a long-lived server (db/pglite/thread-main.ts). */
      readonly optimiseAtStart?: boolean;
      /** The worker thread died (a crash, a fatal engine error): every query now fails; log it. */
      readonly onEngineFailure?: (error: Error) => void;
    }
  | { readonly pglite: PGliteLike };

/** The subset of a PGlite instance we own and close; kept structural so tests can pass clones. */
export interface PGliteLike {
  close(): Promise<void>;
}

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite in `dataDir`, on a
 * worker thread unless told otherwise (db/pglite/thread-client.ts). PGlite has no cross-process
 * locking, so exactly one process may open a data directory (server/data-dir-lock.ts).
 */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if ("databaseUrl" in config) {
    const pool = new pg.Pool({ connectionString: config.databaseUrl, max: config.poolSize ?? 10 });
    // Without a listener, an idle client's error (PostgreSQL restarted, a connection terminated)
    // is an uncaught exception that takes the whole process down.
    pool.on("error", config.onIdleError ?? (() => {}));
    return handle(pool, "postgres", async () => {});
  }
  const pglite = "pglite" in config ? config.pglite : await openEmbedded(config);
  const { createPgConfig } = await import("@electric-sql/pglite/node-postgres");
  // A pool of one: PGlite is a single connection, so one client keeps transactions isolated.
  const pool = new pg.Pool(createPgConfig(pglite as never) as unknown as pg.PoolConfig);
  return handle(pool, "pglite", () => pglite.close());
}

async function openEmbedded(config: Extract<DatabaseConfig, { dataDir: string }>): Promise<PGliteLike> {
  if (config.thread === "main") return openPGlite(config.dataDir);
  const { PGliteThread } = await import("./pglite/thread-client");
  return PGliteThread.open(config.dataDir, { onFailure: config.onEngineFailure, optimiseAtStart: config.optimiseAtStart });
}

function handle(pool: pg.Pool, kind: DatabaseKind, closeEngine: () => Promise<void>): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    kind,
    pool,
    close: () => (closing ??= db.destroy().then(closeEngine)),
  };
}
