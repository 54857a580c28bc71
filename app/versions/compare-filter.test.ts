import { describe, expect, it } from "vitest";
import { compareDocuments } from "../../core/versions/compare";
import { doc, paragraph } from "../../test/version-documents";
import { changeShown, filterChoices, filteredInline, filterKey, type ComparePerson } from "./compare-filter";

const people: Record<string, ComparePerson> = { ann: { name: "Ann", organisation: "HRW" }, bob: { name: "Bob", organisation: "AI" }, cai: { name: "Cai", organisation: "HRW" } };

/** Ten paragraphs; after: para. 2 by Ann, para. 5 by Bob, para. 8 deleted, para. 10 by someone unknown. */
function sample() {
  const texts = Array.from({ length: 10 }, (_, i) => `Paragraph ${i + 1} says something.`);
  const after = texts.map((text, i) => (i === 1 || i === 4 || i === 9 ? text.replace("says", "now says") : text)).filter((_, i) => i !== 7);
  const writer = (i: number) => (i === 1 ? 0 : i === 4 ? 1 : i === 8 ? 2 : 3);
  const authorship = { clients: ["ann", "bob", "stranger", null], blocks: after.map((text, i): Array<[number, number]> => [[writer(i), text.length]]) };
  return compareDocuments({ doc: doc(...texts.map((t) => paragraph(t))) }, { doc: doc(...after.map((t) => paragraph(t))), authorship }, { context: 0 });
}

describe("the compare view's filter", () => {
  it("offers everyone, each organisation and person who wrote inserted words, and the unknown", () => {
    expect(filterChoices(sample(), people).map(filterKey)).toEqual(["all", "organisation:AI", "organisation:HRW", "user:ann", "user:bob", "unknown"]);
  });

  it("shows a person's or an organisation's changes, and deletions only to everyone", () => {
    const comparison = sample();
    const kinds = (key: string) => {
      const filter = filterChoices(comparison, people).find((f) => filterKey(f) === key)!;
      return comparison.changes.filter((c) => changeShown(c, filter, people)).map((c) => `${c.kind} ${c.after?.blockIndex ?? c.before!.blockIndex}`);
    };
    expect(kinds("all")).toEqual(["changed 1", "changed 4", "deleted 7", "changed 8"]);
    expect(kinds("user:ann")).toEqual(["changed 1"]);
    expect(kinds("organisation:AI")).toEqual(["changed 4"]);
    expect(kinds("unknown")).toEqual(["changed 8"]);
  });

  it("folds the changes of others into the counts between shown blocks", () => {
    const comparison = sample();
    const shown = filteredInline(comparison, { by: "user", userId: "bob" }, people);
    expect(shown.map((e) => (e.type === "block" ? `${e.kind}` : `${e.type} ${e.count}`))).toEqual(["unchanged 1", "hidden 1", "unchanged 2", "changed", "unchanged 2", "hidden 1", "unchanged 1", "hidden 1"]);
  });
});
