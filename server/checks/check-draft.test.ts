import { expect, it } from "vitest";
import { describeEachDatabase } from "../../test/db/test-database";
import { buildCleanDraft, buildDraftWithProblems, footnote, paragraph, storeDraftContent } from "../../test/draft-content-factories";
import { buildWorkspace } from "../../test/factories";
import { checkDraft, type DraftCheck } from "./check-draft";
import { inEnglish } from "../../test/i18n/english";
import { formatDraftCheck as formatIn } from "./check-report-text";
import { cliTranslator } from "./cli-language";

const formatDraftCheck = (check: DraftCheck) => formatIn(check, cliTranslator("en"));
const placed = (check: DraftCheck, rule: string) => check.report.findings.filter((f) => f.rule === rule).map((f) => `${f.severity} @ ${inEnglish(f.where)}`);
const said = (check: DraftCheck, rule: string) => inEnglish(check.report.findings.find((f) => f.rule === rule)!.message);

describeEachDatabase("checkDraft", (handle) => {
  it("finds on the stored draft what the Checks tab finds, each placed by paragraph, note or heading", async () => {
    const { draft } = await buildDraftWithProblems(handle());
    const check = (await checkDraft(handle().db, draft.id))!;
    expect(check.draft).toMatchObject({ id: draft.id, title: "Ghana: freedom of expression", stateUnderReview: "GHA", stateName: "Ghana" });
    expect(check.template).toEqual({ slug: "upr-individual", title: expect.any(String) });
    expect(check.report.limit).toBe(2815);
    expect(check.report.words.counted).toBeGreaterThan(2900);

    expect(check.report.findings[0]).toMatchObject({ rule: "words.over-limit", severity: "error", where: { id: "checks.place.wholeDraft" } });
    expect(placed(check, "footnote.empty")).toEqual(["error @ note 1"]);
    expect(placed(check, "symbol.normalise")).toEqual(["warning @ note 2"]);
    expect(check.report.findings.find((f) => f.rule === "symbol.normalise")!.fix).toMatchObject({ text: "A/HRC/25/5/Add.1" });
    // The library lookups: 186.60 is there but quoted wrongly, 186.99 is not there at all.
    expect(placed(check, "recommendation.quote-differs")).toEqual(["warning @ para. 3"]);
    expect(said(check, "recommendation.quote-differs")).toContain("Ratify the Optional Protocol");
    expect(placed(check, "recommendation.unknown")).toEqual(["warning @ para. 4"]);
    expect(said(check, "recommendation.unknown")).toContain("Ghana's reviews");
    expect(check.report.findings.find((f) => f.rule === "recommendation.unknown")!.message).toEqual({ id: "checks.recommendation.unknown", values: { number: "186.99", state: "Ghana" } });
    // Note 3 cites the deleted source; note 4's source is still in the library.
    expect(placed(check, "footnote.deleted-source")).toEqual(["error @ note 3"]);
    // The template's sections are soft (docs/domain.md §5): an empty one is a warning, not an error.
    expect(placed(check, "structure.recommendations-empty")).toEqual(["warning @ heading “IV. Recommendations”"]);
    expect(check.totals.errors).toBe(check.report.findings.filter((f) => f.severity === "error").length);
    expect(check.totals.errors).toBeGreaterThanOrEqual(3);
  });

  it("prints a header with the margin, findings by severity with their places, and a summary", async () => {
    const { draft } = await buildDraftWithProblems(handle());
    const text = formatDraftCheck((await checkDraft(handle().db, draft.id))!);
    expect(text).toMatch(/^Ghana: freedom of expression\nTemplate: .+\n[\d,]+ of 2,815 words · footnotes counted · [\d,]+ over\n/);
    expect(text.indexOf("Errors (")).toBeLessThan(text.indexOf("Warnings ("));
    expect(text).toMatch(/\n {2}note 1 +Note 1 is empty/);
    expect(text).toMatch(/\n {2}para\. 4 +Recommendation 186\.99 is not in the library/);
    expect(text).toMatch(/errors?, \d+ warnings?, \d+ suggestions?: fix the errors before submitting\.\n$/);
  });

  it("finds no errors on a complete draft, and places a finding in a list by its heading", async () => {
    const { draft } = await buildCleanDraft(handle());
    const check = (await checkDraft(handle().db, draft.id))!;
    expect(check.report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(placed(check, "recommendation.weak-verb")).toEqual(["warning @ list under heading “IV. Recommendations”"]);
    expect(formatDraftCheck(check)).toMatch(/ of 2,815 words · footnotes counted · [\d,]+ to spare\n/);
  });

  it("checks a draft made without a template by the rules that need none, and knows no unknown id", async () => {
    const { draft } = await buildWorkspace(handle());
    await storeDraftContent(handle(), draft.id, [paragraph("Text.", footnote("n1"))], {});
    const check = (await checkDraft(handle().db, draft.id))!;
    expect(check.template).toBeNull();
    expect(check.report.limit).toBeNull();
    expect(check.report.findings.map((f) => `${f.rule} @ ${inEnglish(f.where)}`)).toEqual(["footnote.empty @ note 1"]);
    expect(await checkDraft(handle().db, "00000000-0000-4000-8000-000000000000")).toBeUndefined();
  });
});
