/**
 * The cover block: the centred lines (or Word's Title and Subtitle paragraphs) a submission opens
 * with before its first heading — title, mechanism and session, State under review, submitting
 * organisations, contact, date. In Caucus the cover is a form kept beside the body
 * (core/editor/cover.ts), not body text, so those lines are taken out of the body and read into
 * the cover's fields (cover-fields.ts).
 */
import { readCoverFields, type CoverLine, type ImportedCover } from "./cover-fields";
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
  /** Top-level blocks removed from the start of the body (empty paragraphs included). */
  blocks: number;
  /** Of those, the paragraphs with text. */
  lines: number;
}

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
 * Takes the cover block off the start of `blocks` (in place): cover lines, and the empty
 * paragraphs before, between and just after them (the cover's spacing, meaningless once it is
 * gone), up to the first other block. `kinds` marks the paragraphs set like cover lines
 * (BodyContext.coverLines). Nothing is taken when no line with text is found.
 */
export function takeCover(blocks: Json[], kinds: Map<Json, CoverLineKind>): TakenCover {
  const found: CoverLine[] = [];
  let end = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const lines = paragraphLines(block);
    if (lines === null) break;
    if (!lines.length) continue;
    const kind = kinds.get(block);
    if (!kind) break;
    found.push({ kind, texts: lines });
    end = i + 1;
  }
  if (!found.length) return { cover: null, blocks: 0, lines: 0 };
  while (end < blocks.length && paragraphLines(blocks[end]!)?.length === 0) end += 1;
  blocks.splice(0, end);
  return { cover: readCoverFields(found), blocks: end, lines: found.length };
}
