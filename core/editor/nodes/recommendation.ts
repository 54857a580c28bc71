import { mergeAttributes, Node } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { recommendationProvenance, type RecommendationAttributes } from "../../library/recommendation-attributes";
import { newFootnoteId } from "./footnote";

// Kept in core/library (no Tiptap there) so pages that only list recommendations stay light.
export { recommendationProvenance, type RecommendationAttributes };

/** The citation a recommendation's footnote carries: its document and paragraph. */
export interface RecommendationNote {
  sourceId: string | null;
  /** The source as a citation reads, e.g. "A/HRC/25/5". */
  label: string;
  pinpoint: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    recommendation: {
      /**
       * Inserts a recommendation block after the block the cursor is in, with a footnote citing
       * its document and paragraph when `note` is given.
       */
      insertRecommendation: (attrs: RecommendationAttributes, note?: RecommendationNote) => ReturnType;
      /** Replaces the frozen copy of the recommendation at `pos` with the library's current one. */
      refreshRecommendation: (pos: number, attrs: RecommendationAttributes) => ReturnType;
    };
  }
}

const FIELDS: Array<Exclude<keyof RecommendationAttributes, "libraryId">> = [
  "text",
  "body",
  "symbol",
  "paragraph",
  "recommendingStates",
  "response",
  "cycle",
];

/** The recommendation node with its automatic footnote: [citation "A/HRC/25/5, para. 186.60", "."]. */
export function recommendationNode(schema: Schema, attrs: RecommendationAttributes, note?: RecommendationNote): PMNode {
  const footnote = note
    ? schema.nodes.footnote!.create({ id: newFootnoteId() }, [schema.nodes.citation!.create({ ...note }), schema.text(".")])
    : null;
  return schema.nodes.recommendation!.create(attrs, footnote);
}

/**
 * An earlier recommendation quoted as a block: the library id plus a frozen copy of its text and
 * provenance, so the draft still says what was sent even if the library record changes later.
 * Its only content is the footnote that cites it (a real footnote, numbered with the rest and
 * editable like any other): coalitions comment on it in the paragraphs around it, they do not
 * rewrite it.
 */
export const Recommendation = Node.create({
  name: "recommendation",
  group: "block",
  content: "footnote?",
  defining: true,
  isolating: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    const attributes: Record<string, object> = {
      libraryId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("data-library-id"),
        renderHTML: (attrs: Record<string, unknown>) => (attrs.libraryId ? { "data-library-id": attrs.libraryId } : {}),
      },
    };
    for (const field of FIELDS) {
      const dataName = `data-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      attributes[field] = {
        default: "",
        parseHTML: (element: HTMLElement) =>
          field === "text" ? (element.querySelector("[data-recommendation-text]")?.textContent ?? element.querySelector("blockquote")?.textContent ?? "") : (element.getAttribute(dataName) ?? ""),
        // The text is the element's content (renderHTML below), the rest are data attributes.
        renderHTML: (attrs: Record<string, unknown>) => (field === "text" || !attrs[field] ? {} : { [dataName]: attrs[field] }),
      };
    }
    return attributes;
  },

  parseHTML() {
    return [{ tag: "figure[data-recommendation]", contentElement: "[data-recommendation-note]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as RecommendationAttributes;
    return [
      "figure",
      mergeAttributes(HTMLAttributes, { "data-recommendation": "", class: "recommendation" }),
      ["blockquote", {}, ["span", { "data-recommendation-text": "" }, attrs.text], ["span", { "data-recommendation-note": "" }, 0]],
      ["figcaption", { contenteditable: "false" }, recommendationProvenance(attrs)],
    ];
  },

  addCommands() {
    return {
      insertRecommendation:
        (attrs, note) =>
        ({ state, tr, dispatch }) => {
          const node = recommendationNode(state.schema, attrs, note);
          // After the top-level block the cursor is in, so a quote never splits a paragraph.
          const { $from } = state.selection;
          const at = $from.depth === 0 ? $from.pos : $from.after(1);
          if (dispatch) dispatch(tr.insert(at, node).scrollIntoView());
          return true;
        },
      refreshRecommendation:
        (pos, attrs) =>
        ({ state, tr, dispatch }) => {
          const node = state.doc.nodeAt(pos);
          if (node?.type.name !== this.name) return false;
          if (dispatch) dispatch(tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
          return true;
        },
    };
  },

  renderText({ node }) {
    const attrs = node.attrs as RecommendationAttributes;
    return `${attrs.text} (${recommendationProvenance(attrs)})`;
  },
});
