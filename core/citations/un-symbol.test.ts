import { describe, expect, it } from "vitest";
// Symbols and footnotes from real NGO submissions (the research data, docs/data.md), copied into the project's fixtures.
import fixture from "../../test/fixtures/un-symbols.json";
import { inEnglish } from "../../test/i18n/english";
import { findUnSymbols, parseUnSymbol } from "./un-symbol";

describe("UN document symbols", () => {
  it("accepts every symbol cited in the real submissions, and normalises only the mistyped one", () => {
    for (const symbol of fixture.symbols) {
      const parsed = parseUnSymbol(symbol);
      expect(parsed.valid, symbol).toBe(true);
      if (symbol === "A/HRC/Res/12/2") {
        expect(parsed.normalised).toBe("A/HRC/RES/12/2");
        expect(parsed.issues.map((i) => i.message)).toEqual([{ id: "checks.symbol.typing.case", values: { fixed: "RES", word: "Res", symbol: "A/HRC/Res/12/2" } }]);
        expect(parsed.issues.map((i) => inEnglish(i.message))).toEqual(["“A/HRC/Res/12/2”: Write “RES”, not “Res”."]);
      } else {
        expect(parsed.normalised, symbol).toBe(symbol);
        expect(parsed.issues, symbol).toEqual([]);
      }
    }
  });

  it("finds the symbol in each real footnote's text", () => {
    for (const { footnote, symbol } of fixture.footnotes) {
      expect(findUnSymbols(footnote).map((s) => s.normalised), footnote).toContain(symbol === "A/HRC/Res/12/2" ? "A/HRC/RES/12/2" : symbol);
    }
  });

  it("classifies the families of docs/domain.md §3 and reads the body and country", () => {
    const cases: Array<[string, string, string | null, string | null]> = [
      ["A/HRC/25/5", "hrc-document", null, null],
      ["A/HRC/25/5/Add.1", "hrc-document", null, null],
      ["A/HRC/DEC/6/102", "resolution", null, null],
      ["A/RES/68/268", "resolution", null, null],
      ["S/RES/1019", "resolution", null, null],
      ["A/HRC/WG.6/48/SVN/3", "upr-working-group", "UPR", "SVN"],
      ["E/C.12/CHN/CO/2", "concluding-observations", "CESCR", "CHN"],
      ["CEDAW/C/CHN/CO/7-8", "concluding-observations", "CEDAW", "CHN"],
      ["CCPR/C/CHN-HKG/CO/4", "concluding-observations", "CCPR", "CHN"],
      ["E/C.12/CHN/Q/2/Add.1", "treaty-body-country", "CESCR", "CHN"],
      ["CCPR/C/GC/34", "general-comment", "CCPR", null],
      ["CAT/C/SR.209", "other", "CAT", null],
      ["HRI/GEN/2/Rev.6", "other", null, null],
      ["E/CN.4/1983/WG.2/WP.8", "other", null, null],
      ["A/C.2/79/L.8", "other", null, null],
    ];
    for (const [symbol, family, body, country] of cases) {
      const parsed = parseUnSymbol(symbol);
      expect({ symbol, valid: parsed.valid, family: parsed.family, body: parsed.body, country: parsed.country }).toEqual({ symbol, valid: true, family, body, country });
    }
  });

  it("repairs common slips with a warning each", () => {
    const dash = parseUnSymbol("CEDAW/C/CHN/CO/7–8");
    expect(dash).toMatchObject({ normalised: "CEDAW/C/CHN/CO/7-8", valid: true });
    expect(dash.issues).toHaveLength(1);
    expect(parseUnSymbol("A/HRC/25/5/add.1")).toMatchObject({ normalised: "A/HRC/25/5/Add.1", valid: true });
    expect(parseUnSymbol("A/ HRC/25/5.")).toMatchObject({ normalised: "A/HRC/25/5", valid: true });
    expect(parseUnSymbol("CCPR/C/21/Rev.1/Add. 13").normalised).toBe("CCPR/C/21/Rev.1/Add.13");
  });

  it("refuses what is not a symbol, and warns on an unknown country or series", () => {
    for (const bad of ["", "HRC 25/5", "A//HRC/25/5", "para. 186.60", "https://www.ohchr.org"]) {
      const parsed = parseUnSymbol(bad);
      expect(parsed.valid, bad).toBe(false);
      expect(parsed.issues[0]?.severity).toBe("error");
    }
    const country = parseUnSymbol("CAT/C/XYZ/CO/5");
    expect(country.valid).toBe(true);
    expect(country.issues.map((i) => inEnglish(i.message))).toEqual(["“CAT/C/XYZ/CO/5”: “XYZ” is not the ISO code of a UN member or observer State."]);
    expect(parseUnSymbol("XYZ/GC/24").issues.map((i) => i.severity)).toEqual(["warning"]);
    expect(parseUnSymbol("UNEP/GC/24").issues).toEqual([]);
  });

  it("ignores dates, fractions and plain words in running text", () => {
    expect(findUnSymbols("On 1/2/2020 the State replied; see also ibid., para. 55.")).toEqual([]);
    expect(findUnSymbols("See A/HRC/25/5, para. 186.60; CEDAW/C/CHN/CO/7-8, para. 27 (d).").map((s) => s.normalised)).toEqual([
      "A/HRC/25/5",
      "CEDAW/C/CHN/CO/7-8",
    ]);
  });
});
