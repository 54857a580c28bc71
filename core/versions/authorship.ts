import type { Node as PMNode } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { documentSchema } from "../editor/canonical";
import { BODY_FIELD } from "../editor/extensions";
import { documentBlocks } from "./blocks";
import type { Authorship } from "./contract";

/** Characters with the Yjs client that wrote them; null when nobody can be named. */
interface Piece {
  length: number;
  client: number | null;
}

/** One readable block as the Y.Doc holds it: its text and who wrote each piece. */
interface YBlock {
  text: string;
  pieces: Piece[];
}

/** The client that created an item (an element, a map entry), or null when it is gone. */
const creator = (item: Y.Item | null | undefined): number | null => (item && !item.deleted ? item.id.client : null);

/**
 * A Y.XmlText's live characters by client. Marks are format items (no text). Any other content
 * (an embed) makes y-prosemirror drop the whole text when it reads the document, so it reads as
 * nothing here too (as core/checks/attribution.ts reads it).
 */
function textPieces(text: Y.XmlText, into: YBlock): void {
  const own: YBlock = { text: "", pieces: [] };
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    if (item.content instanceof Y.ContentString) {
      own.text += item.content.str;
      own.pieces.push({ length: item.content.str.length, client: item.id.client });
    } else if (!(item.content instanceof Y.ContentFormat)) return;
  }
  into.text += own.text;
  into.pieces.push(...own.pieces);
}

function add(into: YBlock, text: string, client: number | null): void {
  into.text += text;
  into.pieces.push({ length: text.length, client });
}

/** A string attribute's text, credited to whoever set it; absent: the schema's default, which nobody typed. */
function attribute(element: Y.XmlElement, key: string, into: YBlock): void {
  const value = element.getAttribute(key) as unknown;
  if (value === undefined) add(into, String(documentSchema().nodes[element.nodeName]?.spec.attrs?.[key]?.default ?? ""), null);
  else add(into, String(value ?? ""), creator(element._map.get(key)));
}

/** Any element's text content, as ProseMirror's textContent reads an unknown inline node. */
function descendants(element: Y.XmlElement, into: YBlock): void {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) textPieces(child, into);
    else if (child instanceof Y.XmlElement) descendants(child, into);
  }
}

/** Inline content as core/editor inlineText reads it; footnotes set aside in `notes`. */
function inline(element: Y.XmlElement, notes: Y.XmlElement[]): YBlock {
  const block: YBlock = { text: "", pieces: [] };
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) textPieces(child, block);
    else if (!(child instanceof Y.XmlElement) || !documentSchema().nodes[child.nodeName]) continue;
    else if (child.nodeName === "hardBreak") add(block, "\n", creator(child._item));
    else if (child.nodeName === "footnote") notes.push(child);
    else if (child.nodeName === "citation") attribute(child, "label", block);
    else descendants(child, block);
  }
  return block;
}

/** The Y.Doc's readable blocks in blocks.ts's order (documentBlocks), with who wrote what. */
function yBlocks(doc: Y.Doc): YBlock[] {
  const schema = documentSchema();
  const blocks: YBlock[] = [];
  const pushNotes = (notes: readonly Y.XmlElement[]) => {
    for (const note of notes) blocks.push(inline(note, []));
  };
  const visit = (element: Y.XmlElement) => {
    const type = schema.nodes[element.nodeName];
    if (!type) return;
    if (element.nodeName === "recommendation") {
      const block: YBlock = { text: "", pieces: [] };
      attribute(element, "text", block);
      blocks.push(block);
      pushNotes(element.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement && child.nodeName === "footnote"));
    } else if (type.isTextblock) {
      const notes: Y.XmlElement[] = [];
      blocks.push(inline(element, notes));
      pushNotes(notes);
    } else {
      for (const child of element.toArray()) if (child instanceof Y.XmlElement) visit(child);
    }
  };
  for (const top of doc.getXmlFragment(BODY_FIELD).toArray()) if (top instanceof Y.XmlElement) visit(top);
  return blocks;
}

/**
 * Who wrote each character of a draft's text: for each block of documentBlocks(the canonical
 * document), in that order, runs of [index into `clients`, characters] over exactly the
 * characters of the block's text. `userOfClient` names the user behind a Yjs client id (the
 * server's draft_clients); identical users share one index, and characters nobody can be named
 * for (a line break's or a citation's default, the template's text) have the index of null.
 *
 * The Y.Doc is walked in the same order as documentBlocks walks the document. Should the
 * reader have dropped something the walk sees (content the schema refuses), blocks are matched
 * by their text and a block with no match is credited to nobody: the runs of block i always add
 * up to the length of block i's text. Pass `canonical` when the caller has already read the
 * document (yXmlFragmentToProseMirrorRootNode), to read it once.
 */
export function authorshipOf(ydoc: Y.Doc, userOfClient: (clientId: number) => string | null, canonical?: PMNode): Authorship {
  const doc = canonical ?? yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), documentSchema());
  const expected = documentBlocks(doc);
  const found = yBlocks(ydoc);

  const clients: Array<string | null> = [];
  const indexOfUser = new Map<string | null, number>();
  const userIndex = new Map<number | null, number>();
  const indexOf = (client: number | null): number => {
    let index = userIndex.get(client);
    if (index !== undefined) return index;
    const user = client === null ? null : userOfClient(client);
    index = indexOfUser.get(user);
    if (index === undefined) {
      index = clients.length;
      clients.push(user);
      indexOfUser.set(user, index);
    }
    userIndex.set(client, index);
    return index;
  };
  const runsOf = (pieces: readonly Piece[]): Array<[number, number]> => {
    const runs: Array<[number, number]> = [];
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      const index = indexOf(piece.client);
      const last = runs[runs.length - 1];
      if (last && last[0] === index) last[1] += piece.length;
      else runs.push([index, piece.length]);
    }
    return runs;
  };

  const unknown = (text: string): Array<[number, number]> => (text.length > 0 ? [[indexOf(null), text.length]] : []);
  const blocks: Array<Array<[number, number]>> = [];
  if (found.length === expected.length) {
    // The usual case: block i is block i; one whose text differs is credited to nobody.
    expected.forEach((block, i) => blocks.push(found[i]!.text === block.text ? runsOf(found[i]!.pieces) : unknown(block.text)));
  } else {
    // The walk saw blocks the reader dropped (or the reverse): match each block with the next
    // Y block of the same text, in order.
    let next = 0;
    for (const block of expected) {
      let match = next;
      while (match < found.length && found[match]!.text !== block.text) match += 1;
      if (match < found.length) {
        blocks.push(runsOf(found[match]!.pieces));
        next = match + 1;
      } else blocks.push(unknown(block.text));
    }
  }
  return { clients, blocks };
}
