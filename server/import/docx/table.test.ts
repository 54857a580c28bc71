import { describe, expect, it } from "vitest";
import { toNode } from "../../../test/fixtures/import/compare";
import { gridTbl, p, rawDocx, tbl, tc, tr } from "../../../test/fixtures/import/raw-docx";
import { readDocx } from "./index";

/** Each row's cells as [text, colspan], from a file whose body is one table. */
function spans(table: string): Array<Array<[string, number]>> {
  const doc = toNode(readDocx(rawDocx({ body: table })).doc);
  doc.check();
  const rows: Array<Array<[string, number]>> = [];
  doc.firstChild!.forEach((row) => {
    const cells: Array<[string, number]> = [];
    row.forEach((cell) => cells.push([cell.textContent, cell.attrs.colspan as number]));
    rows.push(cells);
  });
  return rows;
}

const span = (n: string) => `<w:gridSpan w:val="${n}"/>`;
const before = (n: string, ...cells: string[]) => `<w:tr><w:trPr><w:gridBefore w:val="${n}"/></w:trPr>${cells.join("")}</w:tr>`;

describe("readDocx: column spans stay within the table", () => {
  it("keeps a span within the grid's columns left from the cell's column", () => {
    const rows = spans(gridTbl(3, tr(tc(p("a")), tc(p("wide"), span("300000000"))), tr(tc(p("b"), span("2")), tc(p("c"), span("2"))), tr(tc(p("d"), span("3")))));
    expect(rows).toEqual([
      [["a", 1], ["wide", 2]],
      [["b", 2], ["c", 1]],
      [["d", 3]],
    ]);
  });

  it("keeps a span within Word's 63 columns when the grid says nothing, and at least 1", () => {
    expect(spans(tbl(tr(tc(p("wide"), span("300000000")), tc(p("zero"), span("0")), tc(p("minus"), span("-5")), tc(p("junk"), span("x")))))).toEqual([
      [["wide", 63], ["zero", 1], ["minus", 1], ["junk", 1]],
    ]);
  });

  it("bounds the columns a row skips before its first cell", () => {
    expect(spans(gridTbl(2, before("300000000", tc(p("late"), span("2"))), tr(tc(p("x")), tc(p("y")))))).toEqual([[["late", 1]], [["x", 1], ["y", 1]]]);
    expect(spans(tbl(before("300000000", tc(p("late"), span("2")))))).toEqual([[["late", 1]]]);
  });
});
