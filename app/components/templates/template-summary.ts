import { mechanismName } from "../../../core/un/mechanisms";
import type { Template } from "../../../templates";

/** What the gallery shows of a template: plain data, safe to send to the browser. */
export interface TemplateSummary {
  slug: string;
  title: string;
  mechanism: string;
  mechanismName: string;
  description: string;
  languages: string[];
  limit: string;
  limitSource: string | null;
  limitConfidence: string | null;
}

const CONFIDENCE: Record<string, string> = { V: "verified", P: "partly verified", U: "unverified" };

/** "5,630 words, footnotes included (unverified)" or "No published word limit". */
export function describeLimit(template: Template): string {
  const limit = template.rules.wordLimit;
  if (!limit) return "No published word limit";
  const counted = template.rules.counts.footnotes ? "footnotes included" : "footnotes not counted";
  return `${limit.words.toLocaleString("en")} words, ${counted} (${CONFIDENCE[limit.confidence]})`;
}

export function summariseTemplate(template: Template): TemplateSummary {
  return {
    slug: template.slug,
    title: template.title,
    mechanism: template.mechanism,
    mechanismName: mechanismName(template.mechanism),
    description: template.description,
    languages: [...template.languages],
    limit: describeLimit(template),
    limitSource: template.rules.wordLimit?.source ?? null,
    limitConfidence: template.rules.wordLimit?.confidence ?? null,
  };
}
