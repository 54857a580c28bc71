import type { Node as PMNode } from "@tiptap/pm/model";
import { inlineText } from "../editor/plain-text";
import { countedByRule, tallyBlock, type CountingRule } from "./word-count";

export interface SectionWords {
  /** The template section id (`heading.attrs.section`), or null for what comes before the first. */
  section: string | null;
  /** The section heading's text as it reads now ("" for the part before the first section). */
  heading: string;
  /** The words the rule counts in the section: its heading, sub-headings, body, tables and notes. */
  words: number;
}

/**
 * Words by template section, for per-section budgets: a top-level heading carrying `section`
 * starts a section (as in `sectionAt`); headings without one are sub-headings of the section they
 * are in. Blocks before the first section heading make a leading `section: null` entry, present
 * only when there are such blocks. A footnote counts in the section of its marker, when the rule
 * counts footnotes. Uses the per-block tallies of the document count, so it stays cheap per
 * keystroke; the sections' words add up to `countDocumentWords(doc, rule).counted`.
 */
export function countSectionWords(doc: PMNode, rule: CountingRule): SectionWords[] {
  const sections: SectionWords[] = [];
  let current: SectionWords | null = null;
  doc.forEach((block) => {
    if (block.type.name === "heading" && block.attrs.section) {
      current = { section: String(block.attrs.section), heading: inlineText(block).text, words: 0 };
      sections.push(current);
    } else if (!current) {
      current = { section: null, heading: "", words: 0 };
      sections.push(current);
    }
    current.words += countedByRule(tallyBlock(block), rule);
  });
  return sections;
}
