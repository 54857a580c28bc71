import { TemplateSchema, type Template } from "./schema";
import { TREATY_BODY_TEMPLATES } from "./treaty-bodies";
import { UPR_TEMPLATES } from "./upr";

/** Every template Caucus offers, validated once at import: a malformed one fails loudly. */
export const TEMPLATES: readonly Template[] = [...UPR_TEMPLATES, ...TREATY_BODY_TEMPLATES].map((t) => TemplateSchema.parse(t));
