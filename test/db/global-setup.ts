import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase, openPGlite } from "../../db/client";
import { migrateToLatest } from "../../db/migrate";
import { databaseUrlFor, requirePostgresInCI } from "./postgres-admin";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of a PGlite data-directory dump with every migration applied. */
    pgliteTemplate: string;
    /** Name of a migrated PostgreSQL database to clone, or "" when PostgreSQL is not configured. */
    postgresTemplate: string;
  }
}

/**
 * Migrates one template database per engine for the whole run; each test file clones it, so
 * migrations run once instead of once per file.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), "caucus-test-"));
  const pglite = await openPGlite("memory://");
  const embedded = await openDatabase({ pglite });
  await migrateToLatest(embedded.db);
  const dump = await pglite.dumpDataDir("none");
  const dumpPath = join(dir, "pglite-template.tar");
  await writeFile(dumpPath, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();
  project.provide("pgliteTemplate", dumpPath);

  const adminUrl = requirePostgresInCI();
  let templateName = "";
  if (adminUrl) {
    // One template per project (vitest.config's projects each run this setup): a shared name
    // would let one project's setup drop the database another project's files clone.
    templateName = `caucus_template_${process.pid}_${project.name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`drop database if exists ${templateName} with (force)`);
    await admin.query(`create database ${templateName}`);
    await admin.end();
    const template = await openDatabase({ databaseUrl: databaseUrlFor(adminUrl, templateName), poolSize: 1 });
    await migrateToLatest(template.db);
    await template.close();
  }
  project.provide("postgresTemplate", templateName);

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (adminUrl && templateName) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`drop database if exists ${templateName} with (force)`);
      await admin.end();
    }
  };
}
