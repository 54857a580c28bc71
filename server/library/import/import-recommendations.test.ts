import { createTranslator } from "../../../core/i18n/translator";
import { UI_CATALOGUES } from "../../../locales/ui/all";
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ImportFileError } from "./import-file-error";
import { MAX_REPORTED_ROW_ERRORS, parseRecommendationFile, type ImportProgress } from "./import-recommendations";

// Rows' problems are messages; these tests read them as an English reader does.
const english = createTranslator("en", UI_CATALOGUES.en);

const FIXTURES = new URL("../../../test/fixtures/library/", import.meta.url);
const fixture = (name: string) => readFile(new URL(name, FIXTURES));
const provenance = { source: "UHRI export", licence: "UN public record", retrievedAt: "2026-11-27" };
const parseFixture = async (name: string) => parseRecommendationFile({ name, bytes: await fixture(name) }, { provenance });

describe("parseRecommendationFile: a UHRI export", () => {
  it("guesses the preset, normalises every row and keeps the later of two copies", async () => {
    const result = await parseFixture("uhri-export.csv");
    expect([result.format, result.preset, result.rowsRead, result.records.length, result.duplicatesInFile, result.errorCount]).toEqual(["csv", "uhri", 11, 10, 1, 0]);
    const ghana = result.records.find((r) => r.paragraph === "186.60");
    expect(ghana?.themes).toEqual(["Cooperation with special procedures", "Cooperation with treaty bodies", "Cooperation with human rights mechanisms & institutions"]);
    expect(result.records.indexOf(ghana!)).toBe(0); // the copy replaced the first in place
    expect(result.records.find((r) => r.paragraph === "186.157")?.recommendingStates).toEqual(["Côte d'Ivoire"]);
    const byBody = Object.fromEntries(result.records.filter((r) => r.mechanism === "TB").map((r) => [r.body, [r.symbol, r.paragraph, r.publicationDate]]));
    expect(byBody).toEqual({
      CEDAW: ["CEDAW/C/CHN/CO/7-8", "78", "2014-11-07"],
      CRC: ["CRC/C/CHN/CO/3-4", "", "2013-10-04"],
      CESCR: ["E/C.12/WG/CHN/Q/2", "27", "2013-06-13"],
      CAT: ["CAT/C/CHN/CO/5", "61", "2016-02-03"],
    });
    expect(result.records.every((r) => r.stateUnderReview === "CHN" && r.provenance.source === "UHRI export")).toBe(true);
  });

  it("gives the same records from the .xlsx of the same export", async () => {
    const [fromCsv, fromXlsx] = await Promise.all([parseFixture("uhri-export.csv"), parseFixture("uhri-export.xlsx")]);
    expect(fromXlsx.format).toBe("xlsx");
    expect(fromXlsx.records).toEqual(fromCsv.records);
    expect(fromXlsx.duplicatesInFile).toBe(1);
  });

  it("gives the same records from a semicolon-separated copy with a BOM", async () => {
    const rows: string[][] = parse(await fixture("uhri-export.csv"), { relax_column_count: true, skip_empty_lines: false });
    const semicolon = rows.map((cells) => cells.map((c) => (c === "" ? "" : `"${c.replace(/"/g, '""')}"`)).join(";")).join("\r\n");
    const result = await parseRecommendationFile({ name: "export.csv", bytes: Buffer.from(`\uFEFF${semicolon}\r\n`) }, { provenance });
    expect(result.headers[0]).toBe("OHCHR Annotation Id");
    expect(result.records).toEqual((await parseFixture("uhri-export.csv")).records);
  });

  it("follows the mapping the user confirmed rather than the guess", async () => {
    const guessed = await parseFixture("uhri-export.csv");
    const mapping = guessed.mapping.map((field) => (field === "themes" ? null : field));
    const result = await parseRecommendationFile({ name: "uhri-export.csv", bytes: await fixture("uhri-export.csv") }, { provenance, mapping });
    expect(result.records.every((r) => r.themes.length === 0)).toBe(true);
    const none = result.mapping.map(() => null);
    const error = await parseRecommendationFile({ name: "uhri-export.csv", bytes: await fixture("uhri-export.csv") }, { provenance, mapping: none }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as ImportFileError).code).toBe("no-text-column");
  });

  it("reports progress every N rows and once at the end", async () => {
    const calls: ImportProgress[] = [];
    await parseRecommendationFile({ name: "uhri-export.csv", bytes: await fixture("uhri-export.csv") }, { provenance, progressEvery: 4, onProgress: (p) => calls.push(p) });
    expect(calls).toEqual([
      { rowsRead: 4, records: 4, errorCount: 0 },
      { rowsRead: 8, records: 8, errorCount: 0 },
      { rowsRead: 11, records: 10, errorCount: 0 },
    ]);
  });
});

describe("parseRecommendationFile: UPR Info and JSON", () => {
  it("reads a UPR Info export as UPR recommendations, responses and categories as given", async () => {
    const result = await parseFixture("upr-info.csv");
    expect([result.preset, result.records.length, result.errorCount, result.duplicatesInFile]).toEqual(["upr-info", 8, 0, 0]);
    expect(result.records.every((r) => r.mechanism === "UPR" && r.body === "UPR" && r.cycle === 2 && r.symbol === "A/HRC/25/5" && r.response === "supported")).toBe(true);
    expect(result.records.map((r) => r.recommendingStates[0])).toContain("Viet Nam");
    expect(result.records.map((r) => r.recommendingStates[0])).toContain("Czechia");
    // Nigeria made two recommendations; with no paragraph numbers they are told apart by their text.
    expect(result.records.filter((r) => r.recommendingStates[0] === "Nigeria")).toHaveLength(2);
    expect(result.records[3]).toMatchObject({ actionCategory: 5, themes: ["Freedom of opinion and expression", "Internet"], session: "17 - October 2013" });
  });

  it("reads Caucus-shaped JSON items as records, naming bad items by their position", async () => {
    const result = await parseFixture("caucus-records.json");
    expect([result.format, result.rowUnit, result.records.length]).toEqual(["json", "item", 2]);
    expect(result.errors.map((e) => ({ ...e, reasons: e.reasons.map(english.text) }))).toEqual([{ rowNumber: 3, reasons: ["Symbol “A/HRC/25” is not a UN document symbol (like A/HRC/25/5 or CEDAW/C/CHN/CO/7-8)"] }]);
    expect(result.records[0]?.provenance.source).toBe("Caucus export"); // its own provenance kept
    expect(result.records[1]).toMatchObject({ stateUnderReview: "CHN", recommendingStates: ["Czechia"], provenance });
  });

  it("imports the demo seed it is meant to load, every record and no duplicate", async () => {
    const result = await parseRecommendationFile({ name: "recommendations.json", bytes: await readFile(new URL("../../../db/seed/recommendations.json", import.meta.url)) }, { provenance });
    expect([result.records.length, result.errorCount, result.duplicatesInFile]).toEqual([108, 0, 0]);
  });
});

describe("parseRecommendationFile: bad rows", () => {
  it("names each bad row by the row number Excel shows, multi-line cells and blank lines included", async () => {
    const result = await parseFixture("malformed.csv");
    expect(result.errors.map((e) => ({ ...e, reasons: e.reasons.map(english.text) }))).toEqual([
      { rowNumber: 3, reasons: ["State under review “Chine” is not a UN State (write its UN name, such as China, or its ISO code, CHN)"] },
      { rowNumber: 4, reasons: ["Symbol “A/HRC/25” is not a UN document symbol (like A/HRC/25/5 or CEDAW/C/CHN/CO/7-8)"] },
      { rowNumber: 5, reasons: ["Text is empty"] },
      { rowNumber: 6, reasons: ["Publication date “31/31/2013” is not a date (2013-12-04, 4 December 2013 or 04/12/2013)"] },
      { rowNumber: 7, reasons: ["“Text” has 33,010 characters; the limit is 32,767"] },
      {
        rowNumber: 10,
        reasons: [
          "State under review “Atlantis” is not a UN State (write its UN name, such as China, or its ISO code, CHN)",
          "SDG “18 - PLANETARY BOUNDARIES” is not one of the 17 goals (16, 16.3, 16 - PEACE, JUSTICE…)",
        ],
      },
    ]);
    expect(result.records.map((r) => r.externalIds.uhri)).toEqual(["a-186064", "a-cescr04", "a-186158"]);
    expect(result.records[1]?.text).toContain("corruption\nin the context");
  });

  it("keeps the first thousand row errors and counts them all", async () => {
    const lines = ["Text,Symbol,Countries Concerned,Reccomending Body"];
    for (let i = 0; i < MAX_REPORTED_ROW_ERRORS + 5; i++) lines.push(`Ratify ${i},A/HRC/25/5,Chine,- UPR`);
    lines.push("Ratify,A/HRC/25/5,China,- UPR");
    const result = await parseRecommendationFile({ name: "bad.csv", bytes: Buffer.from(lines.join("\n")) }, { provenance });
    expect([result.errors.length, result.errorCount, result.records.length]).toEqual([MAX_REPORTED_ROW_ERRORS, MAX_REPORTED_ROW_ERRORS + 5, 1]);
    expect(result.errors.at(-1)?.rowNumber).toBe(MAX_REPORTED_ROW_ERRORS + 1);
  });
});
