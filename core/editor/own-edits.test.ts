import { Editor } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { describe, expect, it, vi } from "vitest";
import { documentExtensions } from "./extensions";

// ProseMirror's keymaps read the platform when built; there is no DOM here, only the state.
vi.stubGlobal("navigator", { platform: "Linux x86_64", userAgent: "node" });

/** The draft's plugins over a document that ends with a heading (no DOM: the state alone). */
function draftEndingWithHeading() {
  const content = {
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Introduction." }] },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Recommendations" }] },
    ],
  };
  const editor = new Editor({ element: null, extensions: documentExtensions(), content });
  return EditorState.create({ doc: editor.schema.nodeFromJSON(content), plugins: editor.extensionManager.plugins });
}

describe("the trailing paragraph follows only this person's own edits", () => {
  it("adds nothing after a change the collaboration binding applied (a co-author's, the draft arriving)", () => {
    const state = draftEndingWithHeading();
    const remote = state.tr.insertText(" and follow-up", state.doc.content.size - 1).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const { state: after, transactions } = state.applyTransaction(remote);
    expect(transactions).toHaveLength(1);
    expect(after.doc.lastChild?.type.name).toBe("heading");
    // A later transaction that changes nothing (a suggestion redrawn) adds nothing either.
    expect(after.applyTransaction(after.tr.setMeta("redraw", true)).transactions).toHaveLength(1);
  });

  it("adds an empty paragraph below a final heading after this person's own edit", () => {
    const state = draftEndingWithHeading();
    const { state: after, transactions } = state.applyTransaction(state.tr.insertText(" and follow-up", state.doc.content.size - 1));
    expect(transactions).toHaveLength(2);
    expect(after.doc.lastChild?.type.name).toBe("paragraph");
    expect(after.doc.lastChild?.textContent).toBe("");
  });
});
