// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** Import boundaries from DESIGN.md §2: each folder may only reach the layers below it. */
const forbid = (/** @type {string[]} */ patterns, /** @type {string} */ message) => ({
  "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ["build/**", "node_modules/**", ".data/**", "coverage/**"] },
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
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["server/**"],
    rules: forbid(["**/app/**", "~/**"], "server/ never imports app/: pass what it needs through the load context."),
  },
  {
    files: ["core/**"],
    rules: forbid(
      ["node:*", "**/db/**", "**/app/**", "**/server/**", "fs", "path", "crypto", "pg", "@electric-sql/*", "kysely"],
      "core/ is isomorphic: no node:* built-ins, and nothing from db/, app/ or server/.",
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
