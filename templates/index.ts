import { TEMPLATES } from "./registry";
import type { Template } from "./schema";

export { TEMPLATES };

export function findTemplate(slug: string): Template | undefined {
  return TEMPLATES.find((t) => t.slug === slug);
}

export function templatesFor(mechanism: string): Template[] {
  return TEMPLATES.filter((t) => t.mechanism === mechanism);
}

export type { Template, TemplateSection } from "./schema";
export { templateDocument, templateYDoc } from "./document";
export { STARTER_PLACEHOLDERS } from "./placeholders";
export { localiseTemplate, translateTemplateText } from "./localise";
export { preflightRules, untemplatedPreflightRules, type PreflightTemplateRules } from "./preflight-rules";
