import { Fragment, Slice, type Node as PMNode, type Schema } from "@tiptap/pm/model";
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

/** A slice as a person reads it: runs of text, paragraph breaks, and notes (shown apart). */
export type SlicePiece = { kind: "text"; text: string } | { kind: "break" } | { kind: "note"; text: string };

/**
 * The readable pieces of a slice, for the card and the page's widget alike: text, a citation's
 * label, a library recommendation's frozen text, a note's words, and the breaks between blocks.
 */
export function slicePieces(slice: Slice): SlicePiece[] {
  const pieces: SlicePiece[] = [];
  let blocks = 0;
  const text = (value: string) => value && pieces.push({ kind: "text", text: value });
  slice.content.descendants((node) => {
    const name = node.type.name;
    if (node.isText) text(node.text!);
    else if (name === "footnote") pieces.push({ kind: "note", text: node.textContent + noteCitations(node) });
    else if (name === "citation") text(String(node.attrs.label ?? ""));
    else if (name === "hardBreak") text(" ");
    else if (node.isTextblock || name === "recommendation") {
      if (blocks++ > 0) pieces.push({ kind: "break" });
      if (name === "recommendation") text(String(node.attrs.text ?? ""));
      return name !== "recommendation" || node.childCount > 0;
    }
    return !node.isLeaf && name !== "footnote";
  });
  return pieces;
}

/** A note's citations by label: their text is an attribute, not content. */
function noteCitations(note: PMNode): string {
  const labels: string[] = [];
  note.forEach((child) => child.type.name === "citation" && labels.push(String(child.attrs.label ?? "")));
  return labels.length > 0 ? ` ${labels.join("; ")}` : "";
}

/** The slice's text as a person reads it on a card. */
export function sliceText(slice: Slice): string {
  return slicePieces(slice)
    .map((piece) => (piece.kind === "break" ? ` ${PARAGRAPH_BREAK} ` : piece.kind === "note" ? `[${piece.text.trim()}]` : piece.text))
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether the slice proposes a note with nothing in it yet (the footnote button in Suggesting mode). */
export function hasEmptyNote(slice: Slice): boolean {
  let empty = false;
  slice.content.descendants((node) => {
    if (node.type.name === "footnote" && node.content.size === 0) empty = true;
    return !empty;
  });
  return empty;
}

/** The slice with its empty notes given `text`: a proposed note is proposed with its words. */
export function fillEmptyNotes(schema: Schema, slice: Slice, text: string): Slice {
  const fill = (fragment: Fragment): Fragment => {
    const children: PMNode[] = [];
    fragment.forEach((node) => {
      if (node.type.name === "footnote" && node.content.size === 0) children.push(node.type.create(node.attrs, text ? schema.text(text) : null, node.marks));
      else children.push(node.isLeaf ? node : node.copy(fill(node.content)));
    });
    return Fragment.from(children);
  };
  return new Slice(fill(slice.content), slice.openStart, slice.openEnd);
}
