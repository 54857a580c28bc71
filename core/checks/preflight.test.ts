import { describe, expect, it } from "vitest";
import { findTemplate } from "../../templates";
import { documentSchema } from "../editor";
import { EMPTY_COVER } from "../editor/cover";
import { preflight } from "./preflight";

const schema = documentSchema();
const template = findTemplate("upr-individual")!;
const rules = { ...template, counts: template.rules.counts, wordLimit: 10 };

describe("preflight", () => {
  it("reports the word limit first among errors, then other findings in document order", () => {
    const doc = schema.nodes.doc!.create(null, [
      schema.nodes.paragraph!.create(null, [schema.text("One two three four five six seven eight nine ten eleven, see A/HRC/25/5/add.1."), schema.nodes.footnote!.create({ id: "n1" })]),
    ]);
    const report = preflight({ doc, cover: { ...EMPTY_COVER, title: "T", stateUnderReview: "GHA", contact: "x@example.org" }, template: rules, organisations: [] });
    expect(report.words.counted).toBeGreaterThan(10);
    const order = report.findings.map((f) => f.severity);
    expect(order).toEqual([...order].sort((a, b) => ["error", "warning", "info"].indexOf(a) - ["error", "warning", "info"].indexOf(b)));
    expect(report.findings[0]!.rule).toBe("words.over-limit");
    expect(report.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["footnote.empty", "symbol.normalise", "cover.organisations"]));
  });

  it("reports no word-limit error within the limit", () => {
    const doc = schema.nodes.doc!.create(null, [schema.nodes.paragraph!.create(null, [schema.text("Short.")])]);
    const report = preflight({ doc, cover: EMPTY_COVER, template: rules, organisations: [] });
    expect(report.findings.some((f) => f.rule === "words.over-limit")).toBe(false);
  });
});
