import { readdirSync, readFileSync } from "node:fs";
import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig, type Rollup } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The browser's vendor code in three chunks by library (decision 019): one ~560 kB chunk held all
 * of them, so the Word-file page, which needs a little of ProseMirror, loaded Yjs and Tiptap too,
 * and any upgrade invalidated the whole file. Pages that never open the editor load none of them
 * (checked in the client manifest: only the draft and Word-file routes import them).
 */
function vendorChunk(id: string): string | undefined {
  if (!id.includes("/node_modules/")) return undefined;
  // React first: every page needs it, and left unassigned Rollup would pull it into the Tiptap chunk.
  if (/\/node_modules\/(react|react-dom|scheduler|use-sync-external-store)\//.test(id)) return "vendor-react";
  if (/\/node_modules\/(@tiptap\/y-tiptap|yjs|y-protocols|y-websocket|y-indexeddb|lib0)\//.test(id)) return "vendor-yjs";
  if (/\/node_modules\/@tiptap\/pm\/|\/node_modules\/(prosemirror-[^/]+|orderedmap|rope-sequence|w3c-keyname)\//.test(id)) return "vendor-prosemirror";
  if (/\/node_modules\/(@tiptap\/[^/]+|linkifyjs)\//.test(id)) return "vendor-tiptap";
  return undefined;
}

/**
 * A resource route (a loader or action, no component) has nothing for the browser, yet the Remix
 * plugin makes every route a client entry, so Rollup reports an empty chunk for each
 * (remix-run/remix#9055, closed unfixed for React Router 7). Only those warnings are dropped: an
 * empty chunk from a route that does export a component is still reported.
 */
function isResourceRouteChunk(warning: Rollup.RollupLog): boolean {
  if (warning.code !== "EMPTY_BUNDLE") return false;
  const names = (warning as { names?: string[] }).names ?? [];
  return names.length > 0 && names.every((name) => resourceRoutes().has(name));
}

/**
 * zod 4.6 writes explanatory comments that mention `@__PURE__` where Rollup reads annotations;
 * Rollup drops those comments and says so. Only zod's comments are silenced: the output is right,
 * and a newer zod may move them (decision 019).
 */
function isZodComment(warning: Rollup.RollupLog): boolean {
  return warning.code === "INVALID_ANNOTATION" && /[\\/]node_modules[\\/]zod[\\/]/.test(warning.id ?? "");
}

const UNIT_TESTS = ["{app,server,core,db,templates,test}/**/*.test.{ts,tsx}"];
/** Test files that assert wall-clock bounds: they run after the others, one at a time. */
const TIMED_TESTS = [
  "test/collab/presence-limits.test.ts",
  "test/collab/saved.test.ts",
  "test/collab/collab.test.ts",
  "test/collab/draft-events.test.ts",
  "test/collab/revocation-across-nodes.test.ts",
  "test/collab/suggestions-across-nodes.test.ts",
  "db/pglite/thread.test.ts",
];

let resourceRouteNames: Set<string> | undefined;
/** Route modules without a default export, by the chunk name Rollup gives them (its sanitizeFileName: $, [, ] … → _; control characters never occur in our file names). */
function resourceRoutes(): Set<string> {
  resourceRouteNames ??= new Set(
    readdirSync("app/routes")
      .filter((file) => /\.tsx?$/.test(file) && !/^export default /m.test(readFileSync(`app/routes/${file}`, "utf8")))
      .map((file) => file.replace(/\.tsx?$/, "").replace(/["#$%&*+,:;<=>?[\]^`{|}]/g, "_")),
  );
  return resourceRouteNames;
}

export default defineConfig(({ isSsrBuild }) => ({
  // Vitest loads this file too; the Remix plugin must not run inside tests.
  plugins: process.env.VITEST
    ? []
    : [
        remix({
          future: {
            v3_fetcherPersist: true,
            v3_relativeSplatPath: true,
            v3_throwAbortReason: true,
            v3_singleFetch: true,
            v3_lazyRouteDiscovery: true,
            v3_routeConfig: true,
          },
        }),
      ],
  // argon2's package.json has a browser field the dev scanner would follow and fail on.
  optimizeDeps: {
    exclude: ["@node-rs/argon2"],
    // Pre-bundled up front, or the first dev visit to a draft reloads the page once.
    include: [
      "@tiptap/react",
      "@tiptap/starter-kit",
      "@tiptap/extension-collaboration",
      "@tiptap/extension-collaboration-caret",
      "@tiptap/y-tiptap",
      "yjs",
      "y-websocket",
      "y-indexeddb",
    ],
  },
  server: { hmr: true },
  build: {
    rollupOptions: {
      output: isSsrBuild ? {} : { manualChunks: vendorChunk },
      onwarn(warning, warn) {
        if (!isResourceRouteChunk(warning) && !isZodComment(warning)) warn(warning);
      },
    },
  },
  test: {
    globalSetup: ["test/db/global-setup.ts", "scripts/build-for-tests.mjs"],
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at a time on two cores (vitest's default is cores − 1, one file at a time here):
    // the suite's unit part takes ~280 s instead of ~450 s. The files that assert wall-clock
    // bounds (a 200 ms p99, "within a second", offline within 3.5 s) run afterwards, one at a
    // time, so a neighbour's CPU never decides them.
    maxWorkers: 2,
    projects: [
      // (include and exclude live here, not above: a project's include is added to the root's.)
      { extends: true, test: { name: "parallel", include: UNIT_TESTS, exclude: ["test/e2e/**", "node_modules/**", ...TIMED_TESTS], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: "timed", include: TIMED_TESTS, sequence: { groupOrder: 1 }, poolOptions: { forks: { singleFork: true } } } },
    ],
  },
}));
