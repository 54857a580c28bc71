import { z } from "zod";
import { parseUnSymbol } from "../citations/un-symbol";
import type { MessageId } from "../i18n/message";

/** The facets a library search counts, in the order the panel shows them. */
export const FACETS = ["body", "stateUnderReview", "recommendingState", "cycle", "response", "theme", "sdg"] as const;
export type Facet = (typeof FACETS)[number];

/** The filters' names are ours, so messages; the values under them (bodies, States) are data. */
export const FACET_LABELS: Record<Facet, MessageId> = {
  body: "library.facet.body",
  stateUnderReview: "library.facet.stateUnderReview",
  recommendingState: "library.facet.recommendingState",
  cycle: "library.facet.cycle",
  response: "library.facet.response",
  theme: "library.facet.theme",
  sdg: "library.facet.sdg",
};

/** "No response" as a filter value: responses are free text, so it cannot collide with one. */
export const NO_RESPONSE = "(none)";

const filterValue = z.string().trim().min(1).max(200).optional();

/** A search as the panel and the HTTP endpoint send it; every field bounded. */
export const LibrarySearchSchema = z.object({
  q: z.string().trim().max(300).default(""),
  body: filterValue,
  stateUnderReview: filterValue,
  recommendingState: filterValue,
  cycle: z.coerce.number().int().min(1).max(20).optional(),
  response: filterValue,
  theme: filterValue,
  sdg: z.coerce.number().int().min(1).max(17).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type LibrarySearch = z.infer<typeof LibrarySearchSchema>;
export type LibrarySearchInput = z.input<typeof LibrarySearchSchema>;

/**
 * How a query is read before it reaches the database. A UN symbol or a UPR recommendation
 * number ("A/HRC/25/5, para. 186.60", "186.60") is looked up exactly: full-text search would
 * split it into meaningless tokens. Anything else is words, in websearch syntax.
 */
export type QueryIntent = { kind: "browse" } | { kind: "reference"; symbol: string | null; paragraph: string | null } | { kind: "words"; text: string };

const PARAGRAPH = /^(\d{1,3}(?:\.\d{1,3})?(?:\s?\([a-z]{1,4}\))?)$/i;

export function readQuery(q: string): QueryIntent {
  const text = q.trim();
  if (!text) return { kind: "browse" };
  const paragraphOnly = text.replace(/^(?:rec(?:ommendation)?\.?|paras?\.)\s*/i, "");
  if (PARAGRAPH.test(paragraphOnly) && /\./.test(paragraphOnly)) return { kind: "reference", symbol: null, paragraph: paragraphOnly };
  // "A/HRC/25/5, para. 186.60" or "A/HRC/25/5 186.60"
  const match = /^([A-Za-z][^\s,]*\/[^\s,]+)(?:[,\s]+(?:paras?\.?\s*)?(.+))?$/.exec(text);
  if (match) {
    const parsed = parseUnSymbol(match[1]!);
    const paragraph = match[2]?.trim() ?? null;
    if (parsed.valid && (paragraph === null || PARAGRAPH.test(paragraph))) {
      return { kind: "reference", symbol: parsed.normalised, paragraph };
    }
  }
  return { kind: "words", text };
}
