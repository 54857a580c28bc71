import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor";
import { findQuote } from "./anchors";

const schema = documentSchema();
const doc = schema.nodes.doc!.create(null, [
  schema.nodes.paragraph!.create(null, [schema.text("The police dispersed the "), schema.nodes.footnote!.create({ id: "n1" }, schema.text("A note.")), schema.text("peaceful assembly in Accra.")]),
  schema.nodes.paragraph!.create(null, schema.text("Twice: the law, the law.")),
]);

describe("re-anchoring a thread by its quoted words", () => {
  it("finds words standing once, across a footnote marker's gap in positions", () => {
    const range = findQuote(doc, "peaceful  assembly");
    expect(doc.textBetween(range!.from, range!.to)).toBe("peaceful assembly");
    const before = findQuote(doc, "dispersed the");
    expect(doc.textBetween(before!.from, before!.to)).toBe("dispersed the");
  });

  it("does not guess between two places, and finds nothing for words that are gone", () => {
    expect(findQuote(doc, "the law")).toBeNull();
    expect(findQuote(doc, "tear gas")).toBeNull();
    expect(findQuote(doc, "   ")).toBeNull();
  });
});
