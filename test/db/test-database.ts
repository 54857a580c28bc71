import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { openDatabase, openPGlite, type DatabaseHandle, type DatabaseKind } from "../../db/client";
import { databaseUrlFor } from "./postgres-admin";

/** The engines this run tests against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase extends DatabaseHandle {
  /** For PostgreSQL, the URL of this database (to hand a spawned server); undefined for PGlite. */
  url?: string;
}

/** A fresh database cloned from the migrated template; `close` drops it. */
export async function openTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const dump = await readFile(inject("pgliteTemplate"));
    // In-process by default (each clone on a thread would add one per test file); TEST_PGLITE_THREAD=1
    // runs every clone on its own database thread, as the server runs PGlite.
    if (process.env.TEST_PGLITE_THREAD === "1") {
      const { PGliteThread } = await import("../../db/pglite/thread-client");
      return openDatabase({ pglite: await PGliteThread.open("memory://", { loadDataDir: dump }) });
    }
    const pglite = await openPGlite("memory://", new Blob([dump]));
    return openDatabase({ pglite });
  }
  const serverUrl = process.env.TEST_DATABASE_URL!;
  const name = `caucus_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name} template ${inject("postgresTemplate")}`);
  const url = databaseUrlFor(serverUrl, name);
  const handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      // pool.end() resolves before the server has seen every goodbye; dropping "with (force)"
      // at that moment would terminate a closing connection and surface as an uncaught error.
      await waitForNoSessions(serverUrl, name);
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function waitForNoSessions(serverUrl: string, database: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1", [database]);
      if (rows[0]?.n === "0") return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await admin.end();
  }
}

async function adminQuery(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/**
 * Runs a suite once per engine, each with its own cloned database shared by the suite's tests
 * (tests create their own rows with factories, so they do not collide). `kind` lets a suite
 * define a test only where it means something (two connections waiting on each other need
 * PostgreSQL; PGlite has one).
 */
export function describeEachDatabase(name: string, suite: (db: () => DatabaseHandle, kind: DatabaseKind) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error("test database not open yet");
        return handle;
      }, kind);
    });
  }
}
