import { Link } from "@remix-run/react";
import { Alert } from "../components/ui";
import type { ImportSummary, RowProblem } from "../../core/library/import-types";
import { count } from "../../core/text/count";

const UNIT_LABEL = { row: "Row", item: "Item", entry: "Entry" } as const;

/** The rows a file could not give, each with its number as the person's own file counts it. */
export function RowProblems({ problems, total, unit }: { problems: readonly RowProblem[]; total: number; unit: keyof typeof UNIT_LABEL }) {
  return (
    <>
      <ul className="row-problems">
        {problems.map((p) => (
          <li key={p.rowNumber}>
            <strong>
              {UNIT_LABEL[unit]} {p.rowNumber}:
            </strong>{" "}
            {p.reasons.join("; ")}
          </li>
        ))}
      </ul>
      {total > problems.length ? <p className="small">… and {count(total - problems.length, "more", "more")}.</p> : null}
    </>
  );
}

/** What an import did, or why it wrote nothing. */
export function ImportSummaryView({ summary, libraryHref }: { summary: ImportSummary; libraryHref: string }) {
  const noun = summary.kind === "recommendations" ? ["recommendation", "recommendations"] : ["source", "sources"];
  const unitNoun = summary.unit === "entry" ? ["entry", "entries"] : summary.unit === "item" ? ["item", "items"] : ["row", "rows"];
  const bad = count(summary.errorCount, unitNoun[0]!, unitNoun[1]!);
  if (!summary.written) {
    return (
      <Alert tone="error" title="Nothing was imported">
        <p>
          {bad} of {summary.read.toLocaleString("en")} cannot be imported. Fix them in the file and import it again, or choose “Import the good
          rows”.
        </p>
        <RowProblems problems={summary.errors} total={summary.errorCount} unit={summary.unit} />
      </Alert>
    );
  }
  const stored = summary.inserted + summary.updated + summary.unchanged;
  const parts = [
    `${summary.inserted.toLocaleString("en")} new`,
    `${summary.updated.toLocaleString("en")} updated`,
    summary.unchanged > 0 ? `${summary.unchanged.toLocaleString("en")} already there unchanged` : null,
    summary.duplicates > 0 ? `${count(summary.duplicates, "repeat", "repeats")} in the file merged` : null,
  ].filter(Boolean);
  return (
    <Alert tone={summary.errorCount > 0 ? "warning" : "success"} title={`Imported ${count(stored, noun[0]!, noun[1]!)} into the coalition’s library`}>
      <p>
        {parts.join(", ")}. <Link to={libraryHref}>Search the library</Link>
      </p>
      {summary.errorCount > 0 ? (
        <>
          <p>{bad} skipped:</p>
          <RowProblems problems={summary.errors} total={summary.errorCount} unit={summary.unit} />
        </>
      ) : null}
    </Alert>
  );
}
