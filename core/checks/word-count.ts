import type { Node as PMNode } from "@tiptap/pm/model";

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

// Han, kana and Hangul: Word counts each character as a word, and so do we.
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Words as Microsoft Word counts them, since OHCHR checks limits in Word: runs of text between
 * spaces that hold a letter or digit ("186.60", "A/HRC/25/5" and "non-discrimination" are one
 * word each; a lone dash is none), and every Chinese, Japanese or Korean character is a word.
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
  let text = "";
  node.forEach((child) => {
    if (child.isText) text += child.text ?? "";
    else if (child.type.name === "hardBreak") text += " ";
    else if (child.type.name === "footnote") {
      text += " ";
      let note = "";
      child.forEach((part) => {
        note += part.isText ? (part.text ?? "") : part.type.name === "citation" ? ` ${String(part.attrs.label ?? "")} ` : " ";
      });
      tally.footnotes += countWords(note);
    } else text += ` ${child.textContent} `;
  });
  tally[into] += countWords(text);
}

/** Counts a document by part, and the total a template's rule counts against its limit. */
export function countDocumentWords(doc: PMNode, rule: CountingRule): WordCount {
  const tally: WordCount = { counted: 0, body: 0, headings: 0, tables: 0, footnotes: 0 };
  const walk = (node: PMNode, inTable: boolean) => {
    node.forEach((child) => {
      if (child.type.name === "recommendation") tally[inTable ? "tables" : "body"] += countWords(String(child.attrs.text ?? ""));
      else if (child.type.name === "heading") inlineWords(child, tally, "headings");
      else if (child.isTextblock) inlineWords(child, tally, inTable ? "tables" : "body");
      else walk(child, inTable || child.type.name === "table");
    });
  };
  walk(doc, false);
  tally.counted = tally.body + (rule.headings ? tally.headings : 0) + (rule.tables ? tally.tables : 0) + (rule.footnotes ? tally.footnotes : 0);
  return tally;
}
