import { Link } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import { Alert } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import type { ImportSummary, RowProblem } from "../../core/library/import-types";
import { importReport, moreProblems, rowProblemPlace } from "../../core/library/import-report";

/** The rows a file could not give, each with its number as the person's own file counts it. */
export function RowProblems({ problems, total, unit }: { problems: readonly RowProblem[]; total: number; unit: ImportSummary["unit"] }) {
  const { t, text } = useT();
  const more = moreProblems(total, problems.length);
  return (
    <>
      <ul className="row-problems">
        {problems.map((p) => (
          <li key={p.rowNumber}>
            <strong>{text(rowProblemPlace(unit, p))}</strong> {p.reasons.map(text).join(t("import.problem.separator"))}
          </li>
        ))}
      </ul>
      {more ? <p className="small">{text(more)}</p> : null}
    </>
  );
}

/** What an import did, or why it wrote nothing: the report's messages in the person's language. */
export function ImportSummaryView({ summary, libraryHref }: { summary: ImportSummary; libraryHref: string }) {
  const { t, text } = useT();
  const report = importReport(summary);
  const problems = <RowProblems problems={summary.errors} total={summary.errorCount} unit={summary.unit} />;
  if (!summary.written) {
    return (
      <Alert tone={report.tone} title={text(report.title)}>
        <p>{report.lines.map(text).join(" ")}</p>
        {problems}
      </Alert>
    );
  }
  return (
    <Alert tone={report.tone} title={text(report.title)}>
      <p>
        <FormattedMessage
          id="import.report.sentenceWithLink"
          values={{ parts: report.lines.map(text).join(t("import.report.separator")), link: (chunks) => <Link to={libraryHref}>{chunks}</Link> }}
        />
      </p>
      {report.skipped ? (
        <>
          <p>{text(report.skipped)}</p>
          {problems}
        </>
      ) : null}
    </Alert>
  );
}
