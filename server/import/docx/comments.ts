/**
 * Word comments: where each one starts and what it quotes, collected while the body is read;
 * then their text, author, date, and the threading Word 2013 and later keep beside them in
 * commentsExtended.xml (which comment a reply answers, and whether a thread was resolved).
 */
import { elements, textContent, type XmlElement } from "./xml";

export interface ImportedComment {
  author: string;
  text: string;
  /** When Word says it was written (ISO 8601), or null when the file gives no readable date. */
  date: string | null;
  /** Index in the list of the comment this one replies to; replies follow their thread's first comment. */
  replyTo: number | null;
  /** Word marked the thread resolved ("done"). */
  resolved: boolean;
  quotedText: string;
  /**
   * Index of the top-level block the comment starts in, and the character offset (text
   * characters only) in its paragraph; in a quotation of several paragraphs (a blockquote), from
   * the quotation's start. In a list or table, the offset is in the item's or cell's paragraph.
   */
  anchor: { paragraphIndex: number; offset: number } | null;
}

/** Collects each comment's anchor and quoted text while the body is read. */
export class Comments {
  private readonly anchors = new Map<string, { paragraphIndex: number; offset: number; quote: string; open: boolean }>();
  paragraphIndex = 0;

  start(id: string, offset: number): void {
    if (!this.anchors.has(id)) this.anchors.set(id, { paragraphIndex: this.paragraphIndex, offset, quote: "", open: true });
  }

  end(id: string): void {
    const anchor = this.anchors.get(id);
    if (anchor) anchor.open = false;
  }

  text(value: string): void {
    for (const anchor of this.anchors.values()) if (anchor.open) anchor.quote += value;
  }

  /** A new paragraph began: a quote spanning paragraphs keeps the break. */
  paragraph(): void {
    for (const anchor of this.anchors.values()) if (anchor.open && anchor.quote) anchor.quote += "\n";
  }

  /**
   * The comments, offsets shifted where a typed paragraph number or heading label was removed
   * (`stripped`: block index in the final document → characters), block indices shifted down past
   * the `coverBlocks` blocks taken off the body's start. A comment that began in the cover has no
   * anchor left in the body (null), only its quote. `extended` is commentsExtended.xml, if any.
   */
  list(root: XmlElement | null, extended: XmlElement | null, stripped: Map<number, number>, coverBlocks = 0): ImportedComment[] {
    const nodes = (root ? elements(root) : []).filter((c) => c.name === "w:comment");
    const threading = readThreading(extended);
    // A comment is known in commentsExtended.xml by the paraId of its last paragraph.
    const paraIds = nodes.map((c) => elements(c).filter((p) => p.name === "w:p").at(-1)?.attrs["w14:paraId"] ?? "");
    const byParaId = new Map(paraIds.map((paraId, i) => [paraId, i]));
    return nodes.map((c, i) => {
      const anchor = this.anchors.get(c.attrs["w:id"] ?? "");
      const index = anchor ? anchor.paragraphIndex - coverBlocks : -1;
      const text = elements(c)
        .filter((p) => p.name === "w:p")
        .map((p) => paragraphText(p))
        .join("\n")
        .trim();
      const thread = paraIds[i] ? threading.get(paraIds[i]) : undefined;
      const parent = thread?.parent ? byParaId.get(thread.parent) : undefined;
      return {
        author: c.attrs["w:author"] ?? "",
        text,
        date: readDate(c.attrs["w:date"]),
        // A reply to itself or to a later comment is a broken file, not a thread.
        replyTo: parent !== undefined && parent < i ? parent : null,
        resolved: thread?.done ?? false,
        quotedText: anchor?.quote ?? "",
        anchor: anchor && index >= 0 ? { paragraphIndex: index, offset: Math.max(0, anchor.offset - (stripped.get(index) ?? 0)) } : null,
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

function readDate(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** A comment paragraph's visible text (its w:t runs, not deleted text or field codes). */
function paragraphText(p: XmlElement): string {
  let out = "";
  const walk = (node: XmlElement) => {
    for (const c of elements(node)) {
      if (c.name === "w:t") out += textContent(c);
      else if (c.name !== "w:del" && c.name !== "w:instrText") walk(c);
    }
  };
  walk(p);
  return out;
}
