import { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor/canonical";
import { inlineText } from "../editor/plain-text";
import { sectionSpans, withSectionRestored } from "./sections";

const heading = (section: string | null, text: string) => ({ type: "heading", attrs: { level: 2, section }, content: [{ type: "text", text }] });
const para = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
const doc = (...content: object[]) => PMNode.fromJSON(documentSchema(), { type: "doc", content });
const texts = (node: PMNode) => { const out: string[] = []; node.forEach((b) => out.push(inlineText(b).text)); return out; };

describe("sections", () => {
  const current = doc(para("Intro now"), heading("a", "A"), para("a1 now"), heading(null, "A.1"), para("a2 now"), heading("b", "B"), para("b1 now"));
  const version = doc(heading("a", "A"), para("a1 then"), heading("b", "B then"), para("b1 then"), para("b2 then"));

  it("reads a section from its heading to the next section heading, sub-headings included", () => {
    expect(sectionSpans(current).map((s) => [s.section, s.from, s.to])).toEqual([["a", 1, 5], ["b", 5, 7]]);
  });

  it("replaces one section and leaves the rest as it is now", () => {
    expect(texts(withSectionRestored(current, version, "b")!)).toEqual(["Intro now", "A", "a1 now", "A.1", "a2 now", "B then", "b1 then", "b2 then"]);
    expect(texts(withSectionRestored(current, version, "a")!)).toEqual(["Intro now", "A", "a1 then", "B", "b1 now"]);
  });

  it("refuses a section one side lacks", () => {
    expect(withSectionRestored(current, version, "c")).toBeNull();
  });
});
