import type { Node as PMNode } from "@tiptap/pm/model";
import { computeNumbering, NO_HEADING_NUMBERING, type HeadingNumbering } from "../editor/numbering";
import { inlineText } from "../editor/plain-text";

/**
 * What a readable block is: a body textblock (a paragraph, wherever it sits: top level, list
 * item, table cell), a heading, a footnote's text, or a quoted recommendation's frozen text.
 */
export type BlockRole = "body" | "heading" | "note" | "recommendation";

/** The paragraph or heading a block without a number of its own is named after. */
export type Landmark = { landmark: "para"; n: number } | { landmark: "heading"; text: string } | { landmark: "start" };

/**
 * Where a block is, as a person finds it on the page (the same places as the checks'
 * `checks.place.*` messages): "para. 12", "heading “II. Background”", "note 7", or for any
 * other block its top-level node's kind and the landmark before it ("list after para. 12").
 */
export type BlockPlace =
  | { kind: "para"; n: number }
  | { kind: "heading"; text: string }
  | { kind: "note"; n: number }
  | ({ kind: "block"; node: string } & Landmark);

export interface TextBlock {
  role: BlockRole;
  /** The block's text as a person reads it (core/editor inlineText): citations as their labels, "\n" for a line break, notes set apart. */
  text: string;
  /** The index of the top-level block it is in (a note: the block its marker is in). */
  topIndex: number;
  /** The top-level block's node type ("paragraph", "orderedList", "table", "recommendation" …). */
  container: string;
  /** Its paragraph number when it is a numbered top-level paragraph. */
  paragraph: number | null;
  /** Its label when it is a heading ("II.", or "" when its level is unnumbered). */
  heading: string | null;
  /** The number of the footnote when it is a note's text. */
  note: number | null;
  /** The footnote's id when it is a note's text (it survives edits; numbers do not). */
  footnoteId: string | null;
  /** The template section it is under (the nearest heading before it with a section, itself included). */
  section: string | null;
  place: BlockPlace;
}

const HEADING_TEXT_MAX = 60;
const shorten = (text: string) => (text.length > HEADING_TEXT_MAX ? `${text.slice(0, HEADING_TEXT_MAX - 1).trimEnd()}…` : text);

/**
 * THE order of a document's readable blocks, which versions' Authorship (authorship.ts) and
 * compare (compare.ts) share. A pre-order walk of the body:
 *  - a textblock (paragraph or heading, at the top level or inside a list, a table or a quote)
 *    is one block, its text read by inlineText; it is followed at once by the text of each
 *    footnote whose marker it holds, in the order of the markers;
 *  - a recommendation is one block (its frozen `text` attribute), followed by its footnote;
 *  - any other node is walked into, children in order.
 * So a note comes right after the paragraph that cites it, before the next block; notes are
 * numbered 1, 2, 3 … in this order, which is computeNumbering's reading order.
 */
export function documentBlocks(doc: PMNode, headingNumbering: HeadingNumbering = NO_HEADING_NUMBERING): TextBlock[] {
  const numbering = computeNumbering(doc, headingNumbering);
  const blocks: TextBlock[] = [];
  let section: string | null = null;
  let landmark: Landmark = { landmark: "start" };
  let notes = 0;

  doc.forEach((top, offset, topIndex) => {
    const container = top.type.name;
    const paragraph = numbering.paragraphs.get(offset) ?? null;
    const heading = numbering.headings.get(offset) ?? null;
    if (container === "heading" && top.attrs.section) section = String(top.attrs.section);
    let place: BlockPlace;
    if (paragraph !== null) {
      place = { kind: "para", n: paragraph };
      landmark = { landmark: "para", n: paragraph };
    } else if (heading !== null) {
      const text = shorten([heading, top.textContent.trim()].filter(Boolean).join(" "));
      place = { kind: "heading", text };
      landmark = { landmark: "heading", text };
    } else {
      place = { kind: "block", node: container, ...landmark };
    }
    const common = { topIndex, container, section };
    const pushNotes = (node: PMNode) => {
      node.forEach((child) => {
        if (child.type.name !== "footnote") return;
        notes += 1;
        blocks.push({
          ...common,
          role: "note",
          text: inlineText(child).text,
          paragraph: null,
          heading: null,
          note: notes,
          footnoteId: child.attrs.id ? String(child.attrs.id) : null,
          place: { kind: "note", n: notes },
        });
      });
    };
    const visit = (node: PMNode) => {
      const name = node.type.name;
      if (name === "recommendation") {
        blocks.push({ ...common, role: "recommendation", text: String(node.attrs.text ?? ""), paragraph: null, heading: null, note: null, footnoteId: null, place });
        pushNotes(node);
      } else if (node.isTextblock) {
        const own = node === top;
        blocks.push({
          ...common,
          role: name === "heading" ? "heading" : "body",
          text: inlineText(node).text,
          paragraph: own ? paragraph : null,
          heading: own && name === "heading" ? heading : null,
          note: null,
          footnoteId: null,
          place,
        });
        pushNotes(node);
      } else {
        node.forEach(visit);
      }
    };
    visit(top);
  });
  return blocks;
}
