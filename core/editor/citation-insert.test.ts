import { getSchema } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { documentExtensions } from "./extensions";
import { insertCitation, separatorBeforeCitation } from "./nodes/citation";

const schema = getSchema(documentExtensions());
const link = (href: string) => schema.marks.link!.create({ href });
const citation = (label = "A/HRC/25/5", pinpoint = "para. 146.52") => schema.nodes.citation!.create({ sourceId: "source-1", label, pinpoint });

/** A note's own editor state (its document is the footnote), the cursor at `at` or at the end. */
function noteState(content: PMNode[], at?: number): EditorState {
  const state = EditorState.create({ doc: schema.nodes.footnote!.create({ id: "n1" }, content) });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at ?? state.doc.content.size)));
}

/** The note as text, the citation as [label], and which runs carry a link. */
function read(state: EditorState): { text: string; linked: string[] } {
  let text = "";
  const linked: string[] = [];
  state.doc.forEach((child) => {
    const piece = child.type.name === "citation" ? `[${String(child.attrs.label)}]` : (child.text ?? "");
    text += piece;
    if (child.marks.some((mark) => mark.type.name === "link")) linked.push(piece);
  });
  return { text, linked };
}

describe("citing a source in a note", () => {
  it("puts nothing before a citation in an empty note", () => {
    expect(read(noteState([]).apply(insertCitation(noteState([]), citation()))).text).toBe("[A/HRC/25/5]");
  });

  it("separates it from an address with a link, which keeps covering exactly the address", () => {
    const state = noteState([schema.text("Human Rights Watch, "), schema.text("https://www.hrw.org/report", [link("https://www.hrw.org/report")])]);
    const after = state.apply(insertCitation(state, citation()));
    expect(read(after)).toEqual({ text: "Human Rights Watch, https://www.hrw.org/report; [A/HRC/25/5]", linked: ["https://www.hrw.org/report"] });
    // What is typed next is not linked either (the link mark is inclusive at its end).
    const typed = after.apply(after.tr.insertText("."));
    expect(read(typed)).toEqual({ text: "Human Rights Watch, https://www.hrw.org/report; [A/HRC/25/5].", linked: ["https://www.hrw.org/report"] });
  });

  it("writes the separator a footnote style would after each kind of text", () => {
    const cases: Array<[string, string]> = [
      ["Human Rights Watch, World Report 2024", "Human Rights Watch, World Report 2024; [A/HRC/25/5]"],
      ["The Government has not replied", "The Government has not replied. [A/HRC/25/5]"],
      ["The Government has not replied.", "The Government has not replied. [A/HRC/25/5]"],
      ["See", "See [A/HRC/25/5]"],
      ["See also ", "See also [A/HRC/25/5]"],
      ["Quoted in:", "Quoted in: [A/HRC/25/5]"],
      ["CAT/C/CHN/CO/5, para. 9;", "CAT/C/CHN/CO/5, para. 9; [A/HRC/25/5]"],
      ["CAT/C/CHN/CO/5   ", "CAT/C/CHN/CO/5; [A/HRC/25/5]"],
    ];
    for (const [typed, expected] of cases) {
      const state = noteState([schema.text(typed)]);
      expect(read(state.apply(insertCitation(state, citation()))).text, typed).toBe(expected);
    }
  });

  it("joins a second citation to the first with a semicolon, and text that follows with one too", () => {
    const first = noteState([citation("CAT/C/CHN/CO/5", "para. 9")]);
    expect(read(first.apply(insertCitation(first, citation()))).text).toBe("[CAT/C/CHN/CO/5]; [A/HRC/25/5]");
    const before = noteState([schema.text("see the report")], 0);
    expect(read(before.apply(insertCitation(before, citation()))).text).toBe("[A/HRC/25/5]; see the report");
  });

  it("starts a new line without a separator", () => {
    const state = noteState([schema.text("First source."), schema.nodes.hardBreak!.create()]);
    expect(read(state.apply(insertCitation(state, citation()))).text).toBe("First source.[A/HRC/25/5]");
  });

  it("reads the separator from the text alone", () => {
    expect(separatorBeforeCitation("", false)).toBe("");
    expect(separatorBeforeCitation("", true)).toBe("; ");
    expect(separatorBeforeCitation("(", false)).toBe("");
    expect(separatorBeforeCitation("As the State put it (see", false)).toBe(" ");
    expect(separatorBeforeCitation("“Quoted words.”", false)).toBe(" ");
    expect(separatorBeforeCitation("Amnesty International, 12 May", false)).toBe("; ");
  });
});
