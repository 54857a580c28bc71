/**
 * Quotations set by indentation alone: many submissions quote a law or a recommendation in a
 * paragraph indented further than the body, in the Normal style. Such a paragraph becomes a
 * quotation when its left indent is clearly (a centimetre) beyond where the body's text usually
 * starts, and it is nothing else that indents: a heading, a list item or numbered paragraph, a
 * cover line, a paragraph with a hanging indent or a typed label ("(a)", "1.", "•").
 */
import { paragraphInfo, type ParagraphInfo } from "./body";
import type { Numbering, Styles } from "./styles";
import { elements, textContent, type XmlElement } from "./xml";

/** How much further than the body's text a quotation is indented, at least: a centimetre (567 twips), less rounding. */
const QUOTATION_STEP = 560;

/** A label typed at the start of a paragraph: (a), a), 1., (1), i., a bullet character. */
const TYPED_LABEL = /^\s*(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,5})[.)]|\((?:\d{1,3}|[a-z]|[ivxlc]{1,5})\)|[•·▪■◦○➢→►*\-–—])\s/i;

/** The most frequent value (the smaller one on a tie), or null for none. */
function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [value, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && value < best)) best = value;
  return best;
}

const hasText = (p: XmlElement) => textContent(p).trim().length > 0;
const plainBody = (info: ParagraphInfo) => !info.heading && !info.centred && !info.titleStyle && !info.quote;

/**
 * The least left indent at which an unnumbered top-level paragraph reads as a quotation: a
 * centimetre beyond the body's text, whichever starts further in — the left indent most plain
 * paragraphs have, or the text of the paragraphs the main list numbers (so a paragraph
 * continuing a numbered one, aligned with its text, stays body text).
 */
export function quotationIndentOf(body: XmlElement, styles: Styles, numbering: Numbering, mainList: string | null): number {
  const plain: number[] = [];
  const numbered: number[] = [];
  for (const node of elements(body)) {
    if (node.name !== "w:p" || !hasText(node)) continue;
    const info = paragraphInfo(node, styles);
    if (!plainBody(info)) continue;
    if (info.numId === null) plain.push(info.leftIndent);
    else if (mainList !== null && numbering.abstractOf(info.numId) === mainList) numbered.push(info.indent ?? numbering.level(info.numId, info.ilvl)?.indent ?? info.leftIndent);
  }
  return Math.max(mostCommon(plain) ?? 0, mostCommon(numbered) ?? 0) + QUOTATION_STEP;
}

/** Whether a top-level paragraph is an indented quotation (see the module's comment). */
export function readsAsIndentedQuotation(p: XmlElement, info: ParagraphInfo, quotationIndent: number): boolean {
  if (!plainBody(info) || info.numId !== null || info.hanging > 0 || info.leftIndent < quotationIndent) return false;
  const text = textContent(p);
  return text.trim().length > 0 && !TYPED_LABEL.test(text);
}
