import type { Node as PMNode } from "@tiptap/pm/model";
import { inlineText } from "../editor/plain-text";

/** What a template's word limit counts (templates/schema.ts `rules.counts`). */
export interface CountingRule {
  footnotes: boolean;
  headings: boolean;
  tables: boolean;
}

export interface WordCount {
  /** The words the rule counts: compare this with the limit. */
  counted: number;
  body: number;
  headings: number;
  tables: number;
  footnotes: number;
}

// Han, kana and Hangul, and the full-width digits and Latin letters of CJK typing (U+FF10–FF5A):
// Word counts each such character as a word, and so do we (docs/decisions/008).
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Words as Microsoft Word counts them, since OHCHR checks limits in Word: runs of text between
 * spaces that hold a letter or digit ("186.60", "A/HRC/25/5", "rights—including" and
 * "non-discrimination" are one word each; a lone dash or bullet is none), and every Chinese,
 * Japanese or Korean character is a word. The cases, and which are verified against Word, are
 * in docs/decisions/008-counting-words-as-word-does.md.
 */
export function countWords(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    const eastAsian = token.match(EAST_ASIAN)?.length ?? 0;
    words += eastAsian;
    const rest = eastAsian ? token.replace(EAST_ASIAN, " ") : token;
    for (const part of rest.split(" ")) if (LETTER_OR_DIGIT.test(part)) words += 1;
  }
  return words;
}

function inlineWords(node: PMNode, tally: WordCount, into: "body" | "headings" | "tables"): void {
  const { text, notes } = inlineText(node);
  tally[into] += countWords(text);
  for (const note of notes) tally.footnotes += countWords(note);
}

/** A block's (or a document's) words by part, before a rule picks which parts count. */
export type Parts = Omit<WordCount, "counted">;

/** The words a template's rule counts, of the parts given. */
export function countedByRule(parts: Parts, rule: CountingRule): number {
  return parts.body + (rule.headings ? parts.headings : 0) + (rule.tables ? parts.tables : 0) + (rule.footnotes ? parts.footnotes : 0);
}

/**
 * Tallies of top-level blocks by node. ProseMirror documents share unchanged nodes between
 * versions, so after a keystroke only the edited block is counted again: the status bar stays
 * cheap on a 50,000-word draft (bench/editor.ts).
 */
const blockTallies = new WeakMap<PMNode, Parts>();

/**
 * One top-level block's words by part (its footnotes under `footnotes`), cached by node: call
 * it per block of a document, never on the document itself.
 */
export function tallyBlock(block: PMNode): Parts {
  const cached = blockTallies.get(block);
  if (cached) return cached;
  const tally: WordCount = { counted: 0, body: 0, headings: 0, tables: 0, footnotes: 0 };
  const visit = (node: PMNode, inTable: boolean) => {
    if (node.type.name === "recommendation") {
      tally[inTable ? "tables" : "body"] += countWords(String(node.attrs.text ?? ""));
      for (const note of inlineText(node).notes) tally.footnotes += countWords(note);
    }
    else if (node.type.name === "heading") inlineWords(node, tally, "headings");
    else if (node.isTextblock) inlineWords(node, tally, inTable ? "tables" : "body");
    else node.forEach((child) => visit(child, inTable || node.type.name === "table"));
  };
  visit(block, false);
  const parts = { body: tally.body, headings: tally.headings, tables: tally.tables, footnotes: tally.footnotes };
  blockTallies.set(block, parts);
  return parts;
}

/** Counts a document by part, and the total a template's rule counts against its limit. */
export function countDocumentWords(doc: PMNode, rule: CountingRule): WordCount {
  const tally: WordCount = { counted: 0, body: 0, headings: 0, tables: 0, footnotes: 0 };
  doc.forEach((block) => {
    const parts = tallyBlock(block);
    tally.body += parts.body;
    tally.headings += parts.headings;
    tally.tables += parts.tables;
    tally.footnotes += parts.footnotes;
  });
  tally.counted = countedByRule(tally, rule);
  return tally;
}
