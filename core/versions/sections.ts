import { Fragment, type Node as PMNode } from "@tiptap/pm/model";
import { inlineText } from "../editor/plain-text";

/** A template section of a document: its heading's `section` id and its top-level blocks [from, to). */
export interface SectionSpan {
  section: string;
  heading: string;
  from: number;
  to: number;
}

/**
 * The document's template sections, as section-words.ts and sectionAt read them: a top-level
 * heading with a `section` id opens one, which runs to the next such heading. Blocks before the
 * first belong to none.
 */
export function sectionSpans(doc: PMNode): SectionSpan[] {
  const spans: SectionSpan[] = [];
  doc.forEach((block, _offset, index) => {
    if (block.type.name === "heading" && block.attrs.section) {
      const last = spans.at(-1);
      if (last) last.to = index;
      spans.push({ section: String(block.attrs.section), heading: inlineText(block).text, from: index, to: doc.childCount });
    }
  });
  return spans;
}

/**
 * `current` with one section's blocks replaced by that section as `version` has it: null when
 * either document lacks the section (a restore then says so rather than guessing a place).
 */
export function withSectionRestored(current: PMNode, version: PMNode, section: string): PMNode | null {
  const here = sectionSpans(current).find((s) => s.section === section);
  const there = sectionSpans(version).find((s) => s.section === section);
  if (!here || !there) return null;
  const children = (doc: PMNode, from: number, to: number) => Array.from({ length: to - from }, (_, i) => doc.child(from + i));
  const blocks = [...children(current, 0, here.from), ...children(version, there.from, there.to), ...children(current, here.to, current.childCount)];
  return current.copy(Fragment.from(blocks));
}
