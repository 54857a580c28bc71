import type { Finding, Severity } from "../../core/checks/finding";
import { count } from "../../core/text/count";

/** The Checks tab's groups, in the order they are listed. */
export const SEVERITY_GROUPS: Array<{ severity: Severity; title: string; one: string; many: string }> = [
  { severity: "error", title: "Errors", one: "error", many: "errors" },
  { severity: "warning", title: "Warnings", one: "warning", many: "warnings" },
  { severity: "info", title: "Suggestions", one: "suggestion", many: "suggestions" },
];

/** "1 error · 2 warnings": the severities that have findings, each counted in good English. */
export function findingsSummary(findings: readonly Finding[]): string {
  if (findings.length === 0) return "No problems found.";
  return SEVERITY_GROUPS.map((group) => ({ group, n: findings.filter((f) => f.severity === group.severity).length }))
    .filter(({ n }) => n > 0)
    .map(({ group, n }) => count(n, group.one, group.many))
    .join(" · ");
}
