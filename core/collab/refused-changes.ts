import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { diffArrays, diffWordsWithSpace } from "diff";
import type * as Y from "yjs";
import { documentSchema } from "../editor/canonical";
import { readCover } from "../editor/cover";
import { BODY_FIELD } from "../editor/extensions";
import { plainText } from "../editor/plain-text";

/**
 * One piece of this device's work that the server did not accept. "added": words the device
 * had that the draft does not; "removed": words the device deleted that the draft still has.
 */
export interface RefusedPiece {
  kind: "added" | "removed";
  text: string;
  /**
   * Where, in the server's document (which the device shows after the reset): the index of the
   * body's text block it belongs beside (`block`), or the footnote (`note`, 0-based in reading
   * order), or the cover's field.
   */
  place: { part: "body"; block: number } | { part: "note"; note: number } | { part: "cover"; field: string };
}

/** Blocks per side past which the block diff gives up on pairing and compares wholes. */
const MAX_DIFF_BLOCKS = 20_000;

function readDoc(doc: Y.Doc) {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), documentSchema());
  return { ...plainText(root), cover: readCover(doc) as unknown as Record<string, unknown> };
}

/**
 * What `local` (this device's copy) holds that `server` (the draft as stored) does not, and the
 * other way round, as words a person can read and copy. Body blocks and notes are compared as
 * sequences (jsdiff's Myers diff), and a changed block word by word, so a sentence typed into a
 * paragraph shows as that sentence, not the whole paragraph.
 */
export function refusedChanges(local: Y.Doc, server: Y.Doc): RefusedPiece[] {
  const mine = readDoc(local);
  const theirs = readDoc(server);
  return [
    ...diffSequence(theirs.blocks, mine.blocks, (block) => ({ part: "body", block })),
    ...diffSequence(theirs.notes, mine.notes, (note) => ({ part: "note", note })),
    ...diffCover(theirs.cover, mine.cover),
  ];
}

function diffSequence(server: string[], local: string[], place: (index: number) => RefusedPiece["place"]): RefusedPiece[] {
  if (server.length > MAX_DIFF_BLOCKS || local.length > MAX_DIFF_BLOCKS) return wholeDifference(server, local, place);
  const pieces: RefusedPiece[] = [];
  const parts = diffArrays(server, local);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (!part.added && !part.removed) {
      at += part.count ?? part.value.length;
      continue;
    }
    const next = parts[i + 1];
    if (part.removed && next?.added) {
      // A block changed on this device: its words, paired block by block.
      const pairs = Math.min(part.value.length, next.value.length);
      for (let k = 0; k < pairs; k++) pieces.push(...diffWords(part.value[k]!, next.value[k]!, place(at + k)));
      part.value.slice(pairs).forEach((text, k) => nonEmpty(pieces, "removed", text, place(at + pairs + k)));
      next.value.slice(pairs).forEach((text) => nonEmpty(pieces, "added", text, place(Math.max(0, at + pairs - 1))));
      at += part.value.length;
      i += 1;
    } else if (part.removed) {
      part.value.forEach((text, k) => nonEmpty(pieces, "removed", text, place(at + k)));
      at += part.value.length;
    } else {
      // New blocks sit after the server's block before them (or before the first).
      part.value.forEach((text) => nonEmpty(pieces, "added", text, place(Math.max(0, at - 1))));
    }
  }
  return pieces;
}

function diffWords(server: string, local: string, place: RefusedPiece["place"]): RefusedPiece[] {
  const pieces: RefusedPiece[] = [];
  for (const change of diffWordsWithSpace(server, local)) {
    if (change.added) nonEmpty(pieces, "added", change.value, place);
    else if (change.removed) nonEmpty(pieces, "removed", change.value, place);
  }
  return pieces;
}

function diffCover(server: Record<string, unknown>, local: Record<string, unknown>): RefusedPiece[] {
  const pieces: RefusedPiece[] = [];
  for (const field of Object.keys(local)) {
    const mine = JSON.stringify(local[field] ?? "");
    if (mine === JSON.stringify(server[field] ?? "")) continue;
    const text = typeof local[field] === "string" ? (local[field] as string) : mine;
    nonEmpty(pieces, "added", text, { part: "cover", field });
  }
  return pieces;
}

/** Too many blocks to pair: every block of one side missing from the other, as a whole. */
function wholeDifference(server: string[], local: string[], place: (index: number) => RefusedPiece["place"]): RefusedPiece[] {
  const pieces: RefusedPiece[] = [];
  const theirs = new Set(server);
  const mine = new Set(local);
  local.forEach((text, i) => theirs.has(text) || nonEmpty(pieces, "added", text, place(Math.min(i, Math.max(0, server.length - 1)))));
  server.forEach((text, i) => mine.has(text) || nonEmpty(pieces, "removed", text, place(i)));
  return pieces;
}

function nonEmpty(pieces: RefusedPiece[], kind: RefusedPiece["kind"], text: string, place: RefusedPiece["place"]): void {
  if (text.trim()) pieces.push({ kind, text: text.trim(), place });
}

/** The refused work as plain text to copy: what was added, then what was deleted. */
export function refusedText(pieces: RefusedPiece[]): string {
  const added = pieces.filter((p) => p.kind === "added").map((p) => p.text);
  const removed = pieces.filter((p) => p.kind === "removed").map((p) => p.text);
  return [added.join("\n\n"), removed.length ? `Deleted on this device (still in the draft):\n${removed.join("\n\n")}` : ""].filter(Boolean).join("\n\n");
}
