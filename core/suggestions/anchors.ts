import { relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import { fromBase64 } from "lib0/buffer";
import * as Y from "yjs";
import type { YBodyBinding } from "../comments/anchors";
import type { Range } from "./compose";
import type { SuggestionAnchor } from "./contract";

/**
 * Where a suggestion's range is now. Unlike a comment's, an empty range is a place (a proposed
 * insertion); null only when a position no longer resolves, or the range has turned inside out.
 */
export function resolveSuggestionRange(binding: YBodyBinding, anchor: Pick<SuggestionAnchor, "start" | "end">): Range | null {
  const mapping = binding.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3];
  try {
    const from = relativePositionToAbsolutePosition(binding.doc, binding.body, Y.decodeRelativePosition(fromBase64(anchor.start)), mapping);
    const to = anchor.end === anchor.start ? from : relativePositionToAbsolutePosition(binding.doc, binding.body, Y.decodeRelativePosition(fromBase64(anchor.end)), mapping);
    if (from === null || to === null || from > to) return null;
    return { from, to };
  } catch {
    return null;
  }
}
