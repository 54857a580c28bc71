import { TemplateSchema, type Template } from "./schema";
import { TREATY_BODY_TEMPLATES } from "./treaty-bodies";
import { UPR_TEMPLATES } from "./upr";

/** Every template Caucus offers, validated once at import: a malformed one fails loudly. */
export const TEMPLATES: readonly Template[] = [...UPR_TEMPLATES, ...TREATY_BODY_TEMPLATES].map((t) => TemplateSchema.parse(t));

export function findTemplate(slug: string): Template | undefined {
  return TEMPLATES.find((t) => t.slug === slug);
}

export function templatesFor(mechanism: string): Template[] {
  return TEMPLATES.filter((t) => t.mechanism === mechanism);
}

export type { Template, TemplateSection } from "./schema";
export { templateDocument, templateYDoc } from "./document";
export { preflightRules, untemplatedPreflightRules, type PreflightTemplateRules } from "./preflight-rules";
