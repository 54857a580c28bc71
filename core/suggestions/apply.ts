import type { Node as PMNode, Slice } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import type { Range } from "./compose";

export interface Placed {
  range: Range;
  insert: Slice;
}

/**
 * Applies suggestions to a transform, last in the document first so each one's positions still
 * hold when it is applied; returns how many fitted. Used by Accept (on the editor's transaction)
 * and for "the words if all suggestions are accepted" (on a throwaway transform).
 */
export function applySuggestions<T extends Transform>(tr: T, placed: readonly Placed[]): number {
  const ordered = [...placed].sort((a, b) => b.range.from - a.range.from || b.range.to - a.range.to);
  let applied = 0;
  let floor = Infinity;
  for (const { range, insert } of ordered) {
    // Two suggestions over the same words: the later in the document wins, the other is left.
    if (range.to > floor) continue;
    try {
      tr.replace(range.from, range.to, insert);
      applied += 1;
      floor = range.from;
    } catch {
      // A slice that no longer fits where it was proposed (its paragraph became a heading): skipped.
    }
  }
  return applied;
}

/** The document as it would be with every given suggestion accepted. */
export function withSuggestionsAccepted(doc: PMNode, placed: readonly Placed[]): PMNode {
  if (placed.length === 0) return doc;
  const tr = new Transform(doc);
  applySuggestions(tr, placed);
  return tr.doc;
}
