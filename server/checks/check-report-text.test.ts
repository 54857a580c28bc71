import { describe, expect, it } from "vitest";
import type { DraftCheck, PlacedFinding } from "./check-draft";
import { count } from "../../core/text/count";
import { describeTotals, describeWords, formatDraftCheck } from "./check-report-text";

const finding = (severity: PlacedFinding["severity"], message: string): PlacedFinding => ({ rule: "test.rule", severity, message, location: null, where: "whole draft" });

/** A check as checkDraft returns it, with the given findings and words. */
function checkWith(findings: PlacedFinding[], words = 2640, limit: number | null = 2815): DraftCheck {
  const count = (severity: PlacedFinding["severity"]) => findings.filter((f) => f.severity === severity).length;
  return {
    draft: { id: "", title: "Submission", stateUnderReview: "GHA", stateName: "Ghana" },
    template: { slug: "upr-individual", title: "UPR stakeholder submission — one organisation" },
    counts: { footnotes: true, headings: true, tables: true },
    report: { words: { counted: words, body: words, headings: 0, tables: 0, footnotes: 0 }, limit, findings },
    totals: { errors: count("error"), warnings: count("warning"), suggestions: count("info") },
  };
}

describe("the command-line report's counts, by English plural rules", () => {
  it("writes one in the singular and every other number in the plural", () => {
    expect(describeTotals(checkWith([finding("error", "A."), finding("warning", "B.")]))).toBe("1 error, 1 warning, 0 suggestions: fix the errors before submitting.");
    expect(describeTotals(checkWith([finding("error", "A."), finding("error", "B."), finding("info", "C.")]))).toBe("2 errors, 0 warnings, 1 suggestion: fix the errors before submitting.");
    expect(describeTotals(checkWith([finding("warning", "A."), finding("warning", "B.")]))).toBe("0 errors, 2 warnings, 0 suggestions.");
    expect(count(1200, "word")).toBe("1,200 words");
    expect(count(1, "word")).toBe("1 word");
  });

  it("counts a one-word draft as one word, and prints the totals last", () => {
    expect(describeWords(checkWith([], 1, null))).toBe("1 word · footnotes counted · no published limit");
    expect(describeWords(checkWith([], 2640))).toBe("2,640 of 2,815 words · footnotes counted · 175 to spare");
    expect(formatDraftCheck(checkWith([finding("warning", "Check this.")]))).toMatch(/Warnings \(1\)\n {2}whole draft {5}Check this\.\n\n0 errors, 1 warning, 0 suggestions\.\n$/);
  });
});
