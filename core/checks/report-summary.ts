import { message, type Message } from "../i18n/message";
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

/** "2,640 of 2,815 words · footnotes counted · 175 to spare", or "… · no published limit". */
export function describeWords(check: CheckSummary): Message {
  const { words, limit } = check.report;
  const footnotes = check.counts.footnotes ? "yes" : "no";
  if (limit === null) return message("checks.summary.wordsNoLimit", { counted: words.counted, footnotes });
  const margin = limit - words.counted;
  return margin >= 0
    ? message("checks.summary.wordsSpare", { counted: words.counted, limit, footnotes, spare: margin })
    : message("checks.summary.wordsOver", { counted: words.counted, limit, footnotes, over: -margin });
}

/** "3 errors, 1 warning, 0 suggestions." or "No problems found." */
export function describeTotals(check: CheckSummary): Message {
  const { errors, warnings, suggestions } = check.totals;
  if (errors + warnings + suggestions === 0) return message("checks.summary.none");
  return message(errors > 0 ? "checks.summary.totalsWithErrors" : "checks.summary.totals", { errors, warnings, suggestions });
}
