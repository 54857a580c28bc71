import { mergeAttributes, Node } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";

export interface CitationAttributes {
  /** The library source (`sources.id`), or null once the source left the library. */
  sourceId: string | null;
  /** Where in the source: "para. 186.60", "p. 12", "art. 7". */
  pinpoint: string;
  /** The citation as it was formatted when inserted, so the note reads right without the library. */
  label: string;
}

/**
 * A reference to a library source inside a footnote: source id + pinpoint, with the formatted
 * text frozen in `label`. Only footnotes may hold one (see Footnote's content expression). The
 * library and the UN-style formatter arrive with the library work; the node's shape is fixed here.
 */
export const Citation = Node.create({
  name: "citation",
  // Not in the "inline" group: body paragraphs cannot hold citations, only footnotes can.
  group: "citation",
  inline: true,
  atom: true,
  selectable: true,

  addAttributes() {
    return {
      sourceId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-source-id"),
        renderHTML: (attrs) => (attrs.sourceId ? { "data-source-id": attrs.sourceId } : {}),
      },
      pinpoint: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-pinpoint") ?? "",
        renderHTML: (attrs) => (attrs.pinpoint ? { "data-pinpoint": attrs.pinpoint } : {}),
      },
      label: {
        default: "",
        parseHTML: (element) => element.textContent ?? "",
        // Rendered as the element's text (renderText/renderHTML below), not as an attribute.
        renderHTML: () => ({}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "cite[data-citation]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    return ["cite", mergeAttributes(HTMLAttributes, { "data-citation": "" }), String(node.attrs.label ?? "")];
  },

  renderText({ node }) {
    return String(node.attrs.label ?? "");
  },
});

/** Words that lead into a reference and take it after a plain space: "See A/HRC/25/5". */
const LEAD_IN = /(?:^|[\s([“‘])(?:see(?: also)?|cf\.|e\.g\.|in|at|and|or|also|available (?:at|from):?|quoted in|citing|as cited in|compare|contra)$/i;

/**
 * What separates a note's existing text from a citation put after it, as a footnote style
 * writes it: nothing in an empty note or after an opening bracket or quote; a space after a full stop, semicolon, colon, comma or a
 * lead-in ("See"); "; " after another reference (a citation, an address, a symbol, a last part
 * with a number), as formatFootnotes joins the sources of one note; ". " after a sentence of prose.
 */
export function separatorBeforeCitation(textBefore: string, afterCitation: boolean): string {
  const text = textBefore.trimEnd();
  if (!text && !afterCitation) return "";
  if (/[([“‘]$/.test(text)) return "";
  if (/[.!?;:,]["”’)\]]*$/.test(text) || LEAD_IN.test(text)) return " ";
  // A reference ends in a part with a number, a symbol or an address: "…, 12 May", "…/report".
  const lastPart = text.split(",").at(-1) ?? "";
  const lastWord = text.split(/\s+/).at(-1) ?? "";
  return afterCitation || /[\d/]/.test(lastPart) || /[.@]/.test(lastWord) ? "; " : ". ";
}

/** How the citation and line breaks read in the text around the cursor. */
const CITATION_CHAR = "\ufffc";
const leafText = (leaf: PMNode) => (leaf.type.name === "citation" ? CITATION_CHAR : "\n");

/**
 * Puts a citation where a note's selection is (the note's own editor: its document is the
 * footnote), with the separator the text before it calls for (separatorBeforeCitation) and "; "
 * before words that follow it. Neither the citation nor its separators take the marks around
 * them: a link that ends where the citation goes stays on its own address, and the next thing
 * typed is not linked either.
 */
export function insertCitation(state: EditorState, citation: PMNode): Transaction {
  const { from, to } = state.selection;
  const { doc, schema } = state;
  const before = doc.textBetween(0, from, undefined, leafText);
  const after = doc.textBetween(to, doc.content.size, undefined, leafText);
  const spaces = /[ \u00a0\t]*$/.exec(before)![0].length;
  const previous = before.slice(0, before.length - spaces);
  // A note that starts here, or a new line: nothing to separate.
  const separator = previous === "" || previous.endsWith("\n") ? "" : separatorBeforeCitation(previous.replace(/\ufffc$/, ""), previous.endsWith(CITATION_CHAR));
  // The spaces already typed before the cursor are replaced by the separator, never doubled.
  const start = separator ? from - spaces : from;
  const nodes: PMNode[] = [];
  if (separator) nodes.push(schema.text(separator));
  nodes.push(citation.mark([]));
  if (/^[\p{L}\p{N}\ufffc]/u.test(after)) nodes.push(schema.text("; "));
  const tr = state.tr.replaceWith(start, to, nodes);
  const end = start + separator.length + citation.nodeSize;
  return tr.setSelection(TextSelection.create(tr.doc, end)).setStoredMarks([]).scrollIntoView();
}
