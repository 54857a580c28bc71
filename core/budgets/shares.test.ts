import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { countWordsByClient } from "../checks/attribution";
import { countSectionWords } from "../checks/section-words";
import { BODY_FIELD, documentSchema } from "../editor";
import { organisationCounts, sectionCounts } from "./counts";
import { budgetProblem, budgetTotals, compareShares, sharesOver, sortBudgets, type WordBudget } from "./shares";

const partners = ["p1", "p2", "p3", "p4", "p5", "p6", "p7"];
const targets = { limit: 5630, sections: new Set(["summary", "background", "recommendations"]), organisations: new Set(["lead", ...partners]) };
/** The example: 5,630 words, 1,200 for the lead, 600 for each of seven partners. */
const coalition: WordBudget[] = [{ kind: "organisation", id: "lead", words: 1200 }, ...partners.map((id) => ({ kind: "organisation" as const, id, words: 600 }))];

describe("checking a set of budgets", () => {
  it("accepts the issue's coalition split, and an empty set even without a limit", () => {
    expect(budgetTotals(coalition)).toEqual({ organisation: 5400, section: 0 });
    expect(budgetProblem(coalition, targets)).toBeNull();
    expect(budgetProblem([], { ...targets, limit: null })).toBeNull();
  });

  it("refuses shares of one kind adding up past the limit, naming the total", () => {
    const tooMuch = coalition.map((b) => (b.id === "lead" ? { ...b, words: 1431 } : b));
    expect(budgetProblem(tooMuch, targets)).toEqual({ code: "over-limit", kind: "organisation", total: 4200 + 1431, limit: 5630 });
    // Exactly the limit is fine.
    expect(budgetProblem(tooMuch.map((b) => (b.id === "lead" ? { ...b, words: 1430 } : b)), targets)).toBeNull();
  });

  it("judges sections and organisations as two splits of the same limit", () => {
    const sections: WordBudget[] = [
      { kind: "section", id: "background", words: 3000 },
      { kind: "section", id: "recommendations", words: 2630 },
    ];
    expect(budgetProblem([...coalition, ...sections], targets)).toBeNull();
    expect(budgetProblem([...sections, { kind: "section", id: "summary", words: 1 }], targets)).toMatchObject({ code: "over-limit", kind: "section", total: 5631 });
  });

  it("refuses unknown targets, duplicates, bad numbers and a draft without a limit", () => {
    expect(budgetProblem([{ kind: "section", id: "lead", words: 10 }], targets)).toEqual({ code: "unknown-target", kind: "section", id: "lead" });
    expect(budgetProblem([{ kind: "organisation", id: "elsewhere", words: 10 }], targets)).toEqual({ code: "unknown-target", kind: "organisation", id: "elsewhere" });
    expect(budgetProblem([coalition[0]!, coalition[0]!], targets)).toEqual({ code: "duplicate", kind: "organisation", id: "lead" });
    for (const words of [0, -5, 2.5, Number.NaN, 1_000_001]) expect(budgetProblem([{ kind: "organisation", id: "lead", words }], targets)).toMatchObject({ code: "bad-words" });
    expect(budgetProblem(coalition, { ...targets, limit: null })).toEqual({ code: "no-limit" });
  });

  it("sorts a set into one order", () => {
    expect(sortBudgets([{ kind: "organisation", id: "b", words: 1 }, { kind: "section", id: "z", words: 1 }, { kind: "organisation", id: "a", words: 1 }]).map((b) => `${b.kind}:${b.id}`)).toEqual([
      "section:z",
      "organisation:a",
      "organisation:b",
    ]);
  });
});

describe("shares against counts", () => {
  it("puts each share against its words, and the rest of the limit against everyone else's", () => {
    const counts = new Map([
      ["lead", 1250],
      ["p1", 300],
      ["somebody-else", 90],
    ]);
    const rows = compareShares("organisation", coalition, counts, 2000, 5630);
    expect(rows[0]).toEqual({ kind: "organisation", id: "lead", budget: 1200, used: 1250, over: 50, left: 0 });
    expect(rows[1]).toEqual({ kind: "organisation", id: "p1", budget: 600, used: 300, over: 0, left: 300 });
    expect(rows[2]).toMatchObject({ id: "p2", used: 0, left: 600 });
    // 5,630 − 5,400 budgeted = 230 for the rest; 2,000 counted − 1,550 in shares = 450 there.
    expect(rows.at(-1)).toEqual({ kind: "organisation", id: null, budget: 230, used: 450, over: 220, left: 0 });
    expect(sharesOver(rows).map((r) => r.id)).toEqual(["lead"]);
  });

  it("has no rows for a kind without budgets, and no rest without a limit", () => {
    expect(compareShares("section", coalition, new Map(), 10, 5630)).toEqual([]);
    expect(compareShares("organisation", coalition, new Map(), 10, null)).toHaveLength(coalition.length);
  });
});

describe("live counts for the shares", () => {
  it("credits clients to organisations, this browser's client to its person's, and keeps unknown ones pending", () => {
    const byClient = { byClient: new Map([[1, 5], [2, 7], [3, 11], [4, 2]]), unattributed: 3, total: 28 };
    const { counts, pending } = organisationCounts(byClient, { "1": "lead", "2": "p1" }, { clientId: 3, key: "p1" });
    expect(Object.fromEntries(counts)).toEqual({ lead: 5, p1: 18 });
    expect(pending).toBe(2);
    expect(organisationCounts(byClient, {}, { clientId: 4, key: null }).counts.get("no-organisation")).toBe(2);
  });

  it("reads what two people typed in a real Y.Doc", () => {
    const doc = new Y.Doc();
    const body = doc.getXmlFragment(BODY_FIELD);
    const type = (clientId: number, words: string) => {
      const own = new Y.Doc();
      own.clientID = clientId;
      Y.applyUpdate(own, Y.encodeStateAsUpdate(doc));
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(words)]);
      own.getXmlFragment(BODY_FIELD).insert(own.getXmlFragment(BODY_FIELD).length, [paragraph]);
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(own));
    };
    type(101, "Torture persists in detention.");
    type(202, "Legal aid reaches few.");
    expect(body.length).toBe(2);
    const live = organisationCounts(countWordsByClient(doc, { footnotes: true, headings: true, tables: true }), { "101": "lead" }, { clientId: 202, key: "p1" });
    expect(Object.fromEntries(live.counts)).toEqual({ lead: 4, p1: 4 });
  });

  it("sums a section's words by its template id", () => {
    const pm = documentSchema().nodeFromJSON({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Before any section." }] },
        { type: "heading", attrs: { level: 1, section: "background" }, content: [{ type: "text", text: "Background" }] },
        { type: "paragraph", content: [{ type: "text", text: "Four words of text." }] },
      ],
    });
    expect(Object.fromEntries(sectionCounts(countSectionWords(pm, { footnotes: true, headings: true, tables: true })))).toEqual({ background: 5 });
  });
});
