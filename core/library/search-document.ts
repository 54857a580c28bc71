import { stateName } from "../un/states";
import type { RecommendationInput, SourceInput } from "./records";

/**
 * What full-text search reads for a recommendation: its words, and the names a person types to
 * find it (the State's name, not its code; the body; themes). The database derives both
 * tsvectors from this one string, so English stemming and the "simple" configuration agree on
 * what a record contains.
 */
export function recommendationSearchDocument(input: RecommendationInput): string {
  return [
    input.text,
    stateName(input.stateUnderReview),
    input.body,
    input.recommendingStates.join(" "),
    input.themes.join(" "),
    input.affectedPersons.join(" "),
    input.response ?? "",
  ]
    .filter(Boolean)
    .join(" \n");
}

/**
 * The short strings people type in part or misspell: symbol and paragraph ("A/HRC/25/5 186.60"),
 * State names and themes. A trigram index over this serves the fallback search.
 */
export function recommendationSearchKeys(input: RecommendationInput): string {
  return [
    input.symbol,
    input.paragraph,
    stateName(input.stateUnderReview),
    input.stateUnderReview,
    input.body,
    ...input.recommendingStates,
    ...input.themes,
    ...input.affectedPersons,
  ]
    .filter(Boolean)
    .join(" | ");
}

/** What search reads for a source: title, issuer, symbol, authors, container, URL host. */
export function sourceSearchDocument(input: SourceInput): string {
  const csl = input.csl;
  const authors = (csl.author ?? []).map((a) => a.literal ?? [a.given, a.family].filter(Boolean).join(" "));
  let host = "";
  if (csl.URL) {
    try {
      host = new URL(csl.URL).host;
    } catch {
      host = "";
    }
  }
  return [input.unSymbol ?? "", csl.title ?? "", input.issuingBody ?? "", ...authors, csl["container-title"] ?? "", csl.publisher ?? "", host]
    .filter(Boolean)
    .join(" \n");
}
