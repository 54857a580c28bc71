import type { Finding, Severity } from "../../core/checks/finding";
import type { Translator } from "../../core/i18n/translator";

/** The Checks tab's groups, in the order they are listed (titles: checks.group.<severity>). */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** "1 error · 2 warnings": the severities that have findings, each counted in the reader's language. */
export function findingsSummary(findings: readonly Finding[], t: Pick<Translator, "t">): string {
  if (findings.length === 0) return t.t("checks.summary.none");
  return SEVERITIES.map((severity) => ({ severity, count: findings.filter((f) => f.severity === severity).length }))
    .filter(({ count }) => count > 0)
    .map(({ severity, count }) => t.t(`checks.count.${severity}`, { count }))
    .join(" · ");
}
