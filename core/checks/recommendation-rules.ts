import type { Node as PMNode } from "@tiptap/pm/model";
import type { Finding } from "./finding";

/** "Recommendation 186.60", "recommendations 121.51 and 121.57", "rec. 186.60": UPR report numbers. */
const CITED_NUMBER = /\b(?:[Rr]ecommendations?|[Rr]ec\.)\s+((?:\d{2,3}\.\d{1,3})(?:\s*(?:,|and|&)\s*\d{2,3}\.\d{1,3})*)/g;
const NUMBER = /\d{2,3}\.\d{1,3}/g;

/** The UPR recommendation numbers the draft's text and notes cite, each with where it stands. */
export function citedRecommendationNumbers(doc: PMNode): Array<{ number: string; from: number; to: number }> {
  const cited: Array<{ number: string; from: number; to: number }> = [];
  doc.descendants((node, pos) => {
    if (!node.isText || !node.text) return true;
    for (const match of node.text.matchAll(CITED_NUMBER)) {
      const listStart = match.index + match[0].length - match[1]!.length;
      for (const number of match[1]!.matchAll(NUMBER)) {
        const from = pos + listStart + number.index;
        cited.push({ number: number[0], from, to: from + number[0].length });
      }
    }
    return false;
  });
  return cited;
}

/**
 * A UPR recommendation cited by number must exist in the library for the State under review
 * (rules.md §5b.8): "186.99" that no report holds is a typing slip a secretariat will notice.
 * `known` holds the numbers looked up so far (number → found or not); unknown ones are not
 * reported until they have been looked up.
 */
export function recommendationFindings(doc: PMNode, context: { known: ReadonlyMap<string, boolean>; stateName: string }): Finding[] {
  return citedRecommendationNumbers(doc)
    .filter((cited) => context.known.get(cited.number) === false)
    .map((cited) => ({
      rule: "recommendation.unknown",
      severity: "warning" as const,
      message: `Recommendation ${cited.number} is not in the library for ${context.stateName}'s reviews: check the number against the Working Group report, or import that report's recommendations.`,
      location: { from: cited.from, to: cited.to },
    }));
}
