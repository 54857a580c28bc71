import { defineConfig } from "vitest/config";

// Browser tests against the production build (`npm run test:e2e` builds first).
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    pool: "forks",
    fileParallelism: false,
  },
});
