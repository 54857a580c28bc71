/** What a recommendation block keeps of the library record, frozen at insertion. */
export interface RecommendationAttributes {
  /** `recommendations.id` in the library, or null when typed in by hand or the record left it. */
  libraryId: string | null;
  text: string;
  /** Body that made it: "UPR", "CESCR", "SR on freedom of expression". */
  body: string;
  /** UN document symbol, e.g. "A/HRC/25/5". */
  symbol: string;
  /** Paragraph in that document, e.g. "186.60" or "27 (d)". */
  paragraph: string;
  /** UPR only: the recommending States, as named in the report. */
  recommendingStates: string;
  /** "supported", "noted", another response as given, or "" when none. */
  response: string;
  cycle: string;
}

/** "Recommendation 186.60 (Ghana), A/HRC/25/5, supported": how submissions cite what they build on. */
export function recommendationProvenance(attrs: Partial<RecommendationAttributes>): string {
  const label = attrs.paragraph ? `${attrs.body === "UPR" || !attrs.body ? "Recommendation" : attrs.body} ${attrs.paragraph}` : (attrs.body ?? "");
  const head = attrs.recommendingStates ? `${label} (${attrs.recommendingStates})` : label;
  return [head, attrs.symbol, attrs.response].filter((part) => part && part.trim()).join(", ");
}

