import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DOCUMENT_LANGUAGES, INTERFACE_LOCALES, TEMPLATE_LANGUAGES } from "../../core/i18n/locales";
import { messageProblems, readCatalogue, sourceFiles, type Catalogue } from "./catalogue-rules";

const ROOT = join(import.meta.dirname, "../..");
const UI = join(ROOT, "locales/ui");

function uiCatalogue(language: string): Record<string, Catalogue> {
  const files = readdirSync(join(UI, language)).filter((name) => name.endsWith(".json"));
  return Object.fromEntries(files.map((name) => [name.replace(/\.json$/, ""), readCatalogue(join(UI, language, name))]));
}

/** Fails with every problem at once, so a translator sees the whole list, not the first. */
function expectWhole(english: Catalogue, translated: Catalogue, language: string, where: string): void {
  const problems: string[] = [];
  for (const key of Object.keys(english)) {
    if (!(key in translated)) problems.push(`${where}: ${key} missing`);
    else for (const problem of messageProblems(english[key]!, translated[key]!, language)) problems.push(`${where}: ${key}: ${problem}`);
  }
  for (const key of Object.keys(translated)) if (!(key in english)) problems.push(`${where}: ${key} is not in the English catalogue`);
  expect(problems).toEqual([]);
}

describe("interface catalogues", () => {
  const english = uiCatalogue("en");

  it("keeps each area's keys in its own file, prefixed with the file's name", () => {
    const misplaced = Object.entries(english).flatMap(([area, messages]) => Object.keys(messages).filter((key) => !key.startsWith(`${area}.`)));
    expect(misplaced).toEqual([]);
  });

  it("English messages parse, and their plurals have English's forms", () => {
    for (const [area, messages] of Object.entries(english)) expectWhole(messages, messages, "en", `en/${area}`);
  });

  for (const language of INTERFACE_LOCALES.filter((l) => l !== "en")) {
    it(`${language} has every English message, with the same arguments and its own plural forms`, () => {
      const translated = uiCatalogue(language);
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [area, messages] of Object.entries(english)) expectWhole(messages, translated[area]!, language, `${language}/${area}`);
    });
  }

  it("every English message is used by the code (or by a prefix the code completes)", () => {
    const code = sourceFiles(ROOT, ["app", "core", "server", "templates"]).map((file) => readFileSync(join(ROOT, file), "utf8")).join("\n");
    // `checks.rule.${rule}`: a template literal that completes a prefix uses every key under it.
    const prefixes = [...code.matchAll(/`([a-z][A-Za-z]*\.[A-Za-z0-9.]*)\$\{/g)].map((m) => m[1]!);
    const unused = Object.values(english)
      .flatMap((messages) => Object.keys(messages))
      .filter((key) => !code.includes(`"${key}"`) && !prefixes.some((prefix) => key.startsWith(prefix)));
    expect(unused).toEqual([]);
  });
});

describe("printed documents' catalogues", () => {
  const english = readCatalogue(join(ROOT, "locales/document/en.json"));
  for (const language of DOCUMENT_LANGUAGES) {
    it(`${language} prints every label English prints`, () => {
      expectWhole(english, readCatalogue(join(ROOT, `locales/document/${language}.json`)), language, `document/${language}`);
    });
  }
});

describe("templates' catalogues", () => {
  const english = readCatalogue(join(ROOT, "locales/templates/en.json"));
  for (const language of TEMPLATE_LANGUAGES) {
    it(`${language} has every template text English has`, () => {
      expectWhole(english, readCatalogue(join(ROOT, `locales/templates/${language}.json`)), language, `templates/${language}`);
    });
  }
});
