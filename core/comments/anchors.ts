import type { Node as PMNode } from "@tiptap/pm/model";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import { fromBase64, toBase64 } from "lib0/buffer";
import * as Y from "yjs";
import type { Anchor } from "./contract";
import { memoByNode } from "../checks/node-memo";

/** What y-prosemirror keeps beside the editor: the Yjs type of each ProseMirror node. */
export type YMapping = Map<Y.AbstractType<unknown>, PMNode | PMNode[]>;

/** The Y.Doc side of an editor: the doc, its body fragment and the binding's node mapping. */
export interface YBodyBinding {
  doc: Y.Doc;
  body: Y.XmlFragment;
  mapping: YMapping;
}

const encode = (position: Y.RelativePosition) => toBase64(Y.encodeRelativePosition(position));

/**
 * An anchor for the text between two ProseMirror positions: Yjs relative positions, which point
 * at characters rather than offsets, so the range follows its text while others type around and
 * inside it, plus the quoted text to show when the text is gone.
 */
export function anchorFor(binding: YBodyBinding, from: number, to: number, quote: string): Anchor {
  const mapping = binding.mapping as Parameters<typeof absolutePositionToRelativePosition>[2];
  return {
    start: encode(absolutePositionToRelativePosition(from, binding.body, mapping)),
    end: encode(absolutePositionToRelativePosition(to, binding.body, mapping)),
    quote,
  };
}

/**
 * Where an anchor's text is now, or null when it is gone: its characters deleted (the range
 * collapsed) or positions that no longer resolve. A thread whose anchor is null is "detached".
 */
export function resolveAnchor(binding: YBodyBinding, anchor: Pick<Anchor, "start" | "end">): { from: number; to: number } | null {
  const mapping = binding.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3];
  try {
    const from = relativePositionToAbsolutePosition(binding.doc, binding.body, Y.decodeRelativePosition(fromBase64(anchor.start)), mapping);
    const to = relativePositionToAbsolutePosition(binding.doc, binding.body, Y.decodeRelativePosition(fromBase64(anchor.end)), mapping);
    if (from === null || to === null || from >= to) return null;
    return { from, to };
  } catch {
    // Bytes that do not decode as a position (stored by a bug, or tampered with): no place in the text.
    return null;
  }
}

/**
 * Where the quoted words stand now when the anchor itself no longer resolves: the fallback the
 * quote is stored for. Text deleted and then restored (undo, or a paste of the same words) comes
 * back as new Yjs items, so the old positions collapse though the words are there again. Only a
 * quote found exactly once, inside one text block, re-anchors: two candidates would be a guess.
 */
export function findQuote(doc: PMNode, quote: string): { from: number; to: number } | null {
  const wanted = quote.replace(/\s+/g, " ").trim();
  if (!wanted) return null;
  let found: { from: number; to: number } | null = null;
  let count = 0;
  doc.descendants((node, pos) => {
    if (count > 1) return false;
    if (!node.isTextblock) return true;
    const { text, offsets } = textOfBlock(node);
    for (let at = text.indexOf(wanted); at >= 0; at = text.indexOf(wanted, at + 1)) {
      count += 1;
      found = { from: pos + 1 + offsets[at]!, to: pos + 1 + offsets[at + wanted.length - 1]! + 1 };
    }
    return false;
  });
  return count === 1 ? found : null;
}

/**
 * A text block's characters with each one's offset inside the block (inline atoms such as
 * footnote markers take positions but no characters). Cached by node: the highlights look for
 * detached threads' quotes after every remote change, and unchanged blocks are the same nodes.
 */
export const textOfBlock = memoByNode((block): { text: string; offsets: Int32Array } => {
  let text = "";
  const offsets: number[] = [];
  block.forEach((child, offset) => {
    if (!child.isText) return;
    text += child.text!;
    for (let i = 0; i < child.text!.length; i++) offsets.push(offset + i);
  });
  return { text, offsets: Int32Array.from(offsets) };
});
