import { Slice, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import type { SliceJson } from "./contract";

/**
 * A suggestion's proposed content is a ProseMirror Slice: text with its marks, a paragraph break
 * (an open slice of two paragraphs), a footnote, a whole recommendation block. Typing on extends
 * it; Backspace shortens it. Both are done in a scratch document rather than by hand, so a slice
 * that opens paragraphs is joined as ProseMirror would join it in the draft.
 */

/** An empty paragraph in a document of its own: the scratch space slices are joined in. */
function scratch(schema: Schema): { doc: PMNode; start: number } {
  const paragraph = schema.nodes.paragraph!.create();
  return { doc: schema.topNodeType.create(null, paragraph), start: 1 };
}

/** `first` followed by `second`, as one slice (typing on after a suggestion's last character). */
export function concatSlices(schema: Schema, first: Slice, second: Slice): Slice {
  if (first.size === 0) return second;
  if (second.size === 0) return first;
  const { doc, start } = scratch(schema);
  const tr = new Transform(doc);
  tr.replace(start, start, first);
  const middle = tr.mapping.map(start, 1);
  const before = tr.steps.length;
  tr.replace(middle, middle, second);
  const end = tr.mapping.slice(before).map(middle, 1);
  return tr.doc.slice(start, end);
}

/**
 * The slice without its last character (Backspace at a suggestion's end): a character of text, an
 * inline node (a footnote) or a paragraph break. Empty when nothing is left.
 */
export function dropLastCharacter(schema: Schema, slice: Slice): Slice {
  if (slice.size === 0) return slice;
  const { doc, start } = scratch(schema);
  const tr = new Transform(doc);
  tr.replace(start, start, slice);
  const end = tr.mapping.map(start, 1);
  const $end = tr.doc.resolve(end);
  const before = $end.nodeBefore;
  // At a paragraph's start: the break that opened it (its closing and opening tokens) goes.
  const cut = before ? end - (before.isText ? 1 : before.nodeSize) : end - 2;
  if (cut <= start) return Slice.empty;
  return tr.doc.slice(start, cut);
}

export function sliceFromJson(schema: Schema, json: SliceJson | null): Slice {
  return json ? Slice.fromJSON(schema, json) : Slice.empty;
}

export function sliceToJson(slice: Slice): SliceJson | null {
  if (slice.size === 0) return null;
  return slice.toJSON() as SliceJson;
}

/** Paragraph breaks are written "¶", a footnote "[note text]": how a card and the page say a slice in words. */
export const PARAGRAPH_BREAK = "¶";

/** The slice's text as a person reads it on a card. */
export function sliceText(slice: Slice): string {
  let text = "";
  let blocks = 0;
  slice.content.descendants((node) => {
    if (node.isText) {
      text += node.text!;
      return false;
    }
    if (node.type.name === "footnote") {
      text += `[${node.textContent}]`;
      return false;
    }
    if (node.type.name === "hardBreak") text += " ";
    if (node.isTextblock) {
      if (blocks > 0) text += ` ${PARAGRAPH_BREAK} `;
      blocks += 1;
    }
    return true;
  });
  return text.replace(/\s+/g, " ").trim();
}
