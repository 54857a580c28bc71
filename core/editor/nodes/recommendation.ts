import { mergeAttributes, Node } from "@tiptap/core";

/** What a recommendation block keeps of the library record, frozen at insertion. */
export interface RecommendationAttributes {
  /** `recommendations.id` in the library, or null when typed in by hand or the record left it. */
  libraryId: string | null;
  text: string;
  /** Body that made it: "UPR", "CESCR", "SR on freedom of expression". */
  body: string;
  /** UN document symbol, e.g. "A/HRC/25/5". */
  symbol: string;
  /** Paragraph in that document, e.g. "186.60" or "27 (d)". */
  paragraph: string;
  /** UPR only: the recommending States, as named in the report. */
  recommendingStates: string;
  /** "supported", "noted", another response as given, or "" when none. */
  response: string;
  cycle: string;
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

/** "Recommendation 186.60 (Ghana), A/HRC/25/5, supported": how submissions cite what they build on. */
export function recommendationProvenance(attrs: Partial<RecommendationAttributes>): string {
  const label = attrs.paragraph ? `${attrs.body === "UPR" || !attrs.body ? "Recommendation" : attrs.body} ${attrs.paragraph}` : (attrs.body ?? "");
  const head = attrs.recommendingStates ? `${label} (${attrs.recommendingStates})` : label;
  return [head, attrs.symbol, attrs.response].filter((part) => part && part.trim()).join(", ");
}

/**
 * An earlier recommendation quoted as a block: the library id plus a frozen copy of its text and
 * provenance, so the draft still says what was sent even if the library record changes later.
 * An atom: coalitions comment on it in the paragraphs around it, they do not rewrite it.
 */
export const Recommendation = Node.create({
  name: "recommendation",
  group: "block",
  atom: true,
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
          field === "text" ? (element.querySelector("blockquote")?.textContent ?? "") : (element.getAttribute(dataName) ?? ""),
        // The text is the element's content (renderHTML below), the rest are data attributes.
        renderHTML: (attrs: Record<string, unknown>) => (field === "text" || !attrs[field] ? {} : { [dataName]: attrs[field] }),
      };
    }
    return attributes;
  },

  parseHTML() {
    return [{ tag: "figure[data-recommendation]" }];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = node.attrs as RecommendationAttributes;
    return [
      "figure",
      mergeAttributes(HTMLAttributes, { "data-recommendation": "", class: "recommendation" }),
      ["blockquote", {}, attrs.text],
      ["figcaption", {}, recommendationProvenance(attrs)],
    ];
  },

  renderText({ node }) {
    const attrs = node.attrs as RecommendationAttributes;
    return `${attrs.text} (${recommendationProvenance(attrs)})`;
  },
});
