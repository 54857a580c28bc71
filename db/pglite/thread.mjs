// The database thread's entry when running from source (tests, `npm run dev`). Worker threads do
// not inherit the parent's --import hooks, so the TypeScript loader is registered here before the
// thread's code is imported (as server/jobs/job-worker.mjs does). The compiled build runs
// build/node/pglite-thread.js instead (scripts/build.mjs).
import { register } from "tsx/esm/api";

register();
await import("./thread-main.ts");
