import type { CountingRule } from "../core/checks/word-count";
import { UN_LANGUAGES } from "../core/un/languages";
import { STARTER_PLACEHOLDERS } from "./placeholders";
import type { Template } from "./schema";

/**
 * What the pre-flight checks read of a template (core/checks/preflight.ts `template`). Arrays are
 * mutable copies so the draft page's loader can send the rules to the browser as they are.
 */
export interface PreflightTemplateRules {
  kind: string;
  languages: string[];
  coverFields: string[];
  sections: Array<{ id: string; title: string; required: boolean; mandated: boolean; numberedParagraphs: boolean }>;
  paragraphNumbering: boolean;
  counts: CountingRule;
  wordLimit: number | null;
  /** Placeholders of starter content left in the text are errors (templates/placeholders.ts). */
  placeholders: string[];
}

/**
 * A template's rules as the pre-flight checks take them. The draft page (browser checks) and the
 * server's checkDraft (export screen, `npm run check`) both build them here, so the two cannot
 * judge one draft by different rules.
 */
export function preflightRules(template: Template): PreflightTemplateRules {
  return {
    kind: template.kind,
    languages: [...template.languages],
    coverFields: [...template.coverFields],
    sections: template.sections.map((s) => ({ id: s.id, title: s.title, required: s.required, mandated: s.mandatedBy !== undefined, numberedParagraphs: s.numberedParagraphs })),
    paragraphNumbering: template.rules.paragraphNumbering.required,
    counts: { footnotes: template.rules.counts.footnotes, headings: template.rules.counts.headings, tables: template.rules.counts.tables },
    wordLimit: template.rules.wordLimit?.words ?? null,
    placeholders: [...STARTER_PLACEHOLDERS],
  };
}

/**
 * The rules for a draft made without a template (older drafts): only the checks that need none
 * (notes, symbols, cited recommendations, confidential organisations, placeholders) can fire. Everything is counted, as the word-count bar
 * counts such a draft, against no limit; no section, cover field or language is required.
 */
export function untemplatedPreflightRules(): PreflightTemplateRules {
  return {
    kind: "none",
    languages: Object.keys(UN_LANGUAGES),
    coverFields: [],
    sections: [],
    paragraphNumbering: false,
    counts: { footnotes: true, headings: true, tables: true },
    wordLimit: null,
    placeholders: [...STARTER_PLACEHOLDERS],
  };
}
