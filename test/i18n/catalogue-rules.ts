import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";

/**
 * What makes a set of catalogues whole (issue 19), shared by the interface's, the printed
 * documents' and the templates' catalogues: the same keys in every language, messages that
 * parse as ICU, the same arguments as the English, and a plural form for every plural category
 * the language's whole numbers reach (Arabic has six).
 */
export type Catalogue = Record<string, string>;

export function readCatalogue(path: string): Catalogue {
  const parsed: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`${path}: not an object`);
  for (const [key, value] of Object.entries(parsed)) if (typeof value !== "string") throw new Error(`${path}: ${key} is not a string`);
  return parsed as Catalogue;
}

/** The arguments a message uses, with the kind of each: "count:plural", "name:argument", "b:tag". */
export function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        into.add(`${element.value}:argument`);
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time:
        into.add(`${element.value}:${TYPE[element.type]}`);
        break;
      case TYPE.plural:
      case TYPE.select:
        into.add(`${element.value}:${element.type === TYPE.plural ? "plural" : "select"}`);
        for (const option of Object.values(element.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        into.add(`${element.value}:tag`);
        argumentsOf(element.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

/** The plural categories whole numbers from 0 to 1,000 fall into in a language. */
export function integerCategories(language: string): Set<string> {
  const rules = new Intl.PluralRules(language);
  const found = new Set<string>();
  for (let n = 0; n <= 1000; n++) found.add(rules.select(n));
  return found;
}

/** Plural elements whose options miss one of the language's categories (an "=n" option does not stand in). */
export function missingPluralForms(elements: MessageFormatElement[], language: string): string[] {
  const missing: string[] = [];
  const categories = integerCategories(language);
  const visit = (list: MessageFormatElement[]) => {
    for (const element of list) {
      if (element.type === TYPE.plural && element.pluralType !== "ordinal") {
        for (const category of categories) if (!(category in element.options)) missing.push(`${element.value}: ${category}`);
      }
      if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) visit(option.value);
      if (element.type === TYPE.tag) visit(element.children);
    }
  };
  visit(elements);
  return missing;
}

/** Problems with one language's message against the English one, in words; [] when it is right. */
export function messageProblems(english: string, translated: string, language: string): string[] {
  let source: MessageFormatElement[];
  let target: MessageFormatElement[];
  try {
    source = parse(english);
  } catch (error) {
    return [`English does not parse: ${(error as Error).message}`];
  }
  try {
    target = parse(translated);
  } catch (error) {
    return [`does not parse: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const expected = [...argumentsOf(source)].sort().join(", ");
  const actual = [...argumentsOf(target)].sort().join(", ");
  if (expected !== actual) problems.push(`arguments differ: English has {${expected}}, ${language} has {${actual}}`);
  for (const missing of missingPluralForms(target, language)) problems.push(`plural ${missing} missing`);
  if (translated.trim() === "" && english.trim() !== "") problems.push("empty");
  return problems;
}

/** Every source file under the given folders, for finding which message ids the code uses. */
export function sourceFiles(root: string, folders: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name.startsWith(".")) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) out.push(relative(root, path));
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return out;
}
