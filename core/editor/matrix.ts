import type { Node as PMNode } from "@tiptap/pm/model";
import type { EditorState, Transaction } from "@tiptap/pm/state";
import { newFootnoteId } from "./nodes/footnote";
import { recommendationProvenance, type RecommendationAttributes, type RecommendationNote } from "./nodes/recommendation";

/** The mid-term assessment's status scale (UPR Info's follow-up programme uses the same). */
export const IMPLEMENTATION_STATUSES = ["Fully implemented", "Partially implemented", "Not implemented", "No information"] as const;
export type ImplementationStatus = (typeof IMPLEMENTATION_STATUSES)[number];

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
 */
export function addMatrixRow(state: EditorState, attrs: RecommendationAttributes, note: RecommendationNote | null, status: ImplementationStatus): Transaction | null {
  const matrix = findMatrixTable(state.doc);
  if (!matrix) return null;
  const { schema } = state;
  const paragraph = (content: PMNode[]) => schema.nodes.paragraph!.create({ numbered: false }, content);
  const text = (value: string) => (value ? [schema.text(value)] : []);
  const label = attrs.paragraph ? `${attrs.paragraph}${attrs.recommendingStates ? ` (${attrs.recommendingStates})` : ""}: ` : "";
  const footnote = note
    ? [schema.nodes.footnote!.create({ id: newFootnoteId() }, [schema.nodes.citation!.create({ ...note }), schema.text(".")])]
    : [];
  const response = attrs.response ? attrs.response.charAt(0).toUpperCase() + attrs.response.slice(1) : "";
  const cells = [
    paragraph([...text(`${label}${attrs.text}`), ...footnote]),
    paragraph(text(response)),
    paragraph(text(status)),
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
