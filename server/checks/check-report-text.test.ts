import { describe, expect, it } from "vitest";
import { message } from "../../core/i18n/message";
import type { DraftCheck, PlacedFinding } from "./check-draft";
import { describeTotals, describeWords, draftCheckJson, formatDraftCheck as formatIn } from "./check-report-text";
import { cliTranslator } from "./cli-language";

const en = cliTranslator("en");
const formatDraftCheck = (check: DraftCheck) => formatIn(check, en);
const finding = (severity: PlacedFinding["severity"]): PlacedFinding => ({
  rule: "footnote.empty",
  severity,
  message: message("checks.footnote.empty", { n: 1 }),
  location: null,
  where: message("checks.place.wholeDraft"),
});

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

describe("the command-line report's counts, by each language's plural rules", () => {
  it("writes one in the singular and every other number in the plural", () => {
    expect(en.text(describeTotals(checkWith([finding("error"), finding("warning")])))).toBe("1 error, 1 warning, 0 suggestions: fix the errors before submitting.");
    expect(en.text(describeTotals(checkWith([finding("error"), finding("error"), finding("info")])))).toBe("2 errors, 0 warnings, 1 suggestion: fix the errors before submitting.");
    expect(en.text(describeTotals(checkWith([finding("warning"), finding("warning")])))).toBe("0 errors, 2 warnings, 0 suggestions.");
    expect(describeTotals(checkWith([finding("warning")]))).toEqual({ id: "checks.summary.totals", values: { errors: 0, warnings: 1, suggestions: 0 } });
  });

  it("counts a one-word draft as one word, and prints the totals last", () => {
    expect(en.text(describeWords(checkWith([], 1, null)))).toBe("1 word · footnotes counted · no published limit");
    expect(en.text(describeWords(checkWith([], 2640)))).toBe("2,640 of 2,815 words · footnotes counted · 175 to spare");
    expect(en.text(describeWords(checkWith([], 2990)))).toBe("2,990 of 2,815 words · footnotes counted · 175 over");
    expect(formatDraftCheck(checkWith([finding("warning")]))).toMatch(/Warnings \(1\)\n {2}whole draft {5}Note 1 is empty\. Write the reference, or delete the marker\.\n\n0 errors, 1 warning, 0 suggestions\.\n$/);
  });

  it("says the same report in French and in Arabic, with their plurals and numbers", () => {
    const fr = cliTranslator("fr");
    const ar = cliTranslator("ar");
    expect(fr.text(describeWords(checkWith([], 2640)))).toBe("2\u202f640 sur 2\u202f815 mots · notes de bas de page comptées · 175 mots de marge");
    expect(fr.text(describeTotals(checkWith([finding("error"), finding("warning"), finding("warning")])))).toBe(
      "1 erreur, 2 avertissements, 0 suggestion\u00a0: corrigez les erreurs avant de soumettre.",
    );
    expect(ar.text(describeTotals(checkWith([finding("error"), finding("warning"), finding("warning")])))).toBe("خطأ واحد، تحذيران، لا اقتراحات: صحح الأخطاء قبل تقديم الورقة.");
    const text = formatIn(checkWith([finding("error")]), fr);
    expect(text).toContain("Modèle\u00a0: UPR stakeholder submission — one organisation\n");
    expect(text).toContain("Erreurs (1)\n  tout le projet  La note 1 est vide.");
  });

  it("prints JSON with each message's id and values, and its text in the report's language", () => {
    const json = draftCheckJson(checkWith([finding("error")]), cliTranslator("es"));
    expect(json.language).toBe("es");
    expect(json.report.findings[0]!.message).toEqual({ id: "checks.footnote.empty", values: { n: 1 }, text: "La nota 1 está vacía. Escriba la referencia o elimine la llamada de nota." });
    expect(json.report.findings[0]!.where).toEqual({ id: "checks.place.wholeDraft", text: "todo el borrador" });
    expect(json.summary.totals.text).toBe("1 error, 0 advertencias, 0 sugerencias: corrija los errores antes de presentar la contribución.");
  });
});
