import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { newFootnoteId } from "./nodes/footnote";
import { printedText } from "../un/printed";
import { recommendationProvenance, type RecommendationAttributes, type RecommendationNote } from "./nodes/recommendation";

/**
 * The mid-term assessment's status scale (UPR Info's follow-up programme uses the same), by code:
 * the words written into the matrix are the document's language's (locales/document).
 */
export const IMPLEMENTATION_STATUSES = ["fully", "partially", "not", "unknown"] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

/** The response column as the document prints it: our two normalised responses translated, others as the data wrote them. */
function printedResponse(response: string, language: string): string {
  if (response === "supported" || response === "noted") return printedText(language).t(`document.matrix.response.${response}`);
  return response ? response.charAt(0).toUpperCase() + response.slice(1) : "";
}

/** The template section that holds the matrix (templates/upr.ts, mid-term assessment). */
export const MATRIX_SECTION = "implementation-matrix";

/** Where the matrix table is: the first table after the matrix section's heading, before the next heading. */
export function findMatrixTable(doc: PMNode): { pos: number; node: PMNode } | null {
  let inSection = false;
  let found: { pos: number; node: PMNode } | null = null;
  doc.forEach((node, pos) => {
    if (found) return;
    if (node.type.name === "heading") inSection = node.attrs.section === MATRIX_SECTION;
    else if (inSection && node.type.name === "table") found = { pos, node };
  });
  return found;
}

const isEmptyRow = (row: PMNode) => row.textContent.trim() === "" && row.firstChild?.type.name === "tableCell";

/**
 * A transaction that adds one recommendation to the matrix as a row — "186.60 (Ghana): text"
 * with a footnote citing its document, its response, the chosen status, and an empty evidence
 * cell — filling the template's empty starter row first. Null when the draft has no matrix.
 * Response and status are written in the draft's language.
 */
export function addMatrixRow(
  state: EditorState,
  attrs: RecommendationAttributes,
  note: RecommendationNote | null,
  status: ImplementationStatus,
  language = "en",
): Transaction | null {
  const matrix = findMatrixTable(state.doc);
  if (!matrix) return null;
  const { schema } = state;
  const paragraph = (content: PMNode[]) => schema.nodes.paragraph!.create({ numbered: false }, content);
  const text = (value: string) => (value ? [schema.text(value)] : []);
  const label = attrs.paragraph ? `${attrs.paragraph}${attrs.recommendingStates ? ` (${attrs.recommendingStates})` : ""}: ` : "";
  const footnote = note
    ? [schema.nodes.footnote!.create({ id: newFootnoteId() }, [schema.nodes.citation!.create({ ...note }), schema.text(".")])]
    : [];
  const cells = [
    paragraph([...text(`${label}${attrs.text}`), ...footnote]),
    paragraph(text(printedResponse(attrs.response, language))),
    paragraph(text(printedText(language).t(`document.matrix.status.${status}`))),
    paragraph([]),
  ];
  const columns = matrix.node.firstChild?.childCount ?? cells.length;
  const row = schema.nodes.tableRow!.create(
    null,
    Array.from({ length: columns }, (_, i) => schema.nodes.tableCell!.create(null, cells[i] ?? paragraph([]))),
  );
  const last = matrix.node.lastChild!;
  const end = matrix.pos + matrix.node.nodeSize - 1;
  const tr = state.tr;
  if (matrix.node.childCount > 1 && isEmptyRow(last)) tr.replaceWith(end - last.nodeSize, end, row);
  else tr.insert(end, row);
  return tr.setMeta("caucus:matrixRow", recommendationProvenance(attrs)).scrollIntoView();
}
