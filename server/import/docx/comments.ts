/**
 * Word comments: where each one starts and what it quotes, collected while the body is read;
 * then their text, author, date, and the threading Word 2013 and later keep beside them in
 * commentsExtended.xml (which comment a reply answers, and whether a thread was resolved).
 */
import { COMMENT_MAX_CHARS, QUOTE_MAX_CHARS } from "../../../core/comments/contract";
import { elements, textContent, type XmlElement } from "./xml";

/** The most comments one import keeps (comments.xml's first ones); the rest are dropped and counted. */
export const MAX_COMMENTS = 2000;
const AUTHOR_MAX_CHARS = 200;
/** The dates a comment can carry: outside them a date is a broken file's (PostgreSQL refuses some). */
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

export interface ImportedComment {
  /** At most 200 characters. */
  author: string;
  /** At most COMMENT_MAX_CHARS characters. */
  text: string;
  /** When Word says it was written (ISO 8601), or null when the file gives no readable date between 1990 and 2100. */
  date: string | null;
  /** Index in the list of the comment this one replies to; replies follow their thread's first comment. */
  replyTo: number | null;
  /** Word marked the thread resolved ("done"). */
  resolved: boolean;
  /** At most QUOTE_MAX_CHARS characters: a range never closed stops there. */
  quotedText: string;
  /**
   * Index of the top-level block the comment starts in, and the character offset (text
   * characters only) in its paragraph; in a quotation of several paragraphs (a blockquote), from
   * the quotation's start. In a list or table, the index is the list's or table's and the offset
   * is in the item's or cell's paragraph.
   */
  anchor: { paragraphIndex: number; offset: number } | null;
}

interface Anchor {
  /** The top-level block it starts in, once that block is placed. */
  paragraphIndex: number | null;
  offset: number;
  quote: string;
}

/**
 * Collects each comment's anchor and quoted text while the body is read. Only the ids of
 * comments.xml's first MAX_COMMENTS comments are tracked, and text goes only to the ranges still
 * open whose quote is not yet full, so a file of unclosed ranges costs at most
 * MAX_COMMENTS × QUOTE_MAX_CHARS characters.
 */
export class Comments {
  private readonly nodes: XmlElement[];
  /** Comments past MAX_COMMENTS, left out of the list. */
  readonly dropped: number;
  private readonly wanted: Set<string>;
  private readonly anchors = new Map<string, Anchor>();
  /** Id → anchor, for the ranges still collecting their quote. */
  private readonly open = new Map<string, Anchor>();
  /** Anchors started since the last block was placed. */
  private pending: Anchor[] = [];

  /** `root` is comments.xml, if any. */
  constructor(root: XmlElement | null) {
    const all = (root ? elements(root) : []).filter((c) => c.name === "w:comment");
    this.nodes = all.slice(0, MAX_COMMENTS);
    this.dropped = all.length - this.nodes.length;
    this.wanted = new Set(this.nodes.map((c) => c.attrs["w:id"] ?? ""));
  }

  start(id: string, offset: number): void {
    if (!this.wanted.has(id) || this.anchors.has(id)) return;
    const anchor: Anchor = { paragraphIndex: null, offset, quote: "" };
    this.anchors.set(id, anchor);
    this.open.set(id, anchor);
    this.pending.push(anchor);
  }

  end(id: string): void {
    this.open.delete(id);
  }

  text(value: string): void {
    for (const [id, anchor] of this.open) this.append(id, anchor, value);
  }

  /** A new paragraph began: a quote spanning paragraphs keeps the break. */
  paragraph(): void {
    for (const [id, anchor] of this.open) if (anchor.quote) this.append(id, anchor, "\n");
  }

  /** The paragraph or table just read landed in the top-level block at `index` (its own, or a list, quotation or table it joined). */
  placedAt(index: number): void {
    for (const anchor of this.pending) anchor.paragraphIndex = index;
    this.pending = [];
  }

  private append(id: string, anchor: Anchor, value: string): void {
    anchor.quote += value.slice(0, QUOTE_MAX_CHARS - anchor.quote.length);
    if (anchor.quote.length >= QUOTE_MAX_CHARS) this.open.delete(id);
  }

  /**
   * The comments, offsets shifted where a typed paragraph number or heading label was removed
   * (`stripped`: block index in the final document → characters). `place` maps a block index
   * as read to its index once the cover was taken out, null for a block taken out with it: a
   * comment that began there has no anchor left in the body, only its quote. `extended` is
   * commentsExtended.xml, if any.
   */
  list(extended: XmlElement | null, stripped: Map<number, number>, place: (index: number) => number | null = (index) => index): ImportedComment[] {
    const nodes = this.nodes;
    const threading = readThreading(extended);
    // A comment is known in commentsExtended.xml by the paraId of its last paragraph.
    const paraIds = nodes.map((c) => elements(c).filter((p) => p.name === "w:p").at(-1)?.attrs["w14:paraId"] ?? "");
    const byParaId = new Map(paraIds.map((paraId, i) => [paraId, i]));
    return nodes.map((c, i) => {
      const anchor = this.anchors.get(c.attrs["w:id"] ?? "");
      const index = anchor?.paragraphIndex == null ? null : place(anchor.paragraphIndex);
      const thread = paraIds[i] ? threading.get(paraIds[i]) : undefined;
      const parent = thread?.parent ? byParaId.get(thread.parent) : undefined;
      return {
        author: (c.attrs["w:author"] ?? "").slice(0, AUTHOR_MAX_CHARS),
        text: commentText(c),
        date: readDate(c.attrs["w:date"]),
        // A reply to itself or to a later comment is a broken file, not a thread.
        replyTo: parent !== undefined && parent < i ? parent : null,
        resolved: thread?.done ?? false,
        quotedText: anchor?.quote ?? "",
        anchor: anchor && index !== null ? { paragraphIndex: index, offset: Math.max(0, anchor.offset - (stripped.get(index) ?? 0)) } : null,
      };
    });
  }
}

/** paraId → the paraId it replies to, and whether Word marked it done. */
function readThreading(root: XmlElement | null): Map<string, { parent: string | null; done: boolean }> {
  const threading = new Map<string, { parent: string | null; done: boolean }>();
  for (const entry of root ? elements(root) : []) {
    if (entry.name !== "w15:commentEx" || !entry.attrs["w15:paraId"]) continue;
    threading.set(entry.attrs["w15:paraId"], { parent: entry.attrs["w15:paraIdParent"] ?? null, done: entry.attrs["w15:done"] === "1" });
  }
  return threading;
}

/** A Word date between 1990 and 2100 (ISO 8601), else null. */
export function readDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) && time >= EARLIEST && time <= LATEST ? new Date(time).toISOString() : null;
}

/**
 * A comment's visible text (its w:t runs, not deleted text or field codes), paragraphs joined by
 * line breaks, trimmed, and read no further than COMMENT_MAX_CHARS characters.
 */
function commentText(comment: XmlElement): string {
  let out = "";
  // Leading whitespace is trimmed as it comes, so it takes nothing from the budget.
  const add = (text: string) => {
    out = (out ? out + text : text.trimStart()).slice(0, COMMENT_MAX_CHARS);
  };
  const walk = (node: XmlElement) => {
    for (const c of elements(node)) {
      if (out.length >= COMMENT_MAX_CHARS) return;
      if (c.name === "w:t") add(textContent(c));
      else if (c.name !== "w:del" && c.name !== "w:instrText") walk(c);
    }
  };
  for (const p of elements(comment)) {
    if (p.name !== "w:p" || out.length >= COMMENT_MAX_CHARS) continue;
    add("\n");
    walk(p);
  }
  return out.trimEnd();
}
