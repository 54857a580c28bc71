import { describe, expect, it } from "vitest";
import { documentSchema } from "../editor";
import { citedRecommendationNumbers, recommendationFindings } from "./recommendation-rules";

const schema = documentSchema();
const doc = schema.nodes.doc!.create(null, [
  schema.nodes.paragraph!.create(null, [
    schema.text("China supported recommendations 186.60 and 186.61, yet Recommendation 186.99 was noted; 2.5 million people and para. 27.3 are not numbers."),
    schema.nodes.footnote!.create({ id: "n1" }, schema.text("Rec. 121.51, 121.57.")),
  ]),
]);

describe("UPR recommendation numbers cited in the text", () => {
  it("finds each number of a list, in the text and in notes, with its place", () => {
    const cited = citedRecommendationNumbers(doc);
    expect(cited.map((c) => c.number)).toEqual(["186.60", "186.61", "186.99", "121.51", "121.57"]);
    const first = cited[0]!;
    expect(doc.textBetween(first.from, first.to)).toBe("186.60");
  });

  it("reports only numbers looked up and not found", () => {
    const known = new Map([
      ["186.60", true],
      ["186.61", true],
      ["186.99", false],
    ]);
    const findings = recommendationFindings(doc, { known, stateName: "China" });
    expect(findings.map((f) => [f.rule, doc.textBetween(f.location!.from, f.location!.to)])).toEqual([["recommendation.unknown", "186.99"]]);
    expect(findings[0]!.message).toContain("China's reviews");
  });
});
