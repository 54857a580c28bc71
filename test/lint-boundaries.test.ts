import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

// The import boundaries of docs/design.md §2 are only worth something if ESLint really refuses them.
// The probes are not files on disk, so no TypeScript program holds them: typed linting is off here
// (import boundaries need no types), or the parser would refuse each probe before any rule ran.
const eslint = new ESLint({ overrideConfig: { files: ["**/*.ts"], ...tseslint.configs.disableTypeChecked } });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

describe("import boundaries", () => {
  it("refuses app/ from server/", async () => {
    expect(await boundaryErrors("server/boundary-probe.ts", 'import "../app/root";\n')).toEqual([
      expect.stringMatching(/server\/ never imports app\//),
    ]);
  });

  it("refuses node built-ins, db/ and server/ from core/", async () => {
    const code = 'import "node:fs";\nimport "../../db/client";\nimport "../../server/env";\n';
    expect(await boundaryErrors("core/policies/boundary-probe.ts", code)).toHaveLength(3);
  });

  it("refuses folder indexes, the app alias, bare Node built-ins and server-only packages from core/", async () => {
    const code = ['import "../../db";', 'import "../../server";', 'import "~/root";', 'import "fs";', 'import "worker_threads";', 'import "ws";', 'import "kysely";'].join("\n");
    expect(await boundaryErrors("core/policies/boundary-probe.ts", code)).toHaveLength(7);
  });

  it("refuses project code from a migration", async () => {
    expect(await boundaryErrors("db/migrations/20990101000000-probe.ts", 'import "../schema";\n')).toHaveLength(1);
  });

  it("lets app/ use core/, and only the types of server/ and db/", async () => {
    const types = 'import "../core/policies";\nimport "react-dom/server";\nimport type { Draft } from "../db/schema";\nimport type { Services } from "../server/services";\nexport type { Draft, Services };\n';
    expect(await boundaryErrors("app/boundary-probe.ts", types)).toEqual([]);
    const values = 'import { findDraft } from "../../db/queries/drafts";\nimport { createServices } from "../../server/services";\nexport { findDraft, createServices };\n';
    expect(await boundaryErrors("app/routes/boundary-probe.ts", values)).toEqual([
      expect.stringMatching(/app\/ imports only types from server\/ and db\//),
      expect.stringMatching(/app\/ imports only types from server\/ and db\//),
    ]);
  });
});
