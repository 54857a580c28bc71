import type { Node as PMNode } from "@tiptap/pm/model";
import { message } from "../i18n/message";
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
  /**
   * The words quoted as this recommendation's text, with where they stand (inside the marks);
   * `marked` false for a quotation without marks after a colon ("Recommendation 186.150: Allow …").
   */
  quote: { text: string; from: number; to: number; marked: boolean } | null;
}

const quoteAfter = (text: string, at: number, base: number): CitedNumber["quote"] => {
  const match = QUOTE_AFTER.exec(text.slice(at));
  if (!match || match[1]!.trim().split(/\s+/).length < 3) return null;
  const from = base + at + match[0].length - 1 - match[1]!.length;
  return { text: match[1]!, from, to: from + match[1]!.length, marked: true };
};

/** "186.60: " or "186.60 (Ghana): " right after the number: what follows is the recommendation's text. */
const COLON_AFTER_NUMBER = /^\s*(?:\([^()]{2,60}\)\s*)?:\s*/;
/** Where an unmarked quotation ends: the recommending State in brackets, before ";", "." or "and". */
const RECOMMENDING_STATE = /\s\([^()]{2,60}\)(?=\s*(?:[;.,]|and\b|$))/;
const CLAUSE_END = /;|\.(?=\s|$)/;

/**
 * How real footnotes quote recommendations, without quotation marks: "Recommendation 186.150:
 * Allow national and international NGOs … (Netherlands); Recommendation 186.151: …". Read only
 * after a colon straight after the number; a text cut short at a full stop inside it is still a
 * fair part of the quotation, so ending early never makes a quotation look wrong.
 */
const unmarkedQuoteAfter = (text: string, at: number, base: number): CitedNumber["quote"] => {
  const lead = COLON_AFTER_NUMBER.exec(text.slice(at));
  if (!lead) return null;
  const start = at + lead[0].length;
  const rest = text.slice(start);
  if (/^[“"‘]/.test(rest)) return null;
  const end = Math.min(RECOMMENDING_STATE.exec(rest)?.index ?? Infinity, CLAUSE_END.exec(rest)?.index ?? Infinity, rest.length);
  const quote = rest.slice(0, end).trimEnd();
  if (quote.split(/\s+/).length < 3) return null;
  return { text: quote, from: base + start, to: base + start + quote.length, marked: false };
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
        const after = match.index + match[0].length;
        const quote = numbers.length === 1 ? (quoteAfter(node.text!, after, pos) ?? unmarkedQuoteAfter(node.text!, after, pos)) : null;
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

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether words after "Recommendation 186.60:" without quotation marks were meant as its text: most
 * of them are the library text's words. Prose after such a colon ("partially implemented, as the
 * State's report says") shares few, and is not a misquotation.
 */
function meantAsQuote(quote: string, original: string): boolean {
  const known = new Set(wordsOf(original));
  const words = wordsOf(quote);
  return words.filter((word) => known.has(word)).length >= words.length * 0.6;
}

const excerpt = (text: string) => (text.length > 240 ? `${text.slice(0, 239).trimEnd()}…` : text);

/**
 * A UPR recommendation cited by number must exist in the library for the State under review
 * (docs/domain.md §5b.8): "186.99" that no report holds is a typing slip a secretariat will notice. When
 * the text quotes the recommendation, the quoted words must be in the library's text (in order,
 * with "…" or "[…]" for what was left out): a misquoted recommendation undermines the follow-up.
 * `known` holds the numbers looked up so far; numbers not yet looked up are not reported.
 */
export function recommendationFindings(doc: PMNode, context: { known: RecommendationTexts; stateName?: string }): Finding[] {
  const findings: Finding[] = [];
  for (const cited of citedRecommendationNumbers(doc)) {
    const texts = context.known.get(cited.number);
    if (!texts) continue;
    if (texts.length === 0) {
      findings.push({
        rule: "recommendation.unknown",
        severity: "warning",
        message: context.stateName
          ? message("checks.recommendation.unknown", { number: cited.number, state: context.stateName })
          : message("checks.recommendation.unknownNoState", { number: cited.number }),
        location: { from: cited.from, to: cited.to },
      });
    } else if (cited.quote && !texts.some((text) => quoteFits(cited.quote!.text, text)) && (cited.quote.marked || texts.some((text) => meantAsQuote(cited.quote!.text, text)))) {
      const [only] = texts;
      const wholeQuote = !/…|\.\.\.|\[/.test(cited.quote.text);
      findings.push({
        rule: "recommendation.quote-differs",
        severity: "warning",
        message: message("checks.recommendation.quoteDiffers", { number: cited.number, text: excerpt(only!), more: texts.length - 1 }),
        location: { from: cited.quote.from, to: cited.quote.to },
        ...(texts.length === 1 && wholeQuote
          ? { fix: { label: message("checks.recommendation.quoteFix"), from: cited.quote.from, to: cited.quote.to, text: only!.trim().replace(/\.$/, "") } }
          : {}),
      });
    }
  }
  return findings;
}
