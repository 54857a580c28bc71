import type { Node as PMNode } from "@tiptap/pm/model";

/** How a template numbers its headings, one entry per level (1–4): "I.", "A.", "1.", "(a)" or nothing. */
export const HEADING_STYLES = ["upper-roman", "upper-alpha", "decimal", "lower-alpha", "lower-alpha-parenthesised", "none"] as const;
export type HeadingStyle = (typeof HEADING_STYLES)[number];

/** The heading levels a document has: UN documents outline in four (I., A., 1., (a)). */
export const HEADING_LEVELS = [1, 2, 3, 4] as const;
export type HeadingLevel = (typeof HEADING_LEVELS)[number];
export type HeadingNumbering = readonly [HeadingStyle, HeadingStyle, HeadingStyle, HeadingStyle];

/** OHCHR's usual outline: I. Cluster, A. Theme, 1. Sub-theme, (a) point. */
export const UN_HEADING_NUMBERING: HeadingNumbering = ["upper-roman", "upper-alpha", "decimal", "lower-alpha-parenthesised"];
export const NO_HEADING_NUMBERING: HeadingNumbering = ["none", "none", "none", "none"];

/** A heading node's level as a number the document has: 1–4, whatever the attribute holds. */
export function headingLevel(node: PMNode): HeadingLevel {
  return Math.min(Math.max(Math.trunc(Number(node.attrs.level)) || 1, 1), HEADING_LEVELS.length) as HeadingLevel;
}

export interface DocumentNumbering {
  /** Position of each numbered body paragraph → its number (1, 2, 3 … through the document). */
  paragraphs: Map<number, number>;
  /** Position of each heading → its label ("II.", "B.") or "" when its level is unnumbered. */
  headings: Map<number, string>;
  /** Position of each footnote → its number, in document order. */
  footnotes: Map<number, number>;
}

const ROMAN: Array<[number, string]> = [
  [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
  [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
];

export function toRoman(n: number): string {
  let out = "";
  for (const [value, numeral] of ROMAN) {
    while (n >= value) {
      out += numeral;
      n -= value;
    }
  }
  return out;
}

/** 1 → A, 26 → Z, 27 → AA: as Word and UN documents letter their sections. */
export function toLetters(n: number): string {
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function formatCounter(n: number, style: HeadingStyle): string {
  switch (style) {
    case "upper-roman":
      return `${toRoman(n)}.`;
    case "upper-alpha":
      return `${toLetters(n)}.`;
    case "lower-alpha":
      return `${toLetters(n).toLowerCase()}.`;
    case "lower-alpha-parenthesised":
      return `(${toLetters(n).toLowerCase()})`;
    case "decimal":
      return `${n}.`;
    case "none":
      return "";
  }
}

/**
 * Computes every number a UN document shows, from the document alone: numbers are never stored,
 * so concurrent inserts cannot collide. Body paragraphs are the top-level paragraphs not marked
 * unnumbered (paragraphs in lists, tables, quotes and notes are not); a heading restarts the
 * counters of the levels below it; footnotes count in reading order. Browser decorations,
 * checks and exporters all call this, so they show the same numbers. Empty paragraphs are not
 * numbered.
 */
export function computeNumbering(doc: PMNode, headingNumbering: HeadingNumbering = NO_HEADING_NUMBERING): DocumentNumbering {
  const paragraphs = new Map<number, number>();
  const headings = new Map<number, string>();
  const footnotes = new Map<number, number>();
  const levels = HEADING_LEVELS.map(() => 0);
  let paragraph = 0;
  doc.forEach((node, offset) => {
    // An empty paragraph (a blank line, a section not written yet) takes no number: it would
    // shift every later number and OHCHR would never see it.
    if (node.type.name === "paragraph" && node.attrs.numbered !== false && node.content.size > 0) {
      paragraphs.set(offset, ++paragraph);
    } else if (node.type.name === "heading") {
      const level = headingLevel(node) - 1;
      levels[level]! += 1;
      for (let deeper = level + 1; deeper < levels.length; deeper++) levels[deeper] = 0;
      headings.set(offset, formatCounter(levels[level]!, headingNumbering[level]!));
    }
  });
  let footnote = 0;
  doc.descendants((node, pos) => {
    if (node.type.name === "footnote") {
      footnotes.set(pos, ++footnote);
      return false;
    }
    return true;
  });
  return { paragraphs, headings, footnotes };
}
