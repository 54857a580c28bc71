import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { BODY_FIELD, canonicalDocument, documentSchema, isAllowedLink } from "./index";

const sample = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "I. Background" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Recommendation 186.60 was " },
        { type: "text", marks: [{ type: "bold" }], text: "supported" },
        { type: "text", text: "." },
      ],
    },
    {
      type: "bulletList",
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "To Ghana" }] }] }],
    },
  ],
};

describe("canonical document", () => {
  it("reads a Y.Doc back into the same ProseMirror JSON and its plain text", () => {
    const doc = prosemirrorJSONToYDoc(documentSchema(), sample, BODY_FIELD);
    const canonical = canonicalDocument(doc);
    expect(canonical.json).toMatchObject(sample);
    expect(canonical.text).toBe("I. Background\n\nRecommendation 186.60 was supported.\n\nTo Ghana");
  });

  it("reads an empty document", () => {
    const doc = prosemirrorJSONToYDoc(documentSchema(), { type: "doc", content: [] }, BODY_FIELD);
    expect(canonicalDocument(doc).text).toBe("");
  });
});

describe("links", () => {
  it("allow the web and email only", () => {
    expect(isAllowedLink("https://www.ohchr.org/en/hr-bodies/upr")).toBe(true);
    expect(isAllowedLink("mailto:coordinator@example.org")).toBe(true);
    expect(isAllowedLink("javascript:alert(1)")).toBe(false);
    expect(isAllowedLink("data:text/html,hi")).toBe(false);
  });
});
