import { describe, expect, it } from "vitest";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { documentSchema } from "../editor/canonical";
import { BODY_FIELD } from "../editor/extensions";
import { writeCover } from "../editor/cover";
import { refusedChanges, refusedText } from "./refused-changes";

const paragraph = (text: string, note?: string) => ({
  type: "paragraph",
  content: [{ type: "text", text }, ...(note ? [{ type: "footnote", attrs: { id: "n1" }, content: [{ type: "text", text: note }] }] : [])],
});
const docOf = (...blocks: object[]) => prosemirrorJSONToYDoc(documentSchema(), { type: "doc", content: blocks }, BODY_FIELD);

describe("what the server did not accept, in words", () => {
  it("finds a sentence typed into a paragraph, a new paragraph and a deleted one", () => {
    const server = docOf(paragraph("First paragraph."), paragraph("Second paragraph."), paragraph("Third paragraph."));
    const local = docOf(paragraph("First paragraph. Typed offline."), paragraph("Third paragraph."), paragraph("A whole new paragraph."));
    expect(refusedChanges(local, server)).toEqual([
      { kind: "added", text: "Typed offline.", place: { part: "body", block: 0 } },
      { kind: "removed", text: "Second paragraph.", place: { part: "body", block: 1 } },
      { kind: "added", text: "A whole new paragraph.", place: { part: "body", block: 2 } },
    ]);
  });

  it("reads footnotes and the cover apart from the body, and nothing when the copies agree", () => {
    const server = docOf(paragraph("Claim.", "A/HRC/25/5"));
    const local = docOf(paragraph("Claim.", "A/HRC/25/5, para. 186.60"));
    writeCover(local, { title: "A title typed offline" });
    expect(refusedChanges(local, server)).toEqual([
      { kind: "added", text: ", para. 186.60", place: { part: "note", note: 0 } },
      { kind: "added", text: "A title typed offline", place: { part: "cover", field: "title" } },
    ]);
    expect(refusedChanges(server, docOf(paragraph("Claim.", "A/HRC/25/5")))).toEqual([]);
  });

  it("gives the person their words to copy, added first, then what they had deleted", () => {
    const text = refusedText([
      { kind: "removed", text: "Old sentence.", place: { part: "body", block: 0 } },
      { kind: "added", text: "New sentence.", place: { part: "body", block: 0 } },
    ]);
    expect(text).toBe("New sentence.\n\nDeleted on this device (still in the draft):\nOld sentence.");
  });
});
