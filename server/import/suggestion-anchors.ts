import { Slice, type Node as PMNode, type ResolvedPos } from "@tiptap/pm/model";
import { anchorFor, type YBodyBinding } from "../../core/comments/anchors";
import { QUOTE_MAX_CHARS } from "../../core/comments/contract";
import { SuggestionChangeSchema, type SliceJson, type SuggestionAnchor } from "../../core/suggestions/contract";
import { comparable } from "../../core/text/comparable";
import type { ImportedSuggestion, InsertedPiece } from "./docx";

/**
 * A Word tracked change placed in the new draft as a suggestion (issue 20): replace the accepted
 * text between the anchor's two positions with `insert`, as `tr.replace(from, to,
 * Slice.fromJSON(schema, insert))` would (an empty range is a pure insertion, its quote "").
 */
export interface PlacedSuggestion {
  /** Yjs relative positions in the draft's body; `quote` is the start of `deleted` ("" for an insertion). */
  anchor: SuggestionAnchor;
  /** The accepted text between the anchors (deletedText): "" for a pure insertion. */
  deleted: string;
  /** The proposed content as Slice JSON; null for a pure deletion. */
  insert: SliceJson | null;
  /** The Word author's name as the file gives it ("Word author" when it gives none). */
  authorName: string;
  /** ISO 8601, or null when the file gave no readable date. */
  date: string | null;
  /** Made under the importer's own name: linked to their account, as imported comments are. */
  ownChange: boolean;
}

/** The name an imported change without an author is shown under (as "Word comment" for comments). */
export const UNNAMED_AUTHOR = "Word author";

/**
 * The accepted text a suggestion replaces, as it is compared when it goes stale: paragraphs
 * joined by a line break, a footnote's text where its marker stands.
 */
export const deletedText = (doc: PMNode, from: number, to: number): string => doc.textBetween(from, to, "\n");

/** Nodes a deletion may not reach across: a change from one table cell into another is not one Caucus can propose. */
const TABLE_PARTS = new Set(["table", "tableRow", "tableCell", "tableHeader"]);

/**
 * Places the reader's tracked changes on the draft's Y.Doc (the positions are the document's the
 * reader built, which `doc` is). A change is left out, and counted, when it cannot be a valid
 * suggestion: its content does not fit where it stands, it crosses table cells, or it is larger
 * than a suggestion may be. `importerName`: the importing member's name, whose own changes are
 * theirs.
 */
export function placeSuggestions(
  binding: YBodyBinding,
  doc: PMNode,
  changes: readonly ImportedSuggestion[],
  importerName: string | null
): { placed: PlacedSuggestion[]; leftOut: number } {
  const placed: PlacedSuggestion[] = [];
  const own = importerName === null ? null : comparable(importerName);
  for (const change of changes) {
    const one = placeOne(binding, doc, change);
    if (!one) continue;
    const authorName = change.author || UNNAMED_AUTHOR;
    placed.push({ ...one, authorName, date: change.date, ownChange: own !== null && own !== "" && change.author !== "" && comparable(change.author) === own });
  }
  return { placed, leftOut: changes.length - placed.length };
}

function placeOne(binding: YBodyBinding, doc: PMNode, change: ImportedSuggestion): Pick<PlacedSuggestion, "anchor" | "deleted" | "insert"> | null {
  if (change.from < 0 || change.to < change.from || change.to > doc.content.size) return null;
  const $from = doc.resolve(change.from);
  const $to = doc.resolve(change.to);
  // In a paragraph or heading, or in a footnote's text (an inline node with inline content).
  if (!$from.parent.inlineContent || !$to.parent.inlineContent || crossesTable($from, $to)) return null;
  const range = rangeOf($from, $to, change.pieces);
  const insert = range.insert;
  try {
    // The change must apply to the text it was read from, as the editor's accept will replace it:
    // replace checks the content of every node it changes, the slice's own nodes are checked here
    // (not the whole document again, 5,000 times on a long file).
    if (insert) {
      const slice = Slice.fromJSON(doc.type.schema, insert);
      slice.content.forEach((node) => node.check());
      // Inline content within one paragraph or note: its node says whether it may hold it, without copying the document.
      const $start = doc.resolve(range.from);
      const inline = slice.openStart === 0 && slice.openEnd === 0 && slice.content.firstChild?.isInline === true && $start.sameParent(doc.resolve(range.to));
      if (inline) {
        if (!$start.parent.canReplace($start.index(), $start.index(), slice.content)) return null;
      } else doc.replace(range.from, range.to, slice);
    }
  } catch {
    return null;
  }
  const deleted = deletedText(doc, range.from, range.to);
  const anchor: SuggestionAnchor = anchorFor(binding, range.from, range.to, deleted.slice(0, QUOTE_MAX_CHARS));
  const parsed = SuggestionChangeSchema.safeParse({ anchor, deleted, insert });
  return parsed.success ? { anchor, deleted, insert } : null;
}

function crossesTable($from: ResolvedPos, $to: ResolvedPos): boolean {
  const shared = $from.sharedDepth($to.pos);
  for (const $pos of [$from, $to]) for (let depth = shared + 1; depth <= $pos.depth; depth++) if (TABLE_PARTS.has($pos.node(depth).type.name)) return true;
  return false;
}

const blockOf = (piece: InsertedPiece) => ({ type: piece.block?.type ?? "paragraph", attrs: piece.block?.attrs ?? { numbered: false }, ...(piece.content.length ? { content: piece.content } : {}) });

/**
 * The range a change replaces and the slice it proposes. Whole paragraphs deleted (from a
 * paragraph's start to the next one's) are deleted as blocks, so the paragraph after keeps its
 * kind; whole paragraphs inserted at a paragraph's start or end are inserted as blocks before or
 * after it. Anything else is inline content, or paragraphs opened at both ends (a paragraph break
 * proposed inside one).
 */
function rangeOf($from: ResolvedPos, $to: ResolvedPos, pieces: readonly InsertedPiece[]): { from: number; to: number; insert: SliceJson | null } {
  const from = $from.pos;
  const to = $to.pos;
  const wholeBlocks = $from.parentOffset === 0 && $to.parentOffset === 0 && to > from && $from.depth === $to.depth && $from.sharedDepth(to) === $from.depth - 1;
  const last = pieces[pieces.length - 1];
  // Paragraphs inserted whole: each inserted break closes one, nothing follows the last.
  const wholeInserted = pieces.length > 1 && last!.content.length === 0;
  if (pieces.length === 0) return wholeBlocks ? { from: $from.before(), to: $to.before(), insert: null } : { from, to, insert: null };
  if (pieces.length === 1) return { from, to, insert: last!.content.length ? { content: last!.content, openStart: 0, openEnd: 0 } : null };
  if (from === to && $from.parentOffset === $from.parent.content.size && pieces[0]!.content.length === 0) {
    return { from: $from.after(), to: $from.after(), insert: { content: pieces.slice(1).map(blockOf), openStart: 0, openEnd: 0 } };
  }
  if ((from === to && $from.parentOffset === 0 && wholeInserted) || (wholeBlocks && wholeInserted)) {
    return { from: $from.before(), to: wholeBlocks ? $to.before() : $from.before(), insert: { content: pieces.slice(0, -1).map(blockOf), openStart: 0, openEnd: 0 } };
  }
  return { from, to, insert: { content: pieces.map(blockOf), openStart: 1, openEnd: 1 } };
}
