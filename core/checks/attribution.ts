import * as Y from "yjs";
import { documentSchema } from "../editor/canonical";
import { BODY_FIELD } from "../editor/extensions";
import { forEachWordStart, type CountingRule } from "./word-count";

/** The counted words of a draft by the Yjs client that wrote them. */
export interface WordsByClient {
  /** Client id → words whose first letter or digit that client typed. */
  byClient: Map<number, number>;
  /** Counted words no client can be named for (an attribute left at its schema default). */
  unattributed: number;
  /** Every counted word: equals countDocumentWords(the canonical document, rule).counted. */
  total: number;
}

type Part = "body" | "headings" | "tables" | "footnotes";

/** Text with who wrote it; `client` null when nobody can be named. */
interface Piece {
  text: string;
  client: number | null;
}

/**
 * Counts `pieces` as countWords counts their concatenation (one run may span pieces: "rights"
 * typed by one person and "-based" by another is one word) and credits each word to whoever
 * wrote its first letter or digit, or its East Asian character: the scan countWords counts with.
 */
function creditWords(pieces: readonly Piece[], credit: (client: number | null) => void): void {
  const text = pieces.map((p) => p.text).join("");
  let piece = 0;
  let pieceEnd = pieces[0]?.text.length ?? 0;
  const ownerAt = (index: number) => {
    while (index >= pieceEnd && piece + 1 < pieces.length) pieceEnd += pieces[++piece]!.text.length;
    return pieces[piece]!.client;
  };
  forEachWordStart(text, (start) => credit(ownerAt(start)));
}

/**
 * A Y.XmlText's live characters by the client of each item. Marks are format items (no text).
 * Any other content (an embed) makes y-prosemirror drop the whole text when it reads the
 * document, so it counts nothing here either.
 */
function textPieces(text: Y.XmlText, into: Piece[]): void {
  const own: Piece[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentString) own.push({ text: item.content.str, client: item.id.client });
    else if (!(item.content instanceof Y.ContentFormat)) return;
  }
  into.push(...own);
}

/** A string attribute's text, credited to whoever set it (inserted the node or refreshed it). */
function attributePiece(element: Y.XmlElement, key: string): Piece {
  const value = element.getAttribute(key) as unknown;
  // Absent in the Y.Doc: the reader uses the schema's default, which nobody typed.
  if (value === undefined) return { text: String(documentSchema().nodes[element.nodeName]?.spec.attrs?.[key]?.default ?? ""), client: null };
  const item = element._map.get(key);
  return { text: String(value ?? ""), client: item && !item.deleted ? item.id.client : null };
}

/** Any element's text content, as ProseMirror's textContent reads an unknown inline node. */
function descendantPieces(element: Y.XmlElement, into: Piece[]): void {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) textPieces(child, into);
    else if (child instanceof Y.XmlElement) descendantPieces(child, into);
  }
}

/**
 * A textblock's inline content as core/editor inlineText reads it: text, a line break, a
 * citation's label; footnotes set aside in `notes` (their words are counted apart).
 */
function inlinePieces(element: Y.XmlElement, notes: Y.XmlElement[] | null): Piece[] {
  const pieces: Piece[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) textPieces(child, pieces);
    else if (!(child instanceof Y.XmlElement) || !documentSchema().nodes[child.nodeName]) continue;
    else if (child.nodeName === "hardBreak") pieces.push({ text: "\n", client: null });
    else if (child.nodeName === "footnote") notes?.push(child);
    else if (child.nodeName === "citation") pieces.push(attributePiece(child, "label"));
    else descendantPieces(child, pieces);
  }
  return pieces;
}

/**
 * The counted words of a draft's body by the Yjs client that wrote each word, under a
 * template's counting rule. Walks the Y.Doc the way countDocumentWords walks the canonical
 * document (word-count.ts tallyBlock): body text always; headings, tables and footnotes as the
 * rule says; a recommendation's words are its `text` attribute, credited to whoever set it.
 * A word belongs to the client who typed its first letter or digit. Reads only: the walk never
 * changes the document. Elements the schema does not know are skipped, as the reader drops them.
 */
export function countWordsByClient(doc: Y.Doc, rule: CountingRule): WordsByClient {
  const schema = documentSchema();
  const result: WordsByClient = { byClient: new Map(), unattributed: 0, total: 0 };
  const counts = (part: Part) => part === "body" || rule[part];
  const credit = (client: number | null) => {
    result.total += 1;
    if (client === null) result.unattributed += 1;
    else result.byClient.set(client, (result.byClient.get(client) ?? 0) + 1);
  };
  const countNotes = (notes: readonly Y.XmlElement[]) => {
    if (!rule.footnotes) return;
    for (const note of notes) creditWords(inlinePieces(note, null), credit);
  };
  const directNotes = (element: Y.XmlElement) =>
    element.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === "footnote");

  const visit = (element: Y.XmlElement, inTable: boolean) => {
    const type = schema.nodes[element.nodeName];
    if (!type) return;
    const part: Part = element.nodeName === "heading" ? "headings" : inTable ? "tables" : "body";
    if (element.nodeName === "recommendation") {
      if (counts(part)) creditWords([attributePiece(element, "text")], credit);
      countNotes(directNotes(element));
    } else if (type.isTextblock) {
      const notes: Y.XmlElement[] = [];
      const pieces = inlinePieces(element, notes);
      if (counts(part)) creditWords(pieces, credit);
      countNotes(notes);
    } else {
      for (const child of element.toArray()) {
        if (child instanceof Y.XmlElement) visit(child, inTable || element.nodeName === "table");
      }
    }
  };
  for (const block of doc.getXmlFragment(BODY_FIELD).toArray()) {
    if (block instanceof Y.XmlElement) visit(block, false);
  }
  return result;
}
