import { describe, expect, it } from "vitest";
// Real footnotes and symbols (the research data's citations.json, docs/data.md, docs/domain.md §3), copied into the fixtures.
import footnotes from "../../test/fixtures/citation-footnotes.json";
import real from "../../test/fixtures/un-symbols.json";
import { inEnglish } from "../../test/i18n/english";
import { findSymbolCandidates, parseUnSymbol } from "./un-symbol";

const YEAR = 2026;
const reported = (written: string) => parseUnSymbol(written, { year: YEAR }).issues;

/**
 * Malformed symbols, each of which the check must report, with words from what it says and the
 * correction it offers where the correction is certain (null: no one answer).
 */
const MALFORMED: Array<[written: string, says: string, suggestion: string | null]> = [
  ["A/hrc/25/5", "Write “HRC”, not “hrc”", "A/HRC/25/5"],
  ["A/HRC/255/5", "Session 255 of the Human Rights Council has not taken place", null],
  ["A/HRC/25/5/Add", "“Add” needs its number", null],
  ["CEDAW/CHN/CO/7-8", "“/C/” after “CEDAW”", "CEDAW/C/CHN/CO/7-8"],
  ["CAT/C/CHN/CO", "The report's number is missing after “CO”", null],
  ["A/RES/68", "The resolution's own number is missing", null],
  ["A\\HRC\\25\\5", "forward slashes", "A/HRC/25/5"],
  ["A/HRC//25/5", "empty part between two slashes", "A/HRC/25/5"],
  ["A/HRC/25.5", "After “A/HRC/” comes the session number", null],
  ["A/HRC/25/5/Add1", "Write “Add.1”, with a full stop", "A/HRC/25/5/Add.1"],
  ["A/HRC/25/5/Add 1", "Write “Add.1”, with a full stop", "A/HRC/25/5/Add.1"],
  ["A/HRC/25/5/Add.0", "the numbers start at 1", null],
  ["A/HRC/25/5/Rev", "“Rev” needs its number", null],
  ["A/HRC/25/5/ADD.1", "Write “Add”, not “ADD”", "A/HRC/25/5/Add.1"],
  ["A/HRC/WG6/31/CHN/2", "Write “WG.6”, with a full stop", "A/HRC/WG.6/31/CHN/2"],
  ["A/HRC/WG.6/31/CHN/4", "end in 1 (national report), 2 (UN compilation) or 3", null],
  ["A/HRC/WG.6/75/CHN/2", "Session 75 of the UPR Working Group has not taken place", null],
  ["A/HRC/WG.6/31/2", "should be the State's three-letter ISO code", null],
  ["A/HRC/WG.6/31/CHN", "The document number is missing", null],
  ["A/HRC/WG.6/31/XYZ/2", "“XYZ” is not the ISO code of a UN member or observer State", null],
  ["A/HRC/WG.6/31/chn/2", "Write “CHN”, not “chn”", "A/HRC/WG.6/31/CHN/2"],
  ["A/HRC/WG.6/17", "names a UPR Working Group session, not a document", null],
  ["A/HRC/25", "names a session, not a document", null],
  ["A/HRC/0/5", "There is no session 0 of the Human Rights Council", null],
  ["A/HRC/25/5555", "cannot be a document number", null],
  ["A/HRC/30/L26", "Write “L.26”, with a full stop", "A/HRC/30/L.26"],
  ["A/HRC/RES/70/1", "Session 70 of the Human Rights Council has not taken place", null],
  ["A/HRC/RES/25", "The resolution's own number is missing", null],
  ["A/HRC/DEC/6", "The decision's own number is missing", null],
  ["A/RES/99/1", "Session 99 of the General Assembly has not taken place", null],
  ["S/RES/9999", "The Security Council has adopted about", null],
  ["E/C12/CHN/CO/2", "Write “C.12”, with a full stop", "E/C.12/CHN/CO/2"],
  ["E/C.12/C/CHN/CO/2", "CESCR's symbols have no “/C/”", "E/C.12/CHN/CO/2"],
  ["E/C.12/CHNMAC/2", "Macao, China is written “CHN-MAC”", "E/C.12/CHN-MAC/2"],
  ["E/C.12/CHN/CO/2/Add", "“Add” needs its number", null],
  ["CEDAW/C/CHN/CO/7/8", "Combined reports are written with a hyphen: 7-8", "CEDAW/C/CHN/CO/7-8"],
  ["CEDAW/C/CHN/CO/8-7", "Combined reports run upwards", null],
  ["CRC/C/CHN/CO/34", "No State has submitted 34 reports", null],
  ["CAT/C/CHN/CO/0", "Report numbers start at 1", null],
  ["CAT/C/CHN/co/5", "Write “CO”, not “co”", "CAT/C/CHN/CO/5"],
  ["CAT/C/XYZ/CO/5", "“XYZ” is not the ISO code", null],
  ["CCPR/C/CHN-XYZ/CO/1", "“XYZ” is not a territory the UN writes", null],
  ["CEDAW/C/CHN", "This names a State, not a document", null],
  ["CRC/C/CHN/5/CO", "“CO” comes before the report's number", "CRC/C/CHN/CO/5"],
  ["CAT/C/90/3", "Session 90 of the Committee against Torture has not taken place", null],
  ["CCPR/GC/34", "“/C/” after “CCPR”", "CCPR/C/GC/34"],
  ["CCPR/C/GC", "The general comment's number is missing", null],
  ["E/CN.4/2016/7", "met until 2006", null],
  ["E/CN4/2006/7", "Write “CN.4”, with a full stop", "E/CN.4/2006/7"],
  ["HRI/MC/2035/3", "cannot be right", null],
];

describe("UN symbol grammar and plausible numbers", () => {
  it.each(MALFORMED)("reports %s in words (%s) and offers the certain correction", (written, says, suggestion) => {
    const parsed = parseUnSymbol(written, { year: YEAR });
    expect(parsed.issues.map((i) => inEnglish(i.message)).join(" "), written).toContain(says);
    expect(parsed.suggestion, written).toBe(suggestion);
    // A suggestion is itself a symbol with nothing to report.
    if (suggestion) expect(reported(suggestion), suggestion).toEqual([]);
  });

  it("tries at least the 37 malformed variants the issue counted, each one different", () => {
    expect(new Set(MALFORMED.map(([written]) => written)).size).toBe(MALFORMED.length);
    expect(MALFORMED.length).toBeGreaterThanOrEqual(37);
  });

  it("reports nothing on any real symbol: the submissions', the footnotes' and docs/domain.md's", () => {
    const symbols = [...real.symbols, ...real.inText, ...real.examples].filter((s) => !real.typos.some((t) => t.written === s));
    for (const symbol of symbols) expect(reported(symbol), symbol).toEqual([]);
    expect(symbols.length).toBeGreaterThanOrEqual(60);
  });

  it("reports the real footnotes' own slips, with their corrections", () => {
    for (const typo of real.typos) {
      const parsed = parseUnSymbol(typo.written, { year: YEAR });
      expect(parsed.issues.length, typo.written).toBeGreaterThan(0);
      expect(parsed.suggestion, typo.written).toBe(typo.suggestion);
    }
  });

  it("finds in every real footnote only its symbols, none in its addresses, and reports only the known slips", () => {
    const reportedSymbols = new Set<string>();
    for (const footnote of footnotes.footnotes) {
      for (const candidate of findSymbolCandidates(footnote, { year: YEAR })) {
        expect(candidate.parsed.valid || candidate.parsed.suggestion !== null, candidate.text).toBe(true);
        if (candidate.parsed.issues.length > 0) reportedSymbols.add(candidate.text);
      }
    }
    expect([...reportedSymbols].sort()).toEqual(real.typos.map((t) => t.written).sort());
  });

  it("reads composite country codes whole, and a run-together one whole, never cut to a valid prefix", () => {
    const scan = (text: string) => findSymbolCandidates(text, { year: YEAR }).map((c) => c.text);
    expect(scan("See E/C.12/CHN-HKG/3, para. 5, and E/C.12/CHN-MAC/2.")).toEqual(["E/C.12/CHN-HKG/3", "E/C.12/CHN-MAC/2"]);
    expect(scan("See E/C.12/CHNMAC/2, para. 5.")).toEqual(["E/C.12/CHNMAC/2"]);
    expect(scan("HIV/AIDS, TV/radio, N/A and A/B testing are prose; so is http://www.ohchr.org/EN/HRBodies/UPR/Pages/UPRMain.aspx.")).toEqual([]);
  });

  it("judges sessions by the year: a session ahead of 2026 is plausible in 2030", () => {
    expect(reported("A/HRC/70/1").map((i) => inEnglish(i.message)).join(" ")).toMatch(/has not taken place/);
    expect(parseUnSymbol("A/HRC/70/1", { year: 2030 }).issues).toEqual([]);
  });
});
