import type { Node as PMNode } from "@tiptap/pm/model";
import { blank, findUrls } from "../citations/footnote-parts";
import { footnoteToSource } from "../citations/footnote-to-source";
import { findUnSymbols } from "../citations/un-symbol";
import { computeNumbering, inlineText } from "../editor";
import type { FindingLocation } from "./finding";

/** One footnote as the footnote rules read it. */
export interface NoteView {
  node: PMNode;
  /** Position of the marker (the footnote node) in the document. */
  pos: number;
  /** Its number as the reader sees it (1, 2, 3 … in reading order). */
  number: number;
  id: string | undefined;
  /** Only what was typed: text and line breaks, without citation labels. */
  typed: string;
  /** What the note reads as: typed text with the citations' labels. */
  text: string;
  citations: Array<{ pos: number; sourceId: string | null; label: string; pinpoint: string }>;
  /** Typed "Ibid." / "Id." (optionally after "See"), or null. */
  ibid: RegExpExecArray | null;
  /** How many sources the note cites; an Ibid. cites what the note before it cites. */
  sources: number;
}

// "Ibid", "ibid.", "IBID.,", "Id." and "See ibid." — the rest (a pinpoint) may follow.
const IBID = /^\s*(?:see\s+)?(?:ibid\b\.?|id\.)/i;
const PROVENANCE = { source: "footnote check", licence: null, retrievedAt: null };

export const noteLocation = (note: NoteView): FindingLocation => ({
  from: note.pos,
  to: note.pos + note.node.nodeSize,
  ...(note.id ? { footnoteId: note.id } : {}),
});

/** Whitespace and case folded, final full stop dropped: how two notes are compared. */
export const normaliseNote = (text: string) => text.replace(/\s+/g, " ").trim().replace(/[.\s]+$/, "").toLowerCase();

/** The note's references split at top-level semicolons ("A, para. 2; B, p. 3"), ignoring empty pieces. */
function topLevelReferences(text: string): number {
  let depth = 0;
  let count = 0;
  let piece = "";
  const close = () => {
    if (/\p{L}{2}/u.test(piece)) count += 1;
    piece = "";
  };
  for (const c of text) {
    if (c === "(" || c === "[") depth += 1;
    else if ((c === ")" || c === "]") && depth > 0) depth -= 1;
    if (c === ";" && depth === 0) close();
    else piece += c;
  }
  close();
  return count;
}

/**
 * How many sources a typed note cites: several when it has several references separated by
 * semicolons or several UN symbols outside brackets (a symbol in brackets names a report the
 * cited document is about); one when footnoteToSource finds a source or it points at another
 * note (supra, a short form); none for commentary alone.
 */
export function typedSourceCount(text: string): number {
  if (!text.trim()) return 0;
  // A URL's path holds symbol-like strings ("symbolno=CCPR%2fC%2f21"): read symbols without them.
  const masked = blank(text, findUrls(text));
  const symbols = new Set(
    findUnSymbols(masked)
      .filter((s) => masked[masked.indexOf(s.input.trim()) - 1] !== "(")
      .map((s) => s.normalised),
  );
  const references = topLevelReferences(masked);
  const reading = footnoteToSource(text, PROVENANCE);
  const one = reading.source || reading.pointer || symbols.size > 0 || /\brecommendations?\s+\d/i.test(text) ? 1 : 0;
  return Math.max(one, symbols.size, one && references > 1 ? references : 0);
}

/** Every footnote in reading order, with what the rules need to know about it. */
export function readNotes(doc: PMNode): NoteView[] {
  const numbers = computeNumbering(doc).footnotes;
  const notes: NoteView[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== "footnote") return true;
    let typed = "";
    const citations: NoteView["citations"] = [];
    node.forEach((child, offset) => {
      if (child.isText) typed += child.text ?? "";
      else if (child.type.name === "hardBreak") typed += "\n";
      else if (child.type.name === "citation") {
        const attrs = child.attrs as { sourceId: string | null; label: string; pinpoint: string };
        citations.push({ pos: pos + 1 + offset, sourceId: attrs.sourceId, label: attrs.label ?? "", pinpoint: attrs.pinpoint ?? "" });
      }
    });
    const ibid = citations.length === 0 ? IBID.exec(typed) : null;
    const previous = notes.at(-1);
    const cited = new Set(citations.map((c) => c.sourceId ?? `label:${c.label}`)).size;
    // Typed text beside citation nodes ("See also", "and") is read as the writer's words, not a source.
    const sources = ibid ? (previous?.sources ?? 0) : cited || typedSourceCount(typed);
    notes.push({
      node,
      pos,
      number: numbers.get(pos) ?? notes.length + 1,
      id: node.attrs.id ? String(node.attrs.id) : undefined,
      typed,
      text: inlineText(node).text,
      citations,
      ibid,
      sources,
    });
    return false;
  });
  return notes;
}
