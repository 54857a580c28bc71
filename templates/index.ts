import { TemplateSchema, type Template } from "./schema";

/** Every template Caucus offers, by slug. Empty until the submission-document work adds them. */
const RAW_TEMPLATES: unknown[] = [];

export const TEMPLATES: readonly Template[] = RAW_TEMPLATES.map((t) => TemplateSchema.parse(t));

export function findTemplate(slug: string): Template | undefined {
  return TEMPLATES.find((t) => t.slug === slug);
}
