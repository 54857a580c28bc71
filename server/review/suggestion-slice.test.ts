import { describe, expect, it } from "vitest";
import type { SliceJson } from "../../core/suggestions/contract";
import { ReviewRefusal } from "./refusal";
import { checkSuggestedInsert } from "./suggestion-slice";

const text = (value: string, marks?: Array<Record<string, unknown>>) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const para = (...content: unknown[]) => ({ type: "paragraph", content });
const item = (...content: unknown[]) => ({ type: "listItem", content });

/** The refusal's message id, or "fits" when the insert was let through. */
function verdict(json: unknown): string {
  try {
    checkSuggestedInsert(json as SliceJson);
    return "fits";
  } catch (error) {
    if (error instanceof ReviewRefusal) return `${error.status} ${error.reason.id}`;
    throw error;
  }
}

const REFUSED = "400 suggestions.refused.insertInvalid";

// What an editor's client can apply on accept is exactly what the editor's schema holds: the
// server checks every suggested insert against it (issue 20).
describe("a suggested insert against the editor's schema", () => {
  it("lets through words with marks, paragraphs, a footnote, and nothing at all", () => {
    expect(verdict(null)).toBe("fits");
    expect(verdict({ content: [text("must "), text("immediately", [{ type: "bold" }])] })).toBe("fits");
    expect(verdict({ content: [para(text("end of one.")), para(text("Start of the next"))], openStart: 1, openEnd: 1 })).toBe("fits");
    expect(verdict({ content: [text("as reported"), { type: "footnote", content: [text("A/HRC/52/1, para. 4.")] }] })).toBe("fits");
  });

  it("lets an open edge hold only the end or the start of what a whole node needs", () => {
    // The tail of a list item whose first paragraph was not selected: invalid closed, valid open.
    const tail = { content: [item({ type: "bulletList", content: [item(para(text("nested")))] })], openStart: 1, openEnd: 0 };
    expect(verdict(tail)).toBe("fits");
    expect(verdict({ ...tail, openStart: 0 })).toBe(REFUSED);
    // A list item's start: a paragraph, then (cut off) whatever follows.
    expect(verdict({ content: [{ type: "orderedList", content: [item(para(text("first")))] }], openStart: 0, openEnd: 2 })).toBe("fits");
  });

  it("refuses unknown nodes and marks, nodes where they cannot be, and bad attributes", () => {
    expect(verdict({ content: [{ type: "banana" }] })).toBe(REFUSED);
    expect(verdict({ content: [text("x", [{ type: "glitter" }])] })).toBe(REFUSED);
    expect(verdict({ content: [para(para(text("nested paragraph")))] })).toBe(REFUSED);
    expect(verdict({ content: [{ type: "orderedList", content: [para(text("not in an item"))] }] })).toBe(REFUSED);
    expect(verdict({ content: [{ type: "listItem", content: [{ type: "bulletList", content: [item(para(text("x")))] }] }], openStart: 0, openEnd: 1 })).toBe(REFUSED);
    // An attribute the schema does not know is dropped by every reader (Node.fromJSON), not refused.
    expect(verdict({ content: [{ type: "heading", attrs: { level: 1, colour: "red" }, content: [text("x")] }] })).toBe("fits");
    expect(verdict({ content: [text("")] })).toBe(REFUSED);
  });

  it("refuses a whole document, and words and blocks side by side", () => {
    expect(verdict({ content: [{ type: "doc", content: [para(text("x"))] }] })).toBe(REFUSED);
    expect(verdict({ content: [text("loose words"), para(text("and a block"))] })).toBe(REFUSED);
    expect(verdict({ content: [para(text("x"))], openStart: 5 })).toBe(REFUSED);
  });
});
