// The export worker's entry. Worker threads do not inherit the parent's --import hooks, so the
// TypeScript loader is registered here before the worker's code is imported.
import { register } from "tsx/esm/api";

register();
await import("./job-worker-main.ts");
