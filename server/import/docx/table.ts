/** Word tables: rows, header rows, column spans and vertically merged cells. */
import type { Json } from "./inline";
import { child, elements, isOn, val, type XmlElement } from "./xml";

export interface TableContext {
  /** Whether the editor's table cells take a rowspan (else merged cells stay separate). */
  supportsRowspan: boolean;
  /** Reads a cell's blocks (paragraphs, lists, nested tables) as the body reader does. */
  readCell: (tc: XmlElement) => Json[];
}

/** Word's own limit on a table's columns: no span or skipped start is wider. */
const MAX_COLUMNS = 63;

/** A count from an attribute, as a whole number between `min` and `max`; `fallback` when it is not a number. */
function count(value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Math.floor(Number(value ?? fallback));
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Whether blocks read from a cell hold anything: Word leaves a merged cell's continuations empty. */
const holdsContent = (blocks: Json[]) => blocks.some((b) => b.type !== "paragraph" || ((b.content as Json[] | undefined)?.length ?? 0) > 0);

/**
 * A table. Vertically merged cells (`w:vMerge`: a "restart" cell, then "continue" cells below it
 * in the same grid column) become one cell with a rowspan, as the editor's table cells have; a
 * continuation with no cell above it of the same width is read as a cell of its own. Column
 * spans are kept within the table's grid (`w:tblGrid`), when it gives one, and Word's 63 columns.
 */
export function readTable(tbl: XmlElement, ctx: TableContext): Json | null {
  const rows: Json[] = [];
  const tblGrid = child(tbl, "w:tblGrid");
  const grid = tblGrid ? elements(tblGrid).filter((c) => c.name === "w:gridCol").length : 0;
  const width = grid > 0 ? Math.min(grid, MAX_COLUMNS) : MAX_COLUMNS;
  // Grid column → the merged cell that continues down it, carried from one row to the next.
  let open = new Map<number, Json & { attrs: Json; content: Json[] }>();
  for (const tr of elements(tbl)) {
    if (tr.name !== "w:tr") continue;
    const trPr = child(tr, "w:trPr");
    const header = isOn(child(trPr, "w:tblHeader"));
    let column = count(val(child(trPr, "w:gridBefore")), 0, 0, MAX_COLUMNS);
    const next = new Map<number, Json & { attrs: Json; content: Json[] }>();
    const cells: Json[] = [];
    let continued = false;
    for (const tc of elements(tr)) {
      if (tc.name !== "w:tc") continue;
      const tcPr = child(tc, "w:tcPr");
      const blocks = ctx.readCell(tc);
      // At least 1; at most what is left of the grid from this cell's column (1 in a row already past it).
      const span = count(val(child(tcPr, "w:gridSpan")), 1, 1, Math.max(1, width - column));
      const merge = ctx.supportsRowspan ? child(tcPr, "w:vMerge") : undefined;
      const above = merge && merge.attrs["w:val"] !== "restart" ? open.get(column) : undefined;
      if (above && ((above.attrs.colspan as number | undefined) ?? 1) === span) {
        above.attrs.rowspan = ((above.attrs.rowspan as number | undefined) ?? 1) + 1;
        // Text typed into a continuation cell joins the merged cell rather than being lost.
        if (holdsContent(blocks)) above.content.push(...blocks);
        next.set(column, above);
        continued = true;
      } else {
        const cell = { type: header ? "tableHeader" : "tableCell", attrs: span > 1 ? { colspan: span } : {}, content: blocks.length ? blocks : [{ type: "paragraph", attrs: { numbered: false } }] };
        cells.push(cell);
        if (merge) next.set(column, cell);
      }
      column += span;
    }
    open = next;
    // A row made only of continuations stays, empty, so the rowspans above still count it.
    if (cells.length || continued) rows.push({ type: "tableRow", content: cells });
  }
  if (!rows.length) return null;
  return { type: "table", content: rows };
}
