import type { Node as PMNode } from "@tiptap/pm/model";
import { inlineText } from "../editor/plain-text";
import { memoByNode } from "./node-memo";

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
const EAST_ASIAN = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
// The characters JavaScript's \s matches: what separates words.
const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

const UNKNOWN = 0;
const SPACE = 1;
const LETTER_OR_DIGIT_CLASS = 2;
const EAST_ASIAN_CLASS = 3;
const OTHER = 4;

const classify = (codePoint: number): number => {
  if (isSpace(codePoint)) return SPACE;
  const char = String.fromCodePoint(codePoint);
  if (EAST_ASIAN.test(char)) return EAST_ASIAN_CLASS;
  return LETTER_OR_DIGIT.test(char) ? LETTER_OR_DIGIT_CLASS : OTHER;
};

/**
 * The class of every Basic Multilingual Plane character, filled in the first time it is seen:
 * the count's hot loop looks characters up instead of testing them against Unicode regexes.
 */
const BMP_CLASS = new Uint8Array(0x10000);

/**
 * Words as Microsoft Word counts them, since OHCHR checks limits in Word: runs of text between
 * spaces that hold a letter or digit ("186.60", "A/HRC/25/5", "rights—including" and
 * "non-discrimination" are one word each; a lone dash or bullet is none), and every Chinese,
 * Japanese or Korean character is a word, splitting the run it is in ("UPR审议" is 3). Arabic and
 * Russian need nothing more: an Arabic clitic is written onto its word ("والتجمع" is 1), vowel
 * marks and tatweel do not split a run, and Cyrillic letters are letters (word-count.test.ts has
 * real sentences of each). The cases,
 * and which are verified against Word, are in docs/decisions/008-counting-words-as-word-does.md.
 *
 * One pass over the characters with a class table: it runs on every block and note of a draft,
 * and a count with regular expressions was several times slower (bench/checks/preflight.ts).
 */
export function countWords(text: string): number {
  let words = 0;
  forEachWordStart(text, () => {
    words += 1;
  });
  return words;
}

/**
 * The rule countWords counts by, as a scan: calls `onWord` with the index where each word
 * starts (its first letter or digit, or its East Asian character). Attribution (who wrote which
 * words) credits each word to the author of that character.
 */
export function forEachWordStart(text: string, onWord: (index: number) => void): void {
  // Whether the current run (since the last space or East Asian character) has been counted.
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const start = i;
    let kind: number;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      // Outside the BMP (rare Han extensions, emoji): classified each time, not cached.
      kind = classify(text.codePointAt(i)!);
      i += 1;
    } else {
      kind = BMP_CLASS[c]!;
      if (kind === UNKNOWN) kind = BMP_CLASS[c] = classify(c);
    }
    if (kind === SPACE) counted = false;
    else if (kind === EAST_ASIAN_CLASS) {
      onWord(start);
      counted = false;
    } else if (kind === LETTER_OR_DIGIT_CLASS && !counted) {
      onWord(start);
      counted = true;
    }
  }
}

/** A footnote's words, counted once per note node (the long-note rule reads them too). */
export const footnoteWords = memoByNode((footnote) => countWords(inlineText(footnote).text));

/** The words of the notes whose markers are in a textblock (or a recommendation block). */
function notesWords(node: PMNode): number {
  let words = 0;
  node.forEach((child) => {
    if (child.type.name === "footnote") words += footnoteWords(child);
  });
  return words;
}

function inlineWords(node: PMNode, tally: WordCount, into: "body" | "headings" | "tables"): void {
  tally[into] += countWords(inlineText(node).text);
  tally.footnotes += notesWords(node);
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
      tally.footnotes += notesWords(node);
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
