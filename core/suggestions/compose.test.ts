import { Slice } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor";
import { withSuggestionsAccepted } from "./apply";
import { acceptedText, compose, proposedChange, type OwnSuggestion } from "./compose";
import { concatSlices, dropLastCharacter, fillEmptyNotes, hasEmptyNote, sliceText } from "./slices";

const schema = documentSchema();
const doc = schema.nodeFromJSON({
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "The State should act." }] },
    { type: "paragraph", content: [{ type: "text", text: "Second paragraph." }] },
  ],
});
const text = (value: string) => new Slice(schema.text(value) ? schema.nodes.paragraph!.create(null, schema.text(value)).content : Slice.empty.content, 0, 0);

/** What the editor's transaction would have done, as suggesting mode sees it. */
function typed(from: number, to: number, value: string) {
  const state = EditorState.create({ doc, selection: TextSelection.create(doc, from, to) });
  const tr = state.tr.insertText(value, from, to);
  return proposedChange(doc, tr.doc, tr.steps)!;
}
function deleted(from: number, to: number) {
  const state = EditorState.create({ doc });
  const tr = state.tr.delete(from, to);
  return proposedChange(doc, tr.doc, tr.steps)!;
}

describe("composing suggestions from keystrokes", () => {
  // "The State should act." : "should" is at 11..17 (the paragraph opens at 0).
  it("a replacement of selected words is one suggestion, the cursor after the struck words", () => {
    const result = compose(schema, typed(11, 17, "m"), [], 17);
    expect(result).toMatchObject({ kind: "create", range: { from: 11, to: 17 }, cursor: 17 });
    expect(result.kind === "create" && sliceText(result.insert)).toBe("m");
  });

  it("typing on at the end of one's own suggestion extends it; elsewhere starts another", () => {
    const own: OwnSuggestion[] = [{ id: "s1", range: { from: 11, to: 17 }, insert: text("m") }];
    const next = compose(schema, typed(17, 17, "u"), own, 17);
    expect(next.kind).toBe("update");
    expect(next.kind === "update" && sliceText(next.insert)).toBe("mu");
    expect(compose(schema, typed(3, 3, "x"), own, 3).kind).toBe("create");
  });

  it("Backspace takes back one's own typed characters, then the suggestion", () => {
    const own: OwnSuggestion[] = [{ id: "s1", range: { from: 5, to: 5 }, insert: text("ab") }];
    const once = compose(schema, deleted(4, 5), own, 5);
    expect(once.kind === "update" && sliceText(once.insert)).toBe("a");
    const gone = compose(schema, deleted(4, 5), [{ id: "s1", range: { from: 5, to: 5 }, insert: text("a") }], 5);
    expect(gone).toEqual({ kind: "remove", id: "s1", cursor: 5 });
  });

  it("Backspace strikes through character after character as one deletion", () => {
    const first = compose(schema, deleted(16, 17), [], 17);
    expect(first).toMatchObject({ kind: "create", range: { from: 16, to: 17 }, cursor: 16 });
    const own: OwnSuggestion[] = [{ id: "s1", range: { from: 16, to: 17 }, insert: Slice.empty }];
    expect(compose(schema, deleted(15, 16), own, 16)).toMatchObject({ kind: "update", range: { from: 15, to: 17 }, cursor: 15 });
    // From the struck word's end, Backspace steps over it first.
    expect(compose(schema, deleted(16, 17), own, 17)).toEqual({ kind: "move", cursor: 16 });
  });

  it("a deletion across two paragraphs is one suggestion, and accepting it joins them", () => {
    const change = deleted(11, 30);
    const result = compose(schema, change, [], 11);
    expect(result).toMatchObject({ kind: "create", range: { from: 11, to: 30 } });
    expect(acceptedText(doc, { from: 11, to: 30 })).toBe("should act.\nSecond");
    const after = withSuggestionsAccepted(doc, [{ range: { from: 11, to: 30 }, insert: Slice.empty }]);
    expect(after.childCount).toBe(1);
    expect(after.textContent).toBe("The State  paragraph.");
  });

  it("Enter proposes a paragraph break, and typing on joins the new words after it", () => {
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, 10) });
    const split = state.tr.split(10);
    const change = proposedChange(doc, split.doc, split.steps)!;
    const created = compose(schema, change, [], 10);
    expect(created.kind === "create" && sliceText(created.insert)).toBe("¶");
    const own: OwnSuggestion[] = [{ id: "s1", range: { from: 10, to: 10 }, insert: created.kind === "create" ? created.insert : Slice.empty }];
    const more = compose(schema, typed(10, 10, "New"), own, 10);
    expect(more.kind === "update" && sliceText(more.insert)).toBe("¶ New");
    const accepted = withSuggestionsAccepted(doc, [{ range: { from: 10, to: 10 }, insert: more.kind === "update" ? more.insert : Slice.empty }]);
    expect(accepted.child(0).textContent).toBe("The State");
    expect(accepted.child(1).textContent).toBe("New should act.");
  });

  it("joins and shortens slices as ProseMirror would", () => {
    expect(sliceText(concatSlices(schema, text("a"), text("b")))).toBe("ab");
    expect(sliceText(dropLastCharacter(schema, text("ab")))).toBe("a");
    expect(dropLastCharacter(schema, text("a")).size).toBe(0);
  });
});

describe("a slice in words", () => {
  it("names a proposed note's words, a citation's label and a recommendation's frozen text", () => {
    const note = schema.nodes.footnote!.create({ id: "n1" });
    const empty = new Slice(schema.nodes.paragraph!.create(null, [schema.text("See"), note]).content, 0, 0);
    expect(hasEmptyNote(empty)).toBe(true);
    const filled = fillEmptyNotes(schema, empty, "Police report, 2024.");
    expect(hasEmptyNote(filled)).toBe(false);
    expect(sliceText(filled)).toBe("See[Police report, 2024.]");
    const recommendation = schema.nodes.recommendation!.create({ text: "Repeal the law." });
    expect(sliceText(new Slice(schema.nodes.doc!.create(null, [recommendation]).content, 0, 0))).toBe("Repeal the law.");
  });
});
