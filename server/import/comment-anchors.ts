import type { Node as PMNode } from "@tiptap/pm/model";
import { anchorFor, findQuote, textOfBlock, type YBodyBinding } from "../../core/comments/anchors";
import { QUOTE_MAX_CHARS, type Anchor } from "../../core/comments/contract";
import type { ImportedComment } from "./docx";

/** One comment of an imported thread, as Word wrote it. */
export interface PlacedComment {
  author: string;
  text: string;
  /** ISO 8601, or null when the file gave none. */
  date: string | null;
}

/** A Word comment and its replies, placed in the new draft: the thread's anchor and its comments in order. */
export interface PlacedThread {
  anchor: Anchor;
  /** False when the commented words could not be found and the thread sits on its paragraph's first words instead. */
  exact: boolean;
  resolved: boolean;
  comments: PlacedComment[];
}

/**
 * Turns the reader's comments into threads anchored on the draft's Y.Doc: each comment that
 * answers no other starts a thread, and its replies (replies to replies too) follow it. A thread
 * Caucus cannot place exactly (across paragraphs, on no text at all) still goes in, on the
 * nearest words, so no reviewer's remark is lost in the move; comments with no text are left out.
 */
export function placeComments(binding: YBodyBinding, doc: PMNode, comments: readonly ImportedComment[]): PlacedThread[] {
  // A reply always answers an earlier comment (the reader sees to it), so one pass finds every thread's first comment.
  const roots: number[] = [];
  const threads = new Map<number, PlacedComment[]>();
  comments.forEach((comment, i) => {
    const root = comment.replyTo !== null && comment.replyTo < i ? roots[comment.replyTo]! : i;
    roots.push(root);
    if (!threads.has(root)) threads.set(root, []);
    // The reader has trimmed and bounded text and author already.
    if (comment.text) threads.get(root)!.push({ author: comment.author.trim() || "Word comment", text: comment.text, date: comment.date });
  });
  const starts = blockStarts(doc);
  const placed: PlacedThread[] = [];
  for (const [root, thread] of threads) {
    if (thread.length === 0) continue;
    const opening = comments[root]!;
    const range = exactRange(doc, starts, opening) ?? nearbyWords(doc, starts, opening.anchor?.paragraphIndex ?? 0);
    if (!range) continue; // A document without a single word: nowhere to anchor anything.
    const quote = doc.textBetween(range.from, range.to, " ", " ").slice(0, QUOTE_MAX_CHARS);
    placed.push({ anchor: anchorFor(binding, range.from, range.to, quote), exact: range.exact, resolved: opening.resolved, comments: thread });
  }
  return placed;
}

type Range = { from: number; to: number; exact: boolean };

/** The quoted words where the reader saw them, or found by their text when they are elsewhere (a table cell). */
function exactRange(doc: PMNode, starts: readonly number[], comment: ImportedComment): Range | null {
  // A comment across paragraphs is anchored on its first paragraph's words.
  const quote = comment.quotedText.split("\n").find((line) => line.trim()) ?? "";
  if (!quote.trim() || !comment.anchor) return null;
  const { paragraphIndex, offset } = comment.anchor;
  if (paragraphIndex < doc.childCount) {
    const block = doc.child(paragraphIndex);
    if (block.isTextblock) {
      const { text, offsets } = textOfBlock(block);
      if (text.startsWith(quote, offset) && quote.length > 0) {
        const start = starts[paragraphIndex]! + 1;
        return { from: start + offsets[offset]!, to: start + offsets[offset + quote.length - 1]! + 1, exact: true };
      }
    }
  }
  const found = findQuote(doc, quote);
  return found ? { ...found, exact: true } : null;
}

/** The first words (up to 40 characters) of the first text block at or after top-level block `index`. */
function nearbyWords(doc: PMNode, starts: readonly number[], index: number): Range | null {
  for (let i = Math.max(0, Math.min(index, doc.childCount - 1)); i < doc.childCount; i++) {
    const range = firstWords(doc.child(i), starts[i]!);
    if (range) return range;
  }
  return null;
}

/** The first words inside `node`, which starts at document position `at`. */
function firstWords(node: PMNode, at: number): Range | null {
  if (node.isTextblock) {
    const { text, offsets } = textOfBlock(node);
    const words = /\S.{0,39}(?=\s|$)/su.exec(text) ?? /\S+/u.exec(text);
    if (!words) return null;
    const end = Math.min(words.index + words[0].length, text.length) - 1;
    return { from: at + 1 + offsets[words.index]!, to: at + 1 + offsets[end]! + 1, exact: false };
  }
  let found: Range | null = null;
  node.forEach((child, offset) => {
    found ??= firstWords(child, at + 1 + offset);
  });
  return found;
}

/** Where each top-level block starts, computed once for all the comments of a file. */
function blockStarts(doc: PMNode): number[] {
  const starts: number[] = [];
  doc.forEach((_block, offset) => starts.push(offset));
  return starts;
}
