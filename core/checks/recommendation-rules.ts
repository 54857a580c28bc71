import type { Node as PMNode } from "@tiptap/pm/model";
import type { Finding } from "./finding";
import { memoByNode } from "./node-memo";
import { quoteFits } from "./quote-match";

/** "Recommendation 186.60", "recommendations 121.51 and 121.57", "rec. 186.60": UPR report numbers. */
const CITED_NUMBER = /\b(?:[Rr]ecommendations?|[Rr]ec\.)\s+((?:\d{2,3}\.\d{1,3})(?:\s*(?:,|and|&)\s*\d{2,3}\.\d{1,3})*)/g;
const NUMBER = /\d{2,3}\.\d{1,3}/g;
/**
 * What a single cited number's quotation looks like: within a clause of the number ("186.60
 * (Ghana), to “ratify the Convention”"), not past the end of a sentence, at least three words.
 */
const QUOTE_AFTER = /^(?:(?![.;!?]\s)[^“”"\n]){0,100}?[“"]([^“”"\n]+?)[”"]/;

export interface CitedNumber {
  number: string;
  from: number;
  to: number;
  /** The words quoted as this recommendation's text, with where they stand (inside the marks). */
  quote: { text: string; from: number; to: number } | null;
}

const quoteAfter = (text: string, at: number, base: number): CitedNumber["quote"] => {
  const match = QUOTE_AFTER.exec(text.slice(at));
  if (!match || match[1]!.trim().split(/\s+/).length < 3) return null;
  const from = base + at + match[0].length - 1 - match[1]!.length;
  return { text: match[1]!, from, to: from + match[1]!.length };
};

/** A block's cited numbers, at positions as if the block stood at 0 (see perBlock). */
const numbersInBlock = memoByNode((block): CitedNumber[] => {
  const cited: CitedNumber[] = [];
  const readText = (node: PMNode, pos: number) => {
    for (const match of node.text!.matchAll(CITED_NUMBER)) {
      const listStart = match.index + match[0].length - match[1]!.length;
      const numbers = [...match[1]!.matchAll(NUMBER)];
      for (const number of numbers) {
        const from = pos + listStart + number.index;
        // A quotation after a list of numbers could be any one's: only a single number's is read.
        const quote = numbers.length === 1 ? quoteAfter(node.text!, match.index + match[0].length, pos) : null;
        cited.push({ number: number[0], from, to: from + number[0].length, quote });
      }
    }
  };
  block.descendants((node, offset) => {
    if (!node.isText || !node.text) return true;
    readText(node, 1 + offset);
    return false;
  });
  return cited;
});

/** The UPR recommendation numbers the draft's text and notes cite, each with where it stands. */
export function citedRecommendationNumbers(doc: PMNode): CitedNumber[] {
  const cited: CitedNumber[] = [];
  doc.forEach((block, offset) => {
    for (const c of numbersInBlock(block)) {
      cited.push({ ...c, from: c.from + offset, to: c.to + offset, quote: c.quote && { ...c.quote, from: c.quote.from + offset, to: c.quote.to + offset } });
    }
  });
  return cited;
}

/** The library's texts of the recommendations with each number (none: not in the library). */
export type RecommendationTexts = ReadonlyMap<string, readonly string[]>;

const excerpt = (text: string) => (text.length > 240 ? `${text.slice(0, 239).trimEnd()}…` : text);

/**
 * A UPR recommendation cited by number must exist in the library for the State under review
 * (rules.md §5b.8): "186.99" that no report holds is a typing slip a secretariat will notice. When
 * the text quotes the recommendation, the quoted words must be in the library's text (in order,
 * with "…" or "[…]" for what was left out): a misquoted recommendation undermines the follow-up.
 * `known` holds the numbers looked up so far; numbers not yet looked up are not reported.
 */
export function recommendationFindings(doc: PMNode, context: { known: RecommendationTexts; stateName: string }): Finding[] {
  const findings: Finding[] = [];
  for (const cited of citedRecommendationNumbers(doc)) {
    const texts = context.known.get(cited.number);
    if (!texts) continue;
    if (texts.length === 0) {
      findings.push({
        rule: "recommendation.unknown",
        severity: "warning",
        message: `Recommendation ${cited.number} is not in the library for ${context.stateName}'s reviews: check the number against the Working Group report, or import that report's recommendations.`,
        location: { from: cited.from, to: cited.to },
      });
    } else if (cited.quote && !texts.some((text) => quoteFits(cited.quote!.text, text))) {
      const [only] = texts;
      const wholeQuote = !/…|\.\.\.|\[/.test(cited.quote.text);
      findings.push({
        rule: "recommendation.quote-differs",
        severity: "warning",
        message: `The words quoted for recommendation ${cited.number} are not its text in the library: “${excerpt(only!)}”${texts.length > 1 ? ` (or one of ${texts.length - 1} more with that number)` : ""}. Quote it word for word, marking omissions with “…”, or check the number.`,
        location: { from: cited.quote.from, to: cited.quote.to },
        ...(texts.length === 1 && wholeQuote
          ? { fix: { label: "Quote the library's text", from: cited.quote.from, to: cited.quote.to, text: only!.trim().replace(/\.$/, "") } }
          : {}),
      });
    }
  }
  return findings;
}
