import { Link } from "@remix-run/react";
import type { DraftCheck } from "../../../server/checks/check-draft";
import { describeTotals, describeWords } from "../../../core/checks/report-summary";
import { isMessage, message, type Message } from "../../../core/i18n/message";
import type { Translator } from "../../../core/i18n/translator";
import type { WordImportOutcome } from "../../../server/import/word-import";
import { useT } from "../../i18n/i18n-provider";
import { Alert } from "../ui";

const GROUPS = [
  { severity: "error", title: "import.word.check.errors" },
  { severity: "warning", title: "import.word.check.warnings" },
  { severity: "info", title: "import.word.check.suggestions" },
] as const;

type Outcome = Pick<WordImportOutcome, "report" | "comments" | "coverFromFile" | "maxComments" | "suggestions" | "maxSuggestions">;

/**
 * "95 numbered paragraphs, 117 footnotes, 33 headings, 2 tables imported; …": what came across,
 * as messages whose counts each language puts with its own plural forms. The parts of a list
 * ("3 numbered paragraphs", "1 heading") are messages too, joined by importSentence.
 */
export function describeImport(outcome: Outcome): Array<{ message: Message; parts?: Message[] }> {
  const { report, comments, coverFromFile } = outcome;
  // Paragraphs and notes are always said, even as 0: they are what a submission is made of.
  const kept = [
    message("import.word.kept.paragraphs", { count: report.numberedParagraphs }),
    message("import.word.kept.footnotes", { count: report.footnotes + report.endnotesConverted }),
    ...(report.headings ? [message("import.word.kept.headings", { count: report.headings })] : []),
    ...(report.tables ? [message("import.word.kept.tables", { count: report.tables })] : []),
    ...(report.lists ? [message("import.word.kept.lists", { count: report.lists })] : []),
  ];
  const sentences: Array<{ message: Message; parts?: Message[] }> = [{ message: message("import.word.imported"), parts: kept }];
  if (report.coverLines > 0) {
    sentences.push(
      coverFromFile.length
        ? { message: message("import.word.coverTaken", { lines: report.coverLines }), parts: coverFromFile }
        : { message: message("import.word.coverRemoved", { lines: report.coverLines }) }
    );
  }
  if (report.manuallyNumberedParagraphs > 0) sentences.push({ message: message("import.word.typedNumbers", { count: report.manuallyNumberedParagraphs }) });
  if (report.endnotesConverted > 0) sentences.push({ message: message("import.word.endnotes", { count: report.endnotesConverted }) });
  const dropped = [
    ...(report.imagesDropped ? [message("import.word.dropped.images", { count: report.imagesDropped })] : []),
    ...(report.textBoxesDropped ? [message("import.word.dropped.textBoxes", { count: report.textBoxesDropped })] : []),
    ...(report.fieldsDropped ? [message("import.word.dropped.fields", { count: report.fieldsDropped })] : []),
  ];
  if (dropped.length) sentences.push({ message: message("import.word.dropped"), parts: dropped });
  if (report.listsRestyled) sentences.push({ message: message("import.word.listsRestyled", { count: report.listsRestyled }) });
  sentences.push(...describeTrackedChanges(outcome));
  if (comments.threads > 0) {
    const { comments: count, threads, resolved, yours } = comments;
    sentences.push({ message: message("import.word.comments", { count, threads, resolved, yours }) });
    if (report.commentsDropped)
      sentences.push({ message: message("import.word.commentsDropped", { count: report.commentsDropped, max: outcome.maxComments }) });
    if (comments.placedNearby) sentences.push({ message: message("import.word.placedNearby", { count: comments.placedNearby }) });
  }
  return sentences;
}

/** The file's tracked changes: kept as suggestions (by whom), accepted, left out; formatting changes accepted. */
function describeTrackedChanges({ report, suggestions, maxSuggestions }: Outcome): Array<{ message: Message; parts?: Message[] }> {
  const sentences: Array<{ message: Message; parts?: Message[] }> = [];
  if (suggestions.kept > 0) {
    const parts = suggestions.authors.map(({ name, count }) => message("import.word.suggestionsBy", { name, count }));
    if (suggestions.otherAuthors) parts.push(message("import.word.suggestionsByOthers", { count: suggestions.otherAuthors }));
    sentences.push({ message: message("import.word.suggestions", { count: suggestions.kept, yours: suggestions.yours }), parts });
  }
  if (report.trackedChangesAccepted > 0) sentences.push({ message: message("import.word.trackedAccepted", { count: report.trackedChangesAccepted, max: maxSuggestions }) });
  if (report.trackedChangesLeftOut > 0) sentences.push({ message: message("import.word.trackedLeftOut", { count: report.trackedChangesLeftOut }) });
  if (report.formattingChanges > 0) sentences.push({ message: message("import.word.formattingChanges", { count: report.formattingChanges }) });
  return sentences;
}

/** One sentence of the report in words, its list parts joined with the language's comma ("، " in Arabic). */
export function importSentence({ t, text }: Pick<Translator, "t" | "text">, sentence: { message: Message; parts?: Message[] }): string {
  const { id, values } = sentence.message;
  return sentence.parts ? t(id, { ...values, parts: sentence.parts.map(text).join(t("import.report.separator")) }) : text(sentence.message);
}

/** The checks' summaries and findings, as words or (once the checks speak in messages) as messages. */
const say = (text: Translator["text"], value: unknown): string => (isMessage(value) ? text(value) : String(value));

/** The pre-flight report: words against the limit, then every finding by severity with where it is. */
export function CheckReport({ check, headingId }: { check: DraftCheck; headingId: string }) {
  const { t, text } = useT();
  const { errors } = check.totals;
  return (
    <section aria-labelledby={headingId} className="word-check-report">
      <h3 id={headingId}>{check.template ? t("import.word.check.headingFor", { template: check.template.title }) : t("import.word.check.heading")}</h3>
      <p>
        <strong>{say(text, describeWords(check))}</strong>
      </p>
      <Alert tone={errors > 0 ? "warning" : check.totals.warnings > 0 ? "info" : "success"}>{say(text, describeTotals(check))}</Alert>
      {GROUPS.map(({ severity, title }) => {
        const findings = check.report.findings.filter((f) => f.severity === severity);
        if (findings.length === 0) return null;
        return (
          <details key={severity} open={severity !== "info"}>
            <summary>{t(title, { count: findings.length })}</summary>
            <ul className="check-findings">
              {findings.map((f, i) => (
                <li key={i} data-rule={f.rule}>
                  <strong>{t("import.word.check.where", { where: say(text, f.where) })}</strong> {say(text, f.message)}
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
  const i18n = useT();
  const { t } = i18n;
  return (
    <section aria-label={t("import.word.report")} className="word-import-report">
      <Alert tone="success" title={t("import.word.made", { title: outcome.draft.title, file: outcome.fileName })}>
        <ul>
          {describeImport(outcome).map((sentence) => {
            const said = importSentence(i18n, sentence);
            return <li key={said}>{said}</li>;
          })}
        </ul>
        <p>
          <Link className="btn btn-primary" to={draftHref}>
            {t("import.word.open")}
          </Link>
        </p>
      </Alert>
      <CheckReport check={outcome.check} headingId="import-check-heading" />
    </section>
  );
}
