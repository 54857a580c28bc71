import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, testDatabaseKinds, type TestDatabase } from "../../test/db/test-database";
import { describeEachDatabase } from "../../test/db/test-database";
import { buildCleanDraft, buildDraftWithProblems } from "../../test/draft-content-factories";
import { EXIT, parseCheckArgs, runCheck, UsageError } from "./check-command";
import { cliTranslator, localeFromEnvironment } from "./cli-language";

const DRAFT_ID = "0b6f1c2e-8d4a-4c57-9a61-3e2f7d9b5a10";

/** `npm run check -- …` as a person runs it: a real process, its exit code and what it printed. */
function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "server/checks/check-cli.ts", ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr });
    });
  });
}

function capture() {
  const out = { stdout: "", stderr: "" };
  return { out, output: { stdout: (text: string) => void (out.stdout += text), stderr: (text: string) => void (out.stderr += text) } };
}

describe("parseCheckArgs", () => {
  it("takes one draft id and --json, and refuses anything else in one line", () => {
    expect(parseCheckArgs([DRAFT_ID])).toEqual({ help: false, draftId: DRAFT_ID, json: false, lang: "en" });
    expect(parseCheckArgs([DRAFT_ID.toUpperCase(), "--json"])).toEqual({ help: false, draftId: DRAFT_ID, json: true, lang: "en" });
    expect(parseCheckArgs(["--help"])).toEqual({ help: true, lang: "en" });
    expect(() => parseCheckArgs([])).toThrow(UsageError);
    expect(() => parseCheckArgs([DRAFT_ID, DRAFT_ID])).toThrow(/one draft id/);
    expect(() => parseCheckArgs(["42"])).toThrow(/“42” is not a draft id/);
    expect(() => parseCheckArgs([DRAFT_ID, "--jsn"])).toThrow(UsageError);
  });

  it("takes the report's language from --lang, else from LC_ALL, LC_MESSAGES or LANG, else English", () => {
    expect(parseCheckArgs([DRAFT_ID, "--lang", "fr"])).toMatchObject({ lang: "fr" });
    expect(parseCheckArgs([DRAFT_ID, "--lang=AR"])).toMatchObject({ lang: "ar" });
    expect(parseCheckArgs([DRAFT_ID, "--lang", "es-419"], { LANG: "fr_FR.UTF-8" })).toMatchObject({ lang: "es" });
    expect(parseCheckArgs([DRAFT_ID], { LANG: "fr_FR.UTF-8" })).toMatchObject({ lang: "fr" });
    expect(parseCheckArgs([DRAFT_ID], { LC_ALL: "ar_EG.UTF-8", LANG: "fr_FR.UTF-8" })).toMatchObject({ lang: "ar" });
    // The first variable set decides, as setlocale(3) reads them: German falls back to English, not to LANG.
    expect(localeFromEnvironment({ LC_ALL: "de_DE.UTF-8", LANG: "fr_FR.UTF-8" })).toBe("en");
    expect(localeFromEnvironment({ LC_MESSAGES: "es_MX", LANG: "fr_FR" })).toBe("es");
    expect(localeFromEnvironment({ LANG: "C.UTF-8" })).toBe("en");
    expect(localeFromEnvironment({})).toBe("en");
    const refused = (() => {
      try {
        parseCheckArgs([DRAFT_ID, "--lang", "de"]);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(UsageError);
    expect((refused as UsageError).detail).toEqual({ id: "cli.error.lang", values: { value: "de" } });
    expect((refused as UsageError).message).toBe("“de” is not a language of the report; use one of: en, fr, es, ar.");
  });

  it("says its usage in each language, with --lang among the options", () => {
    expect(cliTranslator("en").t("cli.usage")).toMatch(/^usage: npm run check -- <draft id> \[--json\] \[--lang en\|fr\|es\|ar\]\n/);
    expect(cliTranslator("en").t("cli.usage")).toContain("LC_ALL, LC_MESSAGES or LANG");
    expect(cliTranslator("fr").t("cli.usage")).toMatch(/^usage\u00a0: npm run check -- <identifiant du projet> /);
    expect(cliTranslator("es").t("cli.usage")).toMatch(/^uso: npm run check -- <id del borrador> /);
    expect(cliTranslator("ar").t("cli.usage")).toMatch(/^الاستخدام: npm run check -- <معرّف المسودة> /);
  });
});

describeEachDatabase("runCheck", (handle) => {
  it("exits 0 on a draft without errors, 2 on an id no draft has, and prints JSON when asked", async () => {
    const { draft } = await buildCleanDraft(handle());
    const clean = capture();
    expect(await runCheck(handle().db, { draftId: draft.id, json: false }, clean.output)).toBe(EXIT.clean);
    expect(clean.out.stdout).toContain("0 errors, 1 warning, 0 suggestions.");

    const json = capture();
    expect(await runCheck(handle().db, { draftId: draft.id, json: true }, json.output)).toBe(EXIT.clean);
    expect(JSON.parse(json.out.stdout)).toMatchObject({ draft: { id: draft.id }, totals: { errors: 0 }, report: { limit: 2815 } });

    const unknown = capture();
    expect(await runCheck(handle().db, { draftId: DRAFT_ID, json: false }, unknown.output)).toBe(EXIT.cannotCheck);
    expect(unknown.out).toEqual({ stdout: "", stderr: `No draft with id ${DRAFT_ID} in this database.\n` });
  });
});

describe("npm run check (a real process)", () => {
  it("exits 2 with the usage for an id that is not a UUID, before opening any database", async () => {
    const result = await runCli(["not-a-draft"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^npm run check: “not-a-draft” is not a draft id/);
    expect(result.stderr).toContain("usage: npm run check -- <draft id> [--json]");
  });

  // The spawned process reaches the test's database through DATABASE_URL: PostgreSQL only.
  describe.skipIf(!testDatabaseKinds().includes("postgres"))("on PostgreSQL", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await openTestDatabase("postgres");
    });
    afterAll(async () => {
      await database?.close();
    });

    it("prints the findings and exits 1 on a draft with errors", async () => {
      const { draft } = await buildDraftWithProblems(database);
      const result = await runCli([draft.id], { DATABASE_URL: database.url! });
      expect(result.stderr).toBe("");
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^Ghana: freedom of expression\n/);
      expect(result.stdout).toMatch(/of 2,815 words · footnotes counted · [\d,]+ over/);
      expect(result.stdout).toMatch(/Errors \(\d+\)\n {2}whole draft/);
      expect(result.stdout).toContain("  note 3         ");
      expect(result.stdout).toMatch(/: fix the errors before submitting\.\n$/);
    });
  });
});
