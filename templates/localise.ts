import en from "../locales/templates/en.json";
import es from "../locales/templates/es.json";
import fr from "../locales/templates/fr.json";
import { templateLanguageOf, type TemplateLanguage } from "../core/i18n/locales";
import type { Template, TemplateSection } from "./schema";

/**
 * Templates in the languages OHCHR takes UPR submissions in (issue 19): English, French and
 * Spanish. The template files are written in English; locales/templates/<language>.json holds
 * each of their texts (section titles, guidance, starter content) under a key, the English
 * catalogue repeating the English text. A text is found by its English wording, so a template
 * file stays readable as prose and test/i18n (and templates.test.ts) hold every text to having
 * its key and its translations.
 */
const CATALOGUES: Record<TemplateLanguage, Readonly<Record<string, string>>> = {
  en,
  fr,
  es,
};

/** English text → key, for looking a template's text up in the other catalogues. */
const KEY_OF = new Map(Object.entries(en).map(([key, text]) => [text, key]));

/** The template catalogue's key for an English template text, if it has one. */
export function templateTextKey(text: string): string | undefined {
  return KEY_OF.get(text);
}

/** One template text in `language`; English (as written) when the catalogue has no key for it. */
export function translateTemplateText(text: string, language: TemplateLanguage): string {
  if (language === "en") return text;
  const key = KEY_OF.get(text);
  return (key && CATALOGUES[language][key]) || text;
}

/** Every text node of starter content (ProseMirror JSON), translated; the structure is untouched. */
function translateStarter(value: unknown, language: TemplateLanguage): unknown {
  if (Array.isArray(value)) return value.map((item) => translateStarter(item, language));
  if (!value || typeof value !== "object") return value;
  const node = value as Record<string, unknown>;
  const out: Record<string, unknown> = { ...node };
  if (node.type === "text" && typeof node.text === "string") out.text = translateTemplateText(node.text, language);
  if (node.content !== undefined) out.content = translateStarter(node.content, language);
  return out;
}

function localiseSection(section: TemplateSection, language: TemplateLanguage): TemplateSection {
  return {
    ...section,
    title: translateTemplateText(section.title, language),
    guidance: translateTemplateText(section.guidance, language),
    starter: translateStarter(section.starter, language) as TemplateSection["starter"],
  };
}

/**
 * A template with its sections' titles, guidance and starter content in a draft's language: a
 * draft in French starts with French headings. Languages without templates of their own (Arabic,
 * Chinese, Russian) get the English ones (core/i18n/locales.ts templateLanguageOf). Section ids,
 * rules and budgets are the same in every language, so checks and outlines do not change.
 */
export function localiseTemplate(template: Template, language: string | null | undefined): Template {
  const lang = templateLanguageOf(language);
  if (lang === "en") return template;
  return {
    ...template,
    sections: template.sections.map((section) => localiseSection(section, lang)),
  };
}
