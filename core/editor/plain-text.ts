import type { Node as PMNode } from "@tiptap/pm/model";

export interface PlainText {
  /** Each text block of the body (headings, paragraphs, cells, quoted recommendations), without notes. */
  blocks: string[];
  /** Each footnote's text, in document order. */
  notes: string[];
}

/**
 * The text of one textblock's inline content, with its footnotes set aside rather than read into
 * the sentence. The one reading of inline content: plain text and the word count both use it.
 */
export function inlineText(node: PMNode): { text: string; notes: string[] } {
  const notes: string[] = [];
  let text = "";
  node.forEach((child) => {
    if (child.isText) text += child.text ?? "";
    else if (child.type.name === "hardBreak") text += "\n";
    else if (child.type.name === "footnote") notes.push(inlineText(child).text);
    else if (child.type.name === "citation") text += String(child.attrs.label ?? "");
    else text += child.textContent;
  });
  return { text, notes };
}

/**
 * The document as plain text, body and notes apart: word limits count them by the template's
 * rule (some count footnotes, some do not), and search wants both.
 */
export function plainText(doc: PMNode): PlainText {
  const blocks: string[] = [];
  const notes: string[] = [];
  doc.descendants((node) => {
    // Before the textblock case: a recommendation's text is an attribute, its content only its note.
    if (node.type.name === "recommendation") {
      blocks.push(String(node.attrs.text ?? ""));
      notes.push(...inlineText(node).notes);
      return false;
    }
    if (node.isTextblock) {
      const inline = inlineText(node);
      blocks.push(inline.text);
      notes.push(...inline.notes);
      return false;
    }
    return true;
  });
  return { blocks, notes };
}
