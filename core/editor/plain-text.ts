import type { Node as PMNode } from "@tiptap/pm/model";

export interface PlainText {
  /** Each text block of the body (headings, paragraphs, cells, quoted recommendations), without notes. */
  blocks: string[];
  /** Each footnote's text, in document order. */
  notes: string[];
}

/** The text of one run of inline content; footnotes are set aside, not read into the sentence. */
function inlineText(node: PMNode, notes: string[]): string {
  let out = "";
  node.forEach((child) => {
    if (child.isText) out += child.text ?? "";
    else if (child.type.name === "hardBreak") out += "\n";
    else if (child.type.name === "footnote") notes.push(inlineText(child, notes));
    else if (child.type.name === "citation") out += String(child.attrs.label ?? "");
    else out += child.textContent;
  });
  return out;
}

/**
 * The document as plain text, body and notes apart: word limits count them by the template's
 * rule (some count footnotes, some do not), and search wants both.
 */
export function plainText(doc: PMNode): PlainText {
  const blocks: string[] = [];
  const notes: string[] = [];
  doc.descendants((node) => {
    if (node.isTextblock) {
      blocks.push(inlineText(node, notes));
      return false;
    }
    if (node.type.name === "recommendation") {
      blocks.push(String(node.attrs.text ?? ""));
      return false;
    }
    return true;
  });
  return { blocks, notes };
}
