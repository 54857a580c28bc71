import { count } from "../text/count";
import type { PreflightReport } from "./preflight";
import type { CountingRule } from "./word-count";

/**
 * The two summary lines of a stored draft's check (server/checks/check-draft.ts's DraftCheck), as
 * `npm run check` prints them and the Word-file screen shows them: one wording for both.
 */
export interface CheckSummary {
  counts: Pick<CountingRule, "footnotes">;
  report: Pick<PreflightReport, "words" | "limit">;
  totals: { errors: number; warnings: number; suggestions: number };
}

const format = (n: number) => n.toLocaleString("en");

/** "2,640 of 2,815 words · footnotes counted · 175 to spare", or "… · no published limit". */
export function describeWords(check: CheckSummary): string {
  const { words, limit } = check.report;
  const footnotes = check.counts.footnotes ? "footnotes counted" : "footnotes not counted";
  if (limit === null) return `${count(words.counted, "word")} · ${footnotes} · no published limit`;
  const margin = limit - words.counted;
  return `${format(words.counted)} of ${count(limit, "word")} · ${footnotes} · ${margin >= 0 ? `${format(margin)} to spare` : `${format(-margin)} over`}`;
}

/** "3 errors, 1 warning, 0 suggestions." or "No problems found." */
export function describeTotals(check: CheckSummary): string {
  const { errors, warnings, suggestions } = check.totals;
  if (errors + warnings + suggestions === 0) return "No problems found.";
  const counts = `${count(errors, "error")}, ${count(warnings, "warning")}, ${count(suggestions, "suggestion")}`;
  return errors > 0 ? `${counts}: fix the errors before submitting.` : `${counts}.`;
}
