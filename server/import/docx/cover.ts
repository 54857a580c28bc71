/**
 * The cover block: the centred lines (or Word's Title and Subtitle paragraphs) a submission opens
 * with before its first heading — title, mechanism and session, State under review, submitting
 * organisations, contact, date. In Caucus the cover is a form kept beside the body
 * (core/editor/cover.ts), not body text, so those lines are taken out of the body and read into
 * the cover's fields (cover-fields.ts). A paragraph with a line no field takes stays in the body.
 */
import { readCover, type CoverLine, type ImportedCover } from "./cover-fields";
import type { Json } from "./inline";

export type { ImportedCover } from "./cover-fields";

/** How a paragraph is set that makes it a cover line. */
export type CoverLineKind = "title" | "subtitle" | "centred";

/** Whether a paragraph is set like a cover line; a heading never is, whatever its alignment. */
export function coverLineKind(info: { heading: number | null; titleStyle: "title" | "subtitle" | null; centred: boolean }): CoverLineKind | null {
  if (info.heading) return null;
  return info.titleStyle ?? (info.centred ? "centred" : null);
}

export interface TakenCover {
  cover: ImportedCover | null;
  /** A top-level block's index as read → its index once the cover is out, or null for a block taken out. */
  place: (index: number) => number | null;
  /** Paragraphs with text taken out of the body. */
  lines: number;
}

const unchanged = (index: number) => index;

/**
 * The lines of an unnumbered paragraph (split at its line breaks, whitespace collapsed), or null
 * when the block is anything else or carries more than text — a footnote in a title is the
 * author's content, which a cover field could not keep, so such a paragraph stays in the body.
 */
function paragraphLines(block: Json): string[] | null {
  if (block.type !== "paragraph" || (block.attrs as Json | undefined)?.numbered === true) return null;
  const lines = [""];
  for (const node of (block.content as Json[] | undefined) ?? []) {
    if (node.type === "text") lines[lines.length - 1] += node.text as string;
    else if (node.type === "hardBreak") lines.push("");
    else return null;
  }
  return lines.map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
}

/**
 * Takes the cover block out of `blocks` (in place). The cover block is the cover lines at the
 * body's start, with the empty paragraphs before, between and just after them, up to the first
 * other block. Of it, the paragraphs whose every line a cover field took go, and the empty
 * paragraphs (the cover's spacing, meaningless once it is gone); a paragraph with a line no field
 * took stays where it was. `kinds` marks the paragraphs set like cover lines
 * (BodyContext.coverLines). Nothing is taken when no line with text is found.
 */
export function takeCover(blocks: Json[], kinds: Map<Json, CoverLineKind>): TakenCover {
  const found: Array<CoverLine & { index: number }> = [];
  let end = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const lines = paragraphLines(block);
    if (lines === null) break;
    if (!lines.length) continue;
    const kind = kinds.get(block);
    if (!kind) break;
    found.push({ kind, texts: lines, index: i });
    end = i + 1;
  }
  if (!found.length) return { cover: null, place: unchanged, lines: 0 };
  while (end < blocks.length && paragraphLines(blocks[end]!)?.length === 0) end += 1;
  const { cover, taken } = readCover(found);
  const removed = new Set<number>();
  const lines: string[] = [];
  let line = 0;
  for (const paragraph of found) {
    if (paragraph.texts.every((_, i) => taken[line + i])) {
      removed.add(paragraph.index);
      lines.push(...paragraph.texts);
    }
    line += paragraph.texts.length;
  }
  const paragraphs = removed.size;
  for (let i = 0; i < end; i++) if (paragraphLines(blocks[i]!)?.length === 0) removed.add(i);
  // Index as read → index after, for the cover block; blocks after it all move up by as many as were removed.
  const moved: Array<number | null> = [];
  let kept = 0;
  for (let i = 0; i < blocks.length; i++) {
    if (i < end) moved.push(removed.has(i) ? null : kept);
    if (i >= end || !removed.has(i)) blocks[kept++] = blocks[i]!;
  }
  blocks.length = kept;
  return { cover: { ...cover, lines }, place: (index) => (index < end ? (moved[index] ?? null) : index - removed.size), lines: paragraphs };
}
