/**
 * The cover block: the lines a submission opens with before its first heading or numbered
 * paragraph — title, subtitle, mechanism and session, State under review, submitting
 * organisations, contact, address, telephone, e-mail, web, date — whether set as a cover (centred,
 * Word's Title and Subtitle) or as short plain lines. In Caucus the cover is a form kept beside
 * the body (core/editor/cover.ts), not body text the template counts, so those lines are taken
 * out of the body and read into the cover's fields (cover-fields.ts); each line lands in one.
 */
import { classify, readCoverFields, type CoverLine, type ImportedCover } from "./cover-fields";
import type { Json } from "./inline";
import { withoutMarks } from "./tracked";

export type { ImportedCover } from "./cover-fields";

/** How a paragraph is set that makes it a cover line. */
export type CoverLineKind = "title" | "subtitle" | "centred";

/** A plain line is a cover line when a field plainly takes it, or when it is short and not a sentence. */
const SHORT_LINE = { words: 15, characters: 150 };

function looksLikeCoverLine(line: string): boolean {
  if (classify(line) !== null) return true;
  return line.split(/\s+/).length <= SHORT_LINE.words && line.length <= SHORT_LINE.characters && !/[.;!?]$/.test(line);
}

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
    // Without the marks of tracked changes (tracked.ts): a change in the cover has no place in the body.
    if (node.type === "text") lines[lines.length - 1] += withoutMarks(node.text as string);
    else if (node.type === "hardBreak") lines.push("");
    else return null;
  }
  return lines.map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
}

/**
 * Takes the cover block out of `blocks` (in place). The cover block is the paragraphs at the
 * body's start set like cover lines (`kinds`: BodyContext.coverLines) or made of short plain
 * lines, with the empty paragraphs before, between and just after them, up to the first other
 * block (a heading, a numbered paragraph, a list, a sentence). It is taken only when something
 * in it is plainly a cover — a line set as one, or one a field takes ("By …", an e-mail, a date) —
 * so a document that opens with a short line of text keeps it. Every paragraph of it goes, each
 * line into a field (readCoverFields), and the empty paragraphs (the cover's spacing).
 */
export function takeCover(blocks: Json[], kinds: Map<Json, CoverLineKind>): TakenCover {
  const found: Array<CoverLine & { index: number; plain: boolean }> = [];
  let end = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const lines = paragraphLines(block);
    if (lines === null) break;
    if (!lines.length) continue;
    const kind = kinds.get(block);
    if (!kind && !lines.every(looksLikeCoverLine)) break;
    found.push({ kind: kind ?? "centred", texts: lines, index: i, plain: !kind });
    end = i + 1;
  }
  const plainlyCover = found.some((paragraph) => !paragraph.plain || paragraph.texts.some((text) => classify(text) !== null));
  if (!found.length || !plainlyCover) return { cover: null, place: unchanged, lines: 0 };
  while (end < blocks.length && paragraphLines(blocks[end]!)?.length === 0) end += 1;
  const cover = readCoverFields(found);
  const removed = new Set(found.map((paragraph) => paragraph.index));
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
  return { cover, place: (index) => (index < end ? (moved[index] ?? null) : index - removed.size), lines: paragraphs };
}
