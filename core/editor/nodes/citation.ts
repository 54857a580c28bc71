import { mergeAttributes, Node } from "@tiptap/core";

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
