/**
 * Vitest global setup: tests that start the real server run the compiled one (build/node,
 * test/app-server.ts), so it is brought up to date with the sources once per run, before any
 * test file starts (in parallel files it would race). Only the Node side: ~2 s when a server
 * file changed, a hash of the sources otherwise. The Remix half is `npm run build`'s (npm test
 * runs it).
 */
import { spawnSync } from "node:child_process";

export default function setup() {
  const result = spawnSync(process.execPath, ["scripts/build.mjs", "--if-changed", "--node-only"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("the server build (scripts/build.mjs --node-only) failed");
}
