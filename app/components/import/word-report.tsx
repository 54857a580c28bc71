import { Link } from "@remix-run/react";
import type { DraftCheck } from "../../../server/checks/check-draft";
import { describeTotals, describeWords } from "../../../core/checks/report-summary";
import type { WordImportOutcome } from "../../../server/import/word-import";
import { Alert } from "../ui";
import { count } from "../../../core/text/count";


const GROUPS = [
  { severity: "error", title: "Errors" },
  { severity: "warning", title: "Warnings" },
  { severity: "info", title: "Suggestions" },
] as const;

/** "95 numbered paragraphs, 117 footnotes, 33 headings, 2 tables imported; 1 image dropped; tracked changes accepted." */
export function describeImport(outcome: Pick<WordImportOutcome, "report" | "comments" | "coverFromFile" | "maxComments">): string[] {
  const { report, comments, coverFromFile } = outcome;
  // Paragraphs and notes are always said, even as 0: they are what a submission is made of.
  const kept = [
    count(report.numberedParagraphs, "numbered paragraph"),
    count(report.footnotes + report.endnotesConverted, "footnote"),
    report.headings ? count(report.headings, "heading") : "",
    report.tables ? count(report.tables, "table") : "",
    report.lists ? count(report.lists, "list") : "",
  ]
    .filter(Boolean)
    .join(", ");
  const sentences = [`${kept} imported.`];
  if (report.coverLines > 0) {
    const lines = count(report.coverLines, "line");
    sentences.push(coverFromFile.length ? `The file's cover block (${lines}) became the draft's cover: ${coverFromFile.join(", ")} taken from it.` : `The file's cover block (${lines}) was taken out of the text; the cover is as you filled it in.`);
  }
  const typed = report.manuallyNumberedParagraphs;
  if (typed > 0) sentences.push(typed === 1 ? "1 paragraph had its number typed as text; Caucus numbers it now." : `${count(typed, "paragraph")} had their numbers typed as text; Caucus numbers them now.`);
  if (report.endnotesConverted > 0) sentences.push(`${count(report.endnotesConverted, "endnote")} became ${report.endnotesConverted === 1 ? "a footnote" : "footnotes"} (Caucus has one kind of note).`);
  const dropped = [
    report.imagesDropped ? count(report.imagesDropped, "image") : "",
    report.textBoxesDropped ? count(report.textBoxesDropped, "text box", "text boxes") : "",
    report.fieldsDropped ? count(report.fieldsDropped, "field") : "",
  ].filter(Boolean);
  if (dropped.length) sentences.push(`Dropped: ${dropped.join(", ")} (submissions are text; OHCHR asks for no images).`);
  if (report.listsRestyled) sentences.push(`${count(report.listsRestyled, "list")} used a numbering or bullet style Caucus lacks (such as 01, 02 or a check mark) and ${report.listsRestyled === 1 ? "is" : "are"} shown the nearest way (1, 2 or •).`);
  if (report.trackedChangesAccepted) sentences.push("Tracked changes were accepted: insertions kept, deletions removed.");
  if (comments.threads > 0) {
    const resolved = comments.resolved ? `, ${comments.resolved} of them resolved as in Word` : "";
    const yours = comments.yours ? `; ${count(comments.yours, "comment")} under your name ${comments.yours === 1 ? "is" : "are"} linked to your account` : "";
    sentences.push(`${count(comments.comments, "Word comment")} became ${count(comments.threads, "comment thread")}${resolved}. Each keeps its Word author's name${yours}.`);
    if (report.commentsDropped) sentences.push(`${count(report.commentsDropped, "more comment")} ${report.commentsDropped === 1 ? "was" : "were"} left out: Caucus takes the first ${outcome.maxComments.toLocaleString("en")} comments of a file.`);
    if (comments.placedNearby) sentences.push(`${count(comments.placedNearby, "thread")} whose words could not be found ${comments.placedNearby === 1 ? "sits" : "sit"} on the first words of ${comments.placedNearby === 1 ? "its" : "their"} paragraph.`);
  }
  return sentences;
}

/** The pre-flight report: words against the limit, then every finding by severity with where it is. */
export function CheckReport({ check, headingId }: { check: DraftCheck; headingId: string }) {
  const { errors } = check.totals;
  return (
    <section aria-labelledby={headingId} className="word-check-report">
      <h3 id={headingId}>Pre-flight checks{check.template ? ` for ${check.template.title}` : ""}</h3>
      <p>
        <strong>{describeWords(check)}</strong>
      </p>
      <Alert tone={errors > 0 ? "warning" : check.totals.warnings > 0 ? "info" : "success"}>{describeTotals(check)}</Alert>
      {GROUPS.map(({ severity, title }) => {
        const findings = check.report.findings.filter((f) => f.severity === severity);
        if (findings.length === 0) return null;
        return (
          <details key={severity} open={severity !== "info"}>
            <summary>
              {title} ({findings.length})
            </summary>
            <ul className="check-findings">
              {findings.map((f, i) => (
                <li key={i} data-rule={f.rule}>
                  <strong>{f.where}:</strong> {f.message}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}

/** After an import: what came across, then the new draft's checks. */
export function ImportReport({ outcome, draftHref }: { outcome: WordImportOutcome; draftHref: string }) {
  return (
    <section aria-label="Import report" className="word-import-report">
      <Alert tone="success" title={`“${outcome.draft.title}” was made from ${outcome.fileName}`}>
        <ul>
          {describeImport(outcome).map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
        <p>
          <Link className="btn btn-primary" to={draftHref}>
            Open the draft
          </Link>
        </p>
      </Alert>
      <CheckReport check={outcome.check} headingId="import-check-heading" />
    </section>
  );
}
