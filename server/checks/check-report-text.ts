import type { Severity } from "../../core/checks/finding";
import { describeTotals, describeWords } from "../../core/checks/report-summary";
import type { DraftCheck, PlacedFinding } from "./check-draft";

export { describeTotals, describeWords };

const GROUPS: Array<{ severity: Severity; title: string }> = [
  { severity: "error", title: "Errors" },
  { severity: "warning", title: "Warnings" },
  { severity: "info", title: "Suggestions" },
];

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
