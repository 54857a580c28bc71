import { message, type Message } from "../i18n/message";
import type { ImportSummary, RowProblem } from "./import-types";

/**
 * What an import did, as messages: built once from the server's counts, and put into words by
 * the page (in the person's language) or by `npm run library:import -- --lang`. Counts travel
 * as values, so each language applies its own plural rules ("1 row", Arabic's six forms).
 */
export interface ImportReport {
  tone: "error" | "warning" | "success";
  title: Message;
  /** Sentences under the title; the page puts its link to the library after the last. */
  lines: Message[];
  /** Introduces the bad rows when some were skipped. */
  skipped: Message | null;
}

type Unit = ImportSummary["unit"];

export function importReport(summary: ImportSummary): ImportReport {
  const unit: Unit = summary.unit;
  if (!summary.written) {
    return {
      tone: "error",
      title: message("import.report.nothingTitle"),
      // A malformed entry may have been read only in part, so skipping it is not offered.
      lines: [
        summary.malformed
          ? message("import.report.malformed", { count: summary.malformed, read: summary.read })
          : message("import.report.refused", { unit, count: summary.errorCount, read: summary.read }),
      ],
      skipped: null,
    };
  }
  const stored = summary.inserted + summary.updated + summary.unchanged;
  const parts = [message("import.report.new", { count: summary.inserted }), message("import.report.updated", { count: summary.updated })];
  if (summary.unchanged > 0) parts.push(message("import.report.unchanged", { count: summary.unchanged }));
  if (summary.duplicates > 0) parts.push(message("import.report.merged", { count: summary.duplicates }));
  return {
    tone: summary.errorCount > 0 ? "warning" : "success",
    title: message("import.report.importedTitle", { kind: summary.kind, count: stored }),
    lines: parts,
    skipped: summary.errorCount > 0 ? message("import.report.skipped", { unit, count: summary.errorCount }) : null,
  };
}

/** "Row 3:", "Item 2:", "Entry 5:": where a bad row is, as the person's own file numbers it. */
export function rowProblemPlace(unit: Unit, problem: RowProblem): Message {
  return message("import.problem.place", { unit, row: problem.rowNumber });
}

/** "… and 12 more.": the bad rows a report counts but does not list. */
export function moreProblems(total: number, shown: number): Message | null {
  return total > shown ? message("import.problem.more", { count: total - shown }) : null;
}
