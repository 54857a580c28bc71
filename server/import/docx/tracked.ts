/**
 * Word's tracked changes (issue 20), kept as suggestions rather than accepted. The accepted text
 * is the document as it was before the changes: deleted runs (w:del, w:moveFrom) are read as
 * ordinary text, inserted runs (w:ins, w:moveTo) are read aside, into the change's proposed
 * content, and a paragraph whose mark was inserted is joined to the next one, as it was before.
 *
 * Where each change stands in the accepted text is marked while the body is read by a few
 * noncharacters (U+FDD0–U+FDEF, which no text may hold: the reader removes any a file carries)
 * written into the text itself, so the marks travel with their words through everything that
 * reshapes the blocks afterwards (lists, quotations, typed numbers, the cover, the schema joining
 * runs). Once the document is built, takeMarkers finds them, notes their positions and removes
 * them.
 *
 * A change is a run of adjacent tracked runs and paragraph marks by one author, uninterrupted by
 * accepted text: a deletion, an insertion, or both (a replacement). Past MAX_SUGGESTIONS a file's
 * further changes are accepted as before (insertions kept, deletions dropped) and counted.
 */
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import type { Json } from "./inline";
import { readDate } from "./comments";
import { DEFAULT_LIMITS } from "./errors";
import type { XmlElement } from "./xml";

/** The most tracked changes one import keeps as suggestions; the rest are accepted and counted. */
export const MAX_SUGGESTIONS = DEFAULT_LIMITS.maxSuggestions;
const AUTHOR_MAX_CHARS = 200;

const START = 0xfdd0;
const END = 0xfdd1;
const DIGIT = 0xfde0;
/** Every noncharacter the marks are made of: stripped from the file's own text before any mark is written. */
export const NONCHARACTERS = /[\uFDD0-\uFDEF]/g;
const MARK = /[\uFDD0\uFDD1][\uFDE0-\uFDEF]{4}/g;

/** The mark written where change `id` starts (or ends): 5 characters, the id in four hex digits of U+FDE0…U+FDEF. */
function mark(kind: number, id: number): string {
  let digits = "";
  for (let shift = 12; shift >= 0; shift -= 4) digits += String.fromCharCode(DIGIT + ((id >> shift) & 15));
  return String.fromCharCode(kind) + digits;
}

/** The text without any mark (the cover's lines, which leave the body). */
export const withoutMarks = (text: string): string => text.replace(NONCHARACTERS, "");

/** The text of the leading text nodes of `content`, without marks: what a typed number or heading label is looked for in. */
export function leadingText(content: readonly Json[]): string {
  let text = "";
  for (const node of content) {
    if (node.type !== "text") break;
    text += node.text as string;
  }
  return withoutMarks(text);
}

/**
 * `content` without its first `count` characters (marks not counted): a typed number or label
 * taken off. A change inside them goes with them (its marks removed, it is counted as left out: a
 * renumbering tracked in a typed number means nothing once Caucus numbers); a change that only
 * starts before them (a paragraph inserted before this one) keeps its start, at the text's new
 * start. Marks are their own text nodes until the document is built (ChangeStream writes them so).
 */
export function withoutLeading(content: readonly Json[], count: number): Json[] {
  let remove = count;
  let removedAny = false;
  const leadingStarts: Json[] = [];
  const ended = new Set<string>();
  let rest: Json | null = null;
  let i = 0;
  for (; i < content.length && remove > 0; i++) {
    const node = content[i]!;
    if (node.type !== "text") break;
    const text = node.text as string;
    if (ONE_MARK.test(text)) {
      if (text.charCodeAt(0) === END) ended.add(text.slice(1));
      else if (!removedAny) leadingStarts.push(node);
      continue;
    }
    removedAny = true;
    if (text.length > remove) {
      rest = { ...node, text: text.slice(remove) };
      remove = 0;
    } else remove -= text.length;
  }
  return [...leadingStarts.filter((node) => !ended.has((node.text as string).slice(1))), ...(rest ? [rest] : []), ...content.slice(i)];
}
const ONE_MARK = /^[\uFDD0\uFDD1][\uFDE0-\uFDEF]{4}$/;

/** The block a piece of inserted content was written in (a paragraph or a heading), for the proposed content's paragraphs. */
export type PieceBlock = { type: string; attrs: Json };

/** Inserted inline content up to an inserted paragraph mark (or to the change's end), with the block it belongs to. */
export interface InsertedPiece {
  content: Json[];
  block: PieceBlock | null;
}

export interface TrackedChange {
  id: number;
  /** At most 200 characters, as Word wrote it; "" when the file names no author. */
  author: string;
  /** ISO 8601, or null when the file gives no readable date. */
  date: string | null;
  /** Whether accepted text (or a paragraph mark) lies between its start and end marks. */
  deletes: boolean;
  /** The inserted content, split at inserted paragraph marks: [] for a pure deletion. */
  pieces: InsertedPiece[];
  /** Inside a footnote or endnote. */
  inNote: boolean;
}

/** Every change of one file, and what could not be kept as one. */
export class TrackedChanges {
  readonly changes: TrackedChange[] = [];
  /** Changes past MAX_SUGGESTIONS, accepted. */
  overLimit = 0;
  /** Inserted paragraph marks Caucus could not undo (before a table, at a container's end): the split is kept. */
  marksAccepted = 0;
  /** Runs and paragraphs whose formatting change was tracked (w:rPrChange, w:pPrChange): the new formatting is kept. */
  formatting = 0;

  constructor(private readonly max = MAX_SUGGESTIONS) {}

  /** A new change, or null past the limit (counted). */
  open(element: XmlElement, inNote: boolean): TrackedChange | null {
    if (this.changes.length >= this.max) {
      this.overLimit += 1;
      return null;
    }
    const change: TrackedChange = { id: this.changes.length, author: authorOf(element), date: readDate(element.attrs["w:date"]), deletes: false, pieces: [], inNote };
    this.changes.push(change);
    return change;
  }
}

const authorOf = (element: XmlElement) => (element.attrs["w:author"] ?? "").trim().slice(0, AUTHOR_MAX_CHARS);

/**
 * The changes of one stream of text: the body, or one note. `out` is always the accepted content
 * being written where the event happens, so a mark lands at the right place.
 */
export class ChangeStream {
  private current: TrackedChange | null = null;
  /** The paragraph being read, for the pieces of inserted content written in it. */
  block: PieceBlock | null = null;
  /** Where the last paragraph's content went, to close a change still open at the end. */
  private last: Json[] | null = null;

  constructor(
    readonly registry: TrackedChanges,
    private readonly inNote: boolean
  ) {}

  /**
   * A w:del or w:ins (w:moveFrom, w:moveTo) begins here. Continues the open change when it is by
   * the same author (a replacement, or a change running on), else starts one. Null past the
   * limit: the caller accepts the change.
   */
  begin(element: XmlElement, kind: "delete" | "insert", out: Json[]): TrackedChange | null {
    const author = authorOf(element);
    let change = this.current;
    // Paragraphs inserted whole, then a deletion in the next one (a typed number renumbered): two changes, so each can be judged, and kept, alone.
    const afterInsertedParagraphs = change !== null && kind === "delete" && !change.deletes && change.pieces.length > 1 && change.pieces[change.pieces.length - 1]!.content.length === 0;
    if (!change || change.author !== author || afterInsertedParagraphs) {
      this.close(out);
      change = this.registry.open(element, this.inNote);
      if (!change) return null;
      out.push({ type: "text", text: mark(START, change.id) });
      this.current = change;
    }
    if (kind === "delete") change.deletes = true;
    else if (!change.pieces.length) change.pieces.push({ content: [], block: null });
    return change;
  }

  /** Where the open change's inserted content goes. */
  insertion(change: TrackedChange): Json[] {
    return change.pieces[change.pieces.length - 1]!.content;
  }

  /** Accepted text follows: the open change ends here. */
  accepted(out: Json[]): void {
    if (this.current) this.close(out);
  }

  /**
   * The paragraph whose content went to `out` ends with its mark: deleted or inserted by
   * `tracked` (its w:rPr's w:del or w:ins), or not tracked. An inserted mark is undone (the
   * paragraph joined to the next) only when `joinable`; returns whether it was. A deleted mark
   * with no paragraph after it in its container (before a table, a cell's last) joins nothing
   * and is not a change.
   */
  paragraphEnd(out: Json[], tracked: { element: XmlElement; kind: "delete" | "insert" } | null, joinable: boolean): boolean {
    this.last = out;
    if (tracked?.kind === "delete" && joinable) {
      this.begin(tracked.element, "delete", out);
      return false;
    }
    if (tracked?.kind === "insert") {
      const change = joinable ? this.begin(tracked.element, "insert", out) : null;
      if (!change) {
        if (!joinable) this.registry.marksAccepted += 1;
        this.close(out);
        return false;
      }
      change.pieces[change.pieces.length - 1]!.block = this.block;
      change.pieces.push({ content: [], block: null });
      return true;
    }
    this.close(out);
    return false;
  }

  /** A table cell begins or ends: no change runs from one cell into another (a deleted row is a deletion in each cell). */
  boundary(): void {
    if (this.last) this.close(this.last);
    this.current = null;
  }

  /** The stream is read: a change still open (a deleted last paragraph mark) ends at the last paragraph's end. */
  finish(): void {
    if (this.last) this.close(this.last);
    this.current = null;
  }

  private close(out: Json[]): void {
    const change = this.current;
    if (!change) return;
    const piece = change.pieces[change.pieces.length - 1];
    if (piece && !piece.block) piece.block = this.block;
    if (change.deletes) out.push({ type: "text", text: mark(END, change.id) });
    this.current = null;
  }
}

/** The tracked mark of a paragraph (w:pPr/w:rPr/w:ins or w:del, or a move), if any. */
export function paragraphMarkChange(pPr: XmlElement | undefined): { element: XmlElement; kind: "delete" | "insert" } | null {
  const rPr = pPr?.children.find((c): c is XmlElement => typeof c !== "string" && c.name === "w:rPr");
  for (const node of rPr?.children ?? []) {
    if (typeof node === "string") continue;
    if (node.name === "w:del" || node.name === "w:moveFrom") return { element: node, kind: "delete" };
    if (node.name === "w:ins" || node.name === "w:moveTo") return { element: node, kind: "insert" };
  }
  return null;
}

/** Where each change's marks stood in the document once they are removed: start and end positions by change id. */
export type MarkPositions = Map<number, { from: number | null; to: number | null }>;

/**
 * Finds the marks in `doc`, notes the position each stands at in the document without them, and
 * returns that document. Text nodes left empty disappear; runs the marks separated join again.
 */
export function takeMarkers(doc: PMNode, schema: Schema): { doc: PMNode; positions: MarkPositions } {
  const positions: MarkPositions = new Map();
  let removed = 0;
  let any = false;
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const text = node.text!;
    for (const found of text.matchAll(MARK)) {
      any = true;
      const at = pos + found.index - removed;
      removed += found[0].length;
      const kind = found[0].charCodeAt(0);
      let id = 0;
      for (let i = 1; i < 5; i++) id = id * 16 + (found[0].charCodeAt(i) - DIGIT);
      // A mark can be lost with its words (the cover, a typed number removed): an end without its start places nothing.
      const entry = positions.get(id) ?? { from: null, to: null };
      if (kind === START) entry.from = at;
      else entry.to = at;
      positions.set(id, entry);
    }
    return false;
  });
  if (!any) return { doc, positions };
  const strip = (json: Json): Json | null => {
    if (json.type === "text") {
      const text = (json.text as string).replace(MARK, "");
      return text ? { ...json, text } : null;
    }
    if (!Array.isArray(json.content)) return json;
    return { ...json, content: (json.content as Json[]).map(strip).filter((c): c is Json => c !== null) };
  };
  return { doc: schema.nodeFromJSON(strip(doc.toJSON() as Json)), positions };
}
