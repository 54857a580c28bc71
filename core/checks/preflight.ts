import type { Node as PMNode } from "@tiptap/pm/model";
import { message } from "../i18n/message";
import type { Cover } from "../editor/cover";
import { disclosureFindings } from "./disclosure-rules";
import type { Finding } from "./finding";
import { footnoteFindings } from "./footnote-rules";
import { recommendationFindings, type RecommendationTexts } from "./recommendation-rules";
import { structureFindings, type CoverOrganisation, type StructureTemplate } from "./structure-rules";
import { symbolFindings } from "./symbol-rules";
import { countDocumentWords, type CountingRule, type WordCount } from "./word-count";

export interface PreflightInput {
  doc: PMNode;
  cover: Cover;
  template: StructureTemplate & {
    counts: CountingRule;
    wordLimit: number | null;
    /** The templates' placeholders ("[Organisation]"), reported where left in the text. */
    placeholders?: readonly string[];
  };
  /** The workspace's organisations: the cover rules read them, and confidential ones must not be named. */
  organisations: readonly CoverOrganisation[];
  /** Cited library sources the library answered it no longer holds (FootnoteContext). */
  missingSourceIds?: ReadonlySet<string>;
  /** UPR recommendation numbers looked up in the library for the State: number → the texts found. */
  knownRecommendations?: RecommendationTexts;
  /** The State under review's name, for messages; without it they say "the State". */
  stateName?: string;
}

export interface PreflightReport {
  words: WordCount;
  limit: number | null;
  findings: Finding[];
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/**
 * Every pre-flight rule over one draft, errors first then in document order: what the Checks
 * panel shows as anyone types, and what an export shows before it runs.
 */
export function preflight(input: PreflightInput): PreflightReport {
  const { doc, template } = input;
  const words = countDocumentWords(doc, template.counts);
  const findings: Finding[] = [];
  if (template.wordLimit !== null && words.counted > template.wordLimit) {
    const over = words.counted - template.wordLimit;
    findings.push({
      rule: "words.over-limit",
      severity: "error",
      message: message("checks.words.overLimit", { counted: words.counted, limit: template.wordLimit, footnotes: template.counts.footnotes ? "yes" : "no", over }),
      location: null,
    });
  }
  findings.push(
    ...disclosureFindings(doc, { organisations: input.organisations, placeholders: template.placeholders ?? [], cover: input.cover }),
    ...footnoteFindings(doc, { language: input.cover.language, missingSourceIds: input.missingSourceIds }),
    ...symbolFindings(doc),
    ...structureFindings(doc, { template, cover: input.cover, organisations: input.organisations }),
    ...(input.knownRecommendations ? recommendationFindings(doc, { known: input.knownRecommendations, stateName: input.stateName }) : []),
  );
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.location?.from ?? -1) - (b.location?.from ?? -1));
  return { words, limit: template.wordLimit, findings };
}
