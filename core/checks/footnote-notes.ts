import type { Node as PMNode } from "@tiptap/pm/model";
import { blank, findUrls, type Span } from "../citations/footnote-parts";
import { footnoteToSource } from "../citations/footnote-to-source";
import { findUnSymbols } from "../citations/un-symbol";
import { inlineText } from "../editor";
import type { FindingLocation } from "./finding";
import { memoByNode } from "./node-memo";

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
export function normaliseNote(text: string): string {
  const folded = text.replace(/\s+/g, " ").trim();
  // Trimmed by hand: /[.\s]+$/ retries at every space of the note, which is slow on long notes.
  let end = folded.length;
  while (end > 0 && (folded[end - 1] === "." || folded[end - 1] === " ")) end -= 1;
  return folded.slice(0, end).toLowerCase();
}

/** The note's references split at top-level semicolons ("A, para. 2; B, p. 3"), ignoring empty pieces. */
function topLevelReferences(text: string): number {
  let depth = 0;
  let count = 0;
  let start = 0;
  const close = (end: number) => {
    if (/\p{L}{2}/u.test(text.slice(start, end))) count += 1;
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "[") depth += 1;
    else if ((c === ")" || c === "]") && depth > 0) depth -= 1;
    else if (c === ";" && depth === 0) close(i);
  }
  close(text.length);
  return count;
}

/**
 * How many sources a typed note cites: several when it has several references separated by
 * semicolons or several UN symbols outside brackets (a symbol in brackets names a report the
 * cited document is about); one when footnoteToSource finds a source or it points at another
 * note (supra, a short form); none for commentary alone.
 */
export function typedSourceCount(text: string, urls: readonly Span[] = findUrls(text)): number {
  if (!text.trim()) return 0;
  // A URL's path holds symbol-like strings ("symbolno=CCPR%2fC%2f21"): read symbols without them.
  const masked = blank(text, urls);
  const symbols = new Set(
    findUnSymbols(masked)
      .filter((s) => masked[masked.indexOf(s.input.trim()) - 1] !== "(")
      .map((s) => s.normalised),
  );
  const references = topLevelReferences(masked);
  // Reading the note as a source is the slow part (~80 µs): only when nothing cheaper decides.
  // A note with an address always reads as a source (footnoteToSource keeps any URL's note).
  const citesSomething = () => {
    const reading = footnoteToSource(text, PROVENANCE);
    return Boolean(reading.source || reading.pointer);
  };
  const one = symbols.size > 0 || urls.length > 0 || /\brecommendations?\s+\d/i.test(text) || citesSomething() ? 1 : 0;
  return Math.max(one, symbols.size, one && references > 1 ? references : 0);
}

export interface NoteFacts {
  typed: string;
  text: string;
  /** Citations at offsets inside the note (add the note's position + 1). */
  citations: Array<{ offset: number; sourceId: string | null; label: string; pinpoint: string }>;
  ibid: RegExpExecArray | null;
  /** The web addresses typed in the note. */
  urls: Span[];
  /** Sources cited when the note is not an Ibid. (an Ibid. cites what the note before cites). */
  ownSources: number;
}

/** What a note says, read once per note node: unchanged notes are not read again after an edit. */
export const factsOf = memoByNode((node): NoteFacts => {
  let typed = "";
  const citations: NoteFacts["citations"] = [];
  node.forEach((child, offset) => {
    if (child.isText) typed += child.text ?? "";
    else if (child.type.name === "hardBreak") typed += "\n";
    else if (child.type.name === "citation") {
      const attrs = child.attrs as { sourceId: string | null; label: string; pinpoint: string };
      citations.push({ offset, sourceId: attrs.sourceId, label: attrs.label ?? "", pinpoint: attrs.pinpoint ?? "" });
    }
  });
  const ibid = citations.length === 0 ? IBID.exec(typed) : null;
  const cited = new Set(citations.map((c) => c.sourceId ?? `label:${c.label}`)).size;
  // Typed text beside citation nodes ("See also", "and") is read as the writer's words, not a source.
  const urls = findUrls(typed);
  const ownSources = ibid ? 0 : cited || typedSourceCount(typed, urls);
  return { typed, text: inlineText(node).text, citations, ibid, urls, ownSources };
});

/** Footnotes inside one top-level block, at offsets from the block (as perBlock counts them). */
const notesInBlock = memoByNode((block) => {
  const found: Array<{ node: PMNode; offset: number }> = [];
  block.descendants((node, offset) => {
    if (node.type.name !== "footnote") return true;
    found.push({ node, offset: 1 + offset });
    return false;
  });
  return found;
});

/** Every footnote in reading order, with what the rules need to know about it. */
export function readNotes(doc: PMNode): NoteView[] {
  const notes: NoteView[] = [];
  doc.forEach((block, blockOffset) => {
    for (const { node, offset } of notesInBlock(block)) {
      const pos = blockOffset + offset;
      const facts = factsOf(node);
      const previous = notes.at(-1);
      notes.push({
        node,
        pos,
        number: notes.length + 1,
        id: node.attrs.id ? String(node.attrs.id) : undefined,
        typed: facts.typed,
        text: facts.text,
        citations: facts.citations.map((c) => ({ pos: pos + 1 + c.offset, sourceId: c.sourceId, label: c.label, pinpoint: c.pinpoint })),
        ibid: facts.ibid,
        sources: facts.ibid ? (previous?.sources ?? 0) : facts.ownSources,
      });
    }
  });
  return notes;
}
