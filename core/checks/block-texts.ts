import type { Node as PMNode } from "@tiptap/pm/model";
import { memoByNode } from "./node-memo";

/** One piece of a readable text: `length` characters from `start`, at document positions from `pos`. */
interface Piece {
  start: number;
  length: number;
  pos: number;
  /** For a node read as a whole (a citation's label, a recommendation's text): its size. */
  atomSize?: number;
}

/**
 * A run of text as a reader of the printed file reads it: a paragraph's or heading's own words
 * (each footnote is a text of its own), a note's words with its citations' labels, a quoted
 * recommendation's text. Positions are counted from the top-level block at 0, as perBlock wants.
 */
export interface ReadableText {
  text: string;
  /** The footnote the text is, when it is one (its id survives edits; positions do not). */
  footnoteId?: string;
  pieces: Piece[];
}

/** Where the characters `start`–`end` of a text are in the document (a node read whole: all of it). */
export function rangeOf(readable: ReadableText, start: number, end: number): { from: number; to: number } {
  const at = (index: number) => readable.pieces.find((p) => index >= p.start && index < p.start + p.length)!;
  const first = at(start);
  const last = at(end - 1);
  return {
    from: first.atomSize === undefined ? first.pos + (start - first.start) : first.pos,
    to: last.atomSize === undefined ? last.pos + (end - last.start) : last.pos + last.atomSize,
  };
}

/** The inline content of a paragraph, heading or note; `pos` is where that content starts. */
function inlineTexts(node: PMNode, pos: number, footnoteId: string | undefined): ReadableText {
  const readable: ReadableText = { text: "", pieces: [], ...(footnoteId ? { footnoteId } : {}) };
  const add = (text: string, at: number, atomSize?: number) => {
    readable.pieces.push({ start: readable.text.length, length: text.length, pos: at, ...(atomSize === undefined ? {} : { atomSize }) });
    readable.text += text;
  };
  node.forEach((child, offset) => {
    const at = pos + offset;
    if (child.isText) add(child.text ?? "", at);
    else if (child.type.name === "citation") add(String(child.attrs.label ?? ""), at, child.nodeSize);
    // A line break or a note marker ends a word: a name is not read across it.
    else add("\n", at, child.nodeSize);
  });
  return readable;
}

/**
 * Every readable text of one top-level block, read once per block node: after an edit only the
 * edited block is read again (node-memo.ts).
 */
export const readableTexts = memoByNode((block): ReadableText[] => {
  const texts: ReadableText[] = [];
  const visit = (node: PMNode, pos: number) => {
    if (node.type.name === "recommendation") {
      // Its text is a frozen attribute, printed as the quoted recommendation; its content is its note.
      const text = String(node.attrs.text ?? "");
      if (text) texts.push({ text, pieces: [{ start: 0, length: text.length, pos, atomSize: node.nodeSize }] });
    } else if (node.inlineContent) {
      const footnoteId = node.type.name === "footnote" && node.attrs.id ? String(node.attrs.id) : undefined;
      texts.push(inlineTexts(node, pos + 1, footnoteId));
    }
    node.forEach((child, offset) => {
      if (!child.isText) visit(child, pos + 1 + offset);
    });
  };
  visit(block, 0);
  return texts;
});
