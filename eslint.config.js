// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import formatjs from "eslint-plugin-formatjs";
import globals from "globals";

/** Import boundaries from docs/design.md §2: each folder may only reach the layers below it. */
const forbid = (/** @type {string[]} */ patterns, /** @type {string} */ message, /** @type {string[]} */ names = []) => ({
  "no-restricted-imports": [
    "error",
    // `names` match exactly ("buffer", not "lib0/buffer"); `patterns` are gitignore-style globs.
    { paths: names.map((name) => ({ name, message })), patterns: [{ group: patterns, message }] },
  ],
});

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "**/node_modules/**",
      ".data/**",
      ".cache/**",
      "coverage/**",
      "test-results/**",
      "bench/.profiles/**",
      "bench/.scratch/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Typed rules, TypeScript files only. The project service gives each file the program of its
    // nearest tsconfig: core/tsconfig.json (no Node types) for core/, the root one for the rest.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits loses its rejection. Fire-and-forget is written `void p.catch(…)`.
      "@typescript-eslint/no-floating-promises": "error",
      // A promise where a void callback is expected (listeners, timers, ws and Node events, JSX
      // handlers) is lost: write `() => void f()` where f handles its own failure.
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/await-thenable": "error",
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Every word a person reads comes from the catalogues (issue 19, decision 021): text between
    // tags, and the props that carry text, of native elements and of our own components.
    files: ["app/**/*.tsx"],
    plugins: { formatjs },
    rules: {
      "formatjs/no-literal-string-in-jsx": [
        "error",
        {
          props: {
            include: [
              ["*", "{label,description,title,placeholder,alt,hint,heading,caption,summary,message,emptyText,confirm,aria-label,aria-description,aria-valuetext,aria-roledescription,aria-placeholder}"],
            ],
          },
        },
      ],
    },
  },
  {
    // One copy of every server module: routes take services from the load context
    // (context.services) and may import only types from server/ and db/ (decision 018).
    files: ["app/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              // Relative paths only: "react-dom/server" is a package, not our server/.
              group: ["../**/server/**", "../**/server", "../**/db/**", "../**/db"],
              allowTypeImports: true,
              message: "app/ imports only types from server/ and db/: call a service from context.services.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/**"],
    rules: forbid(["**/app/**", "~/**"], "server/ never imports app/: pass what it needs through the load context."),
  },
  {
    files: ["core/**"],
    rules: forbid(
      // The layers above, by path or folder index ("../../db"; "~/…" is app/), and node:* built-ins.
      ["**/db/**", "**/db", "**/app/**", "**/app", "**/server/**", "**/server", "~/**", "node:*", "fs/*", "stream/*", "@electric-sql/*", "@node-rs/*"],
      "core/ is isomorphic: no Node built-ins or server-only packages, and nothing from db/, app/ or server/.",
      [
        // Node built-ins without the node: prefix.
        "fs", "path", "crypto", "os", "url", "stream", "buffer", "events", "util", "child_process",
        "worker_threads", "http", "https", "net", "zlib", "module", "process",
        // Packages that only run on the server.
        "pg", "kysely", "ws", "ioredis", "express", "@remix-run/node", "@remix-run/express",
      ],
    ),
  },
  {
    files: ["db/**"],
    rules: forbid(["**/app/**", "**/server/**"], "db/ sits below app/ and server/ and imports neither."),
  },
  {
    // Migrations are frozen history: they must not change when the app's code does.
    files: ["db/migrations/**"],
    rules: {
      ...forbid(["../*"], "Migrations import nothing from the project."),
      // Kysely's own guidance: migrations see the database as it was, not today's types.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);
