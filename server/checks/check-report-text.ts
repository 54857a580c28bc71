import type { Severity } from "../../core/checks/finding";
import { count } from "../../core/text/count";
import type { DraftCheck, PlacedFinding } from "./check-draft";

const GROUPS: Array<{ severity: Severity; title: string }> = [
  { severity: "error", title: "Errors" },
  { severity: "warning", title: "Warnings" },
  { severity: "info", title: "Suggestions" },
];

const format = (n: number) => n.toLocaleString("en");

/** "2,640 of 2,815 words · footnotes counted · 175 to spare", or "… · no published limit". */
export function describeWords(check: DraftCheck): string {
  const { words, limit } = check.report;
  const footnotes = check.counts.footnotes ? "footnotes counted" : "footnotes not counted";
  if (limit === null) return `${count(words.counted, "word")} · ${footnotes} · no published limit`;
  const margin = limit - words.counted;
  return `${format(words.counted)} of ${count(limit, "word")} · ${footnotes} · ${margin >= 0 ? `${format(margin)} to spare` : `${format(-margin)} over`}`;
}

/** "3 errors, 1 warning, 0 suggestions." or "No problems found." */
export function describeTotals(check: DraftCheck): string {
  const { errors, warnings, suggestions } = check.totals;
  if (errors + warnings + suggestions === 0) return "No problems found.";
  const counts = `${count(errors, "error")}, ${count(warnings, "warning")}, ${count(suggestions, "suggestion")}`;
  return errors > 0 ? `${counts}: fix the errors before submitting.` : `${counts}.`;
}

const PLACE_WIDTH = 14;
const INDENT = " ".repeat(2 + PLACE_WIDTH + 2);

/** Place, then message in a column; a place too long for the column ("heading “…”") gets a line of its own. */
function findingLines(finding: PlacedFinding): string[] {
  const lines = finding.where.length > PLACE_WIDTH ? [`  ${finding.where}`, `${INDENT}${finding.message}`] : [`  ${finding.where.padEnd(PLACE_WIDTH)}  ${finding.message}`];
  if (finding.fix) lines.push(`${INDENT}(one-click fix in the editor: ${finding.fix.label})`);
  return lines;
}

/**
 * The report as `npm run check` prints it: title and template, the word count against the
 * limit, the findings grouped by severity with where each is, and a summary line.
 */
export function formatDraftCheck(check: DraftCheck): string {
  const lines = [check.draft.title, `Template: ${check.template?.title ?? "none (only the checks that need no template ran)"}`, describeWords(check)];
  for (const group of GROUPS) {
    const findings = check.report.findings.filter((f) => f.severity === group.severity);
    if (findings.length === 0) continue;
    lines.push("", `${group.title} (${findings.length})`, ...findings.flatMap(findingLines));
  }
  lines.push("", describeTotals(check));
  return `${lines.join("\n")}\n`;
}
