import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
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
  test: {
    include: ["{app,server,core,db,templates,test}/**/*.test.{ts,tsx}"],
    exclude: ["test/e2e/**", "node_modules/**"],
    globalSetup: ["test/db/global-setup.ts"],
    setupFiles: ["test/setup/fail-on-console-error.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
