/**
 * Prints: time from spawning the production server to its first successful /healthz, on a new
 * PGlite directory (migrations included) and on the same directory reopened. Needs `npm run build`.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../test/app-server";

const dataDir = await mkdtemp(join(tmpdir(), "caucus-bench-"));
for (const label of ["new data directory", "reopened data directory"]) {
  const start = performance.now();
  const server = await startServer({ DATA_DIR: dataDir });
  const response = await fetch(`${server.url}/healthz`);
  const ms = performance.now() - start;
  console.log(`${label.padEnd(26)} ${ms.toFixed(0).padStart(6)} ms to first /healthz (${response.status})`);
  await server.stop();
}
await rm(dataDir, { recursive: true, force: true });
