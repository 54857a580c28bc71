import { placeholdersIn } from "../core/checks/placeholders";
import { TEMPLATE_LANGUAGES } from "../core/i18n/locales";
import { localiseTemplate } from "./localise";
import { TEMPLATES } from "./registry";
import type { Template } from "./schema";

/** The text of every text node in a piece of starter content (ProseMirror JSON). */
function starterTexts(value: unknown, into: string[]): string[] {
  if (Array.isArray(value)) for (const item of value) starterTexts(item, into);
  else if (value && typeof value === "object") {
    const node = value as { type?: unknown; text?: unknown; content?: unknown };
    if (node.type === "text" && typeof node.text === "string") into.push(node.text);
    starterTexts(node.content, into);
  }
  return into;
}

/** The placeholders the templates' starter content writes ("[Organisation]", "[A specific, measurable action.]"). */
export function starterPlaceholders(templates: readonly Template[]): string[] {
  const found = new Set<string>();
  for (const template of templates) {
    for (const section of template.sections) for (const text of starterTexts(section.starter, [])) placeholdersIn(text).forEach((p) => found.add(p));
  }
  return [...found].sort();
}

/**
 * What the pre-flight checks report as a placeholder left in a draft: read from every template's
 * starter content, so a new template's placeholders are checked without a list kept by hand. Every
 * template's, not only the draft's own: a draft made without a template, or a Word file written
 * from another one, can hold them as well. In every template language: a French draft starts with
 * "[Organisation] ([SIGLE])".
 */
export const STARTER_PLACEHOLDERS: readonly string[] = starterPlaceholders(TEMPLATE_LANGUAGES.flatMap((language) => TEMPLATES.map((t) => localiseTemplate(t, language))));
