import type { Finding, Severity } from "../../core/checks/finding";
import { describeTotals, describeWords } from "../../core/checks/report-summary";
import type { Message } from "../../core/i18n/message";
import type { Translator } from "../../core/i18n/translator";
import type { DraftCheck, PlacedFinding } from "./check-draft";

export { describeTotals, describeWords };

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const PLACE_WIDTH = 14;
const INDENT = " ".repeat(2 + PLACE_WIDTH + 2);

/**
 * Place, then message in a column; a place too long for the column ("heading “…”") gets a line
 * of its own. Widths are counted in characters, as a terminal lays out Latin and Arabic letters alike.
 */
function findingLines(finding: PlacedFinding, t: Translator): string[] {
  const where = t.text(finding.where);
  const said = t.text(finding.message);
  const lines = where.length > PLACE_WIDTH ? [`  ${where}`, `${INDENT}${said}`] : [`  ${where.padEnd(PLACE_WIDTH)}  ${said}`];
  if (finding.fix) lines.push(`${INDENT}${t.t("cli.report.fix", { label: t.text(finding.fix.label) })}`);
  return lines;
}

/**
 * The report as `npm run check` prints it, in the translator's language: title and template, the
 * word count against the limit, the findings grouped by severity with where each is, and a summary line.
 */
export function formatDraftCheck(check: DraftCheck, t: Translator): string {
  const template = check.template ? t.t("cli.report.template", { title: check.template.title }) : t.t("cli.report.noTemplate");
  const lines = [check.draft.title, template, t.text(describeWords(check))];
  for (const severity of SEVERITIES) {
    const findings = check.report.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    lines.push("", t.t(`cli.report.group.${severity}`, { count: findings.length }), ...findings.flatMap((f) => findingLines(f, t)));
  }
  lines.push("", t.text(describeTotals(check)));
  return `${lines.join("\n")}\n`;
}

/** A message as `--json` prints it: its catalogue id and values, for a program, and its text, for a person. */
export interface RenderedMessage extends Message {
  text: string;
}

const rendered = (message: Message, t: Translator): RenderedMessage => ({ ...message, text: t.text(message) });

type JsonFinding = Omit<PlacedFinding, "message" | "where" | "fix"> & {
  message: RenderedMessage;
  where: RenderedMessage;
  fix?: Omit<NonNullable<Finding["fix"]>, "label"> & { label: RenderedMessage };
};

/** The check as `--json` prints it: the same fields, each message with its text in the report's language. */
export function draftCheckJson(check: DraftCheck, t: Translator) {
  const findings = check.report.findings.map(({ fix, ...finding }): JsonFinding => ({
    ...finding,
    message: rendered(finding.message, t),
    where: rendered(finding.where, t),
    ...(fix ? { fix: { ...fix, label: rendered(fix.label, t) } } : {}),
  }));
  return {
    ...check,
    language: t.locale,
    report: { ...check.report, findings },
    summary: { words: rendered(describeWords(check), t), totals: rendered(describeTotals(check), t) },
  };
}
