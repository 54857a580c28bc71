import { describe, expect, it } from "vitest";
import { createTranslator } from "../i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { importReport, moreProblems, rowProblemPlace } from "./import-report";
import type { ImportSummary } from "./import-types";
import { message } from "../i18n/message";

const en = createTranslator("en", UI_CATALOGUES.en);
const fr = createTranslator("fr", UI_CATALOGUES.fr);
const ar = createTranslator("ar", UI_CATALOGUES.ar);
const arabicDigits = createTranslator("ar", UI_CATALOGUES.ar, { numerals: "arab" });

const COUNTS = [0, 1, 2, 3, 11, 100] as const;

function summary(inserted: number, skipped: number): ImportSummary {
  return {
    kind: "recommendations",
    written: true,
    read: inserted + skipped,
    unit: "row",
    inserted,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    errorCount: skipped,
    errors: [],
  };
}

/** Title, counts and the skipped line, as the page shows them. */
function said(t: typeof en, report: ReturnType<typeof importReport>): string[] {
  return [t.text(report.title), ...report.lines.map(t.text), ...(report.skipped ? [t.text(report.skipped)] : [])];
}

describe("an import report, rendered in the reader's language", () => {
  it("keeps the English wording of the page", () => {
    expect(said(en, importReport(summary(3, 1)))).toEqual(["Imported 3 recommendations into the coalition’s library", "3 new", "0 updated", "1 row skipped:"]);
    expect(en.text(importReport({ ...summary(0, 6), written: false, read: 20 }).lines[0]!)).toBe(
      "6 rows of 20 cannot be imported. Fix them in the file and import it again, or choose “Import the good rows”."
    );
    // Malformed entries: skipping them is not offered, as what was read of them may be partial.
    const malformed = { ...summary(0, 2), kind: "sources" as const, unit: "entry" as const, written: false, read: 5, malformed: 1 };
    expect(said(en, importReport(malformed))).toEqual([
      "Nothing was imported",
      "1 entry of 5 is not written as the format requires, so none of the file was imported: what was read of it may be partial. Fix the file and import it again.",
    ]);
  });

  it("says French counts with French plurals (one covers 0 and 1)", () => {
    expect(COUNTS.map((n) => said(fr, importReport(summary(n, n))))).toEqual([
      // Nothing skipped, nothing said about skipping.
      ["0 recommandation importée dans la bibliothèque de la coalition", "0 nouvelle", "0 mise à jour"],
      ["1 recommandation importée dans la bibliothèque de la coalition", "1 nouvelle", "0 mise à jour", "1 ligne ignorée :"],
      ["2 recommandations importées dans la bibliothèque de la coalition", "2 nouvelles", "0 mise à jour", "2 lignes ignorées :"],
      ["3 recommandations importées dans la bibliothèque de la coalition", "3 nouvelles", "0 mise à jour", "3 lignes ignorées :"],
      ["11 recommandations importées dans la bibliothèque de la coalition", "11 nouvelles", "0 mise à jour", "11 lignes ignorées :"],
      ["100 recommandations importées dans la bibliothèque de la coalition", "100 nouvelles", "0 mise à jour", "100 lignes ignorées :"],
    ]);
    expect(COUNTS.map((n) => fr.text(importReport({ ...summary(0, n), unit: "entry", written: false, read: 100 }).lines[0]!).split(".")[0])).toEqual([
      "0 entrée sur 100 ne peut pas être importée",
      "1 entrée sur 100 ne peut pas être importée",
      "2 entrées sur 100 ne peuvent pas être importées",
      "3 entrées sur 100 ne peuvent pas être importées",
      "11 entrées sur 100 ne peuvent pas être importées",
      "100 entrées sur 100 ne peuvent pas être importées",
    ]);
  });

  it("says Arabic counts with all six plural forms", () => {
    expect(COUNTS.map((n) => ar.text(importReport(summary(n, 0)).title))).toEqual([
      "استُورد 0 توصية إلى مكتبة التحالف",
      "استُورد توصية واحدة إلى مكتبة التحالف",
      "استُورد توصيتان إلى مكتبة التحالف",
      "استُورد 3 توصيات إلى مكتبة التحالف",
      "استُورد 11 توصية إلى مكتبة التحالف",
      "استُورد 100 توصية إلى مكتبة التحالف",
    ]);
    expect(COUNTS.map((n) => ar.text(message("import.report.skipped", { unit: "row", count: n })))).toEqual([
      "تُخطّي 0 صف:",
      "تُخطّي صف واحد:",
      "تُخطّي صفان:",
      "تُخطّي 3 صفوف:",
      "تُخطّي 11 صفًا:",
      "تُخطّي 100 صف:",
    ]);
    // Arabic-Indic digits when the reader chose them.
    expect(arabicDigits.text(importReport(summary(11, 0)).title)).toBe("استُورد ١١ توصية إلى مكتبة التحالف");
  });

  it("puts the row number and the file's own column name in a row's problem", () => {
    const problem = { rowNumber: 1234, reasons: [message("import.row.cellTooLong", { column: "Reccomending Body", length: 40_000, max: 32_767 })] };
    expect(`${fr.text(rowProblemPlace("row", problem))} ${fr.text(problem.reasons[0]!)}`).toBe(
      "Ligne 1234 : « Reccomending Body » compte 40\u202f000 caractères ; la limite est de 32\u202f767"
    );
    expect(ar.text(rowProblemPlace("entry", problem))).toBe("المُدخل 1234:");
    expect(ar.text(moreProblems(13, 10)!)).toBe("… و3 أخرى.");
    expect(fr.text(moreProblems(13, 10)!)).toBe("… et 3 autres.");
  });
});
