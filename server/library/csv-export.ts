import { formatAuthors, formatIssued, formatSourceLabel } from "../../core/citations/source-format";
import { IMPORT_FIELDS, type ImportFieldKey } from "../../core/library/import-fields";
import type { RecommendationInput, RecommendationRecord, SourceInput, SourceRecord } from "../../core/library/records";
import { stateName } from "../../core/un/states";

/**
 * The library as spreadsheets: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the
 * Windows code page and garbles 中文 and accents), CRLF rows, RFC 4180 quoting, lists joined with
 * "; ". Recommendation columns carry the import's own field labels, so an exported file maps
 * itself when imported again (core/library/import-presets.ts, guessColumnMapping).
 */

type Cell = string | number | null | undefined;

// A cell Excel would run as a formula ("=HYPERLINK(…)", "+1", "@SUM") is written as text.
const FORMULA = /^[=+@\t\r]|^-(?=\S)/;

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file from a header row and data rows, ready to download. */
export function toCsv(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

const list = (values: readonly (string | number)[]) => values.join("; ");

// The import's labels, in the order a reader scans a recommendation.
const RECOMMENDATION_COLUMNS: ReadonlyArray<ImportFieldKey> = [
  "symbol",
  "paragraph",
  "text",
  "stateUnderReview",
  "recommendingStates",
  "response",
  "responseSource",
  "themes",
  "affectedPersons",
  "sdgGoals",
  "mechanism",
  "body",
  "cycle",
  "session",
  "actionCategory",
  "publicationDate",
  "externalIds.uhri",
  "externalIds.uprInfo",
];
const LABEL = new Map<string, string>(IMPORT_FIELDS.map((f) => [f.key, f.label]));

/** Recommendations as CSV, one row each, under the column names the import reads back. */
export function exportRecommendationsCsv(records: ReadonlyArray<RecommendationInput | RecommendationRecord>): string {
  const headers = [...RECOMMENDATION_COLUMNS.map((key) => LABEL.get(key) ?? key), "Provenance"];
  const rows = records.map((r) => {
    const value: Record<ImportFieldKey, Cell> = {
      symbol: r.symbol,
      paragraph: r.paragraph,
      text: r.text,
      // The UN's short name reads better than the code and maps back to the same code.
      stateUnderReview: stateName(r.stateUnderReview),
      recommendingStates: list(r.recommendingStates),
      response: r.response,
      responseSource: r.responseSource,
      themes: list(r.themes),
      affectedPersons: list(r.affectedPersons),
      sdgGoals: list(r.sdgGoals),
      mechanism: r.mechanism,
      body: r.body,
      cycle: r.cycle,
      session: r.session,
      actionCategory: r.actionCategory,
      publicationDate: r.publicationDate,
      "externalIds.uhri": r.externalIds.uhri,
      "externalIds.uprInfo": r.externalIds.uprInfo,
    };
    return [...RECOMMENDATION_COLUMNS.map((key) => value[key]), r.provenance.source];
  });
  return toCsv(headers, rows);
}

const SOURCE_HEADERS = ["Symbol", "Title", "Issuing body", "Authors", "Type", "Date", "URL", "Container", "Publisher", "DOI", "Default pinpoint", "Citation", "Provenance"];

/** Sources as CSV for reading and sharing; CSL-JSON is the format to re-import. */
export function exportSourcesCsv(records: ReadonlyArray<SourceInput | SourceRecord>): string {
  const rows = records.map((s) => [
    s.unSymbol,
    s.csl.title,
    s.issuingBody,
    formatAuthors(s.csl.author),
    s.csl.type,
    formatIssued(s.csl.issued),
    s.csl.URL,
    s.csl["container-title"],
    s.csl.publisher,
    s.csl.DOI,
    s.defaultPinpoint,
    formatSourceLabel(s, { form: "full" }),
    s.provenance.source,
  ]);
  return toCsv(SOURCE_HEADERS, rows);
}
