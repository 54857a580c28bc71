import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { findTemplate, templateDocument } from "../../templates";
import { computeNumbering } from "./numbering";
import { addMatrixRow, findMatrixTable } from "./matrix";
import { documentSchema } from "./index";

const schema = documentSchema();
const attrs = { libraryId: "r1", text: "Keep up its commitment", body: "UPR", symbol: "A/HRC/25/5", paragraph: "186.60", recommendingStates: "Ghana", response: "supported", cycle: "2" };
const note = { sourceId: "s1", label: "A/HRC/25/5", pinpoint: "para. 186.60" };

function midterm() {
  return EditorState.create({ schema, doc: schema.nodeFromJSON(templateDocument(findTemplate("upr-midterm")!)) });
}

describe("the mid-term matrix", () => {
  it("fills the template's empty row first, then adds rows, each cited in a footnote", () => {
    let state = midterm();
    state = state.apply(addMatrixRow(state, attrs, note, "partially")!);
    let table = findMatrixTable(state.doc)!.node;
    expect(table.childCount).toBe(2);
    const cells: string[] = [];
    table.lastChild!.forEach((cell) => cells.push(cell.textContent));
    // The first cell's text is followed by its footnote's content (the "." after the citation).
    expect(cells[0]).toMatch(/^186\.60 \(Ghana\): Keep up its commitment/);
    expect(cells.slice(1)).toEqual(["Supported", "Partially implemented", ""]);
    state = state.apply(addMatrixRow(state, { ...attrs, paragraph: "186.61", libraryId: "r2" }, note, "unknown")!);
    table = findMatrixTable(state.doc)!.node;
    expect(table.childCount).toBe(3);
    state.doc.check();
    expect(computeNumbering(state.doc).footnotes.size).toBe(2);
  });

  it("writes the response and the status in the draft's language", () => {
    let state = midterm();
    state = state.apply(addMatrixRow(state, attrs, note, "fully", "fr")!);
    const cells: string[] = [];
    findMatrixTable(state.doc)!.node.lastChild!.forEach((cell) => cells.push(cell.textContent));
    expect(cells.slice(1)).toEqual(["Acceptée", "Pleinement mise en œuvre", ""]);
    state = state.apply(addMatrixRow(state, { ...attrs, response: "noted", libraryId: "r2" }, note, "not", "ar")!);
    const arabic: string[] = [];
    findMatrixTable(state.doc)!.node.lastChild!.forEach((cell) => arabic.push(cell.textContent));
    expect(arabic.slice(1)).toEqual(["أُحيط بها علمًا", "لم تُنفذ", ""]);
  });

  it("does nothing in a draft without a matrix", () => {
    const state = EditorState.create({ schema, doc: schema.nodeFromJSON(templateDocument(findTemplate("upr-joint")!)) });
    expect(addMatrixRow(state, attrs, note, "not")).toBeNull();
  });
});
