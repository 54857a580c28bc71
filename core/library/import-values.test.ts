import { describe, expect, it } from "vitest";
import { parseDate } from "./import-dates";
import {
  checkSymbol,
  cleanParagraph,
  cleanText,
  extractLeadingNumber,
  extractTrailingStates,
  normaliseBody,
  normaliseResponse,
  parseActionCategory,
  parseCycle,
  parseMechanism,
  parseSdgGoal,
  splitList,
  stripBullet,
} from "./import-values";

describe("import value normalisation (docs/domain.md §5e)", () => {
  it("strips UHRI's bullets and splits multi-value cells on newline, ';' and '|' but not ','", () => {
    expect(stripBullet("- Women & girls")).toBe("Women & girls");
    expect(stripBullet("  •  Children ")).toBe("Children");
    expect(splitList("- Equality & non-discrimination\n- Right to education\r\n- Right to education")).toEqual([
      "Equality & non-discrimination",
      "Right to education",
    ]);
    expect(splitList("Women's rights; Rights of the Child | NHRI")).toEqual(["Women's rights", "Rights of the Child", "NHRI"]);
    expect(splitList("- Minorities/ racial, ethnic, linguistic, religious or descent-based groups")).toEqual([
      "Minorities/ racial, ethnic, linguistic, religious or descent-based groups",
    ]);
  });

  it("normalises UHRI body codes and infers the mechanism from them", () => {
    expect(normaliseBody("- CRC-OP-AC")).toEqual({ body: "CRC-OPAC", mechanism: "TB" });
    expect(normaliseBody("- CRC-OP-SC")).toEqual({ body: "CRC-OPSC", mechanism: "TB" });
    expect(normaliseBody("- UPR")).toEqual({ body: "UPR", mechanism: "UPR" });
    expect(normaliseBody("- CESCR")).toEqual({ body: "CESCR", mechanism: "TB" });
    expect(normaliseBody("Committee against Torture")).toEqual({ body: "CAT", mechanism: "TB" });
    expect(normaliseBody("- SR on freedom of expression; - Special Procedures")).toEqual({ body: "SR on freedom of expression", mechanism: "SP" });
    expect(normaliseBody("- WG on Arbitrary Detention")).toEqual({ body: "WG on Arbitrary Detention", mechanism: "SP" });
    expect(normaliseBody("- Special Procedures")).toEqual({ body: "Special Procedures", mechanism: "SP" });
    expect(normaliseBody("Amnesty International")).toEqual({ body: "Amnesty International", mechanism: null });
    expect(parseMechanism("Treaty bodies")).toBe("TB");
    expect(parseMechanism("CEDAW")).toBe("TB");
    expect(parseMechanism("maybe")).toBeUndefined();
  });

  it("lifts UPR recommending States out of the text's closing brackets, and only States", () => {
    expect(extractTrailingStates("Ratify the ICCPR (Maldives) (Portugal);")).toEqual({ text: "Ratify the ICCPR", states: ["Maldives", "Portugal"] });
    expect(extractTrailingStates("Strengthen the press (Cote D’Ivoire).")).toEqual({ text: "Strengthen the press", states: ["Côte d'Ivoire"] });
    expect(extractTrailingStates("Ratify it (Chile, Czech Republic)")).toEqual({ text: "Ratify it", states: ["Chile", "Czechia"] });
    expect(extractTrailingStates("Implement article 2 (art. 2)")).toEqual({ text: "Implement article 2 (art. 2)", states: [] });
    expect(extractTrailingStates("Ratify the Convention (ICCPR) (Ghana)")).toEqual({ text: "Ratify the Convention (ICCPR)", states: ["Ghana"] });
  });

  it("takes the recommendation number from the start of the text", () => {
    expect(extractLeadingNumber("186.60 Keep up its commitment")).toEqual({ text: "Keep up its commitment", paragraph: "186.60" });
    expect(extractLeadingNumber("27. The Committee recommends")).toEqual({ text: "The Committee recommends", paragraph: "27" });
    expect(extractLeadingNumber("2 million people lack water")).toEqual({ text: "2 million people lack water", paragraph: null });
    expect(cleanParagraph("para. 27 (d)")).toBe("27 (d)");
  });

  it("keeps UPR Info responses as given except the two that mean supported and noted", () => {
    expect(normaliseResponse("Supported")).toEqual({ response: "supported", source: null });
    expect(normaliseResponse("- Accepted")).toEqual({ response: "supported", source: null });
    expect(normaliseResponse("Noted")).toEqual({ response: "noted", source: null });
    expect(normaliseResponse("Not Supported")).toEqual({ response: "Not Supported", source: null });
    expect(normaliseResponse("Supported - A/HRC/59/15/Add.1 - Para.3")).toEqual({ response: "supported", source: "A/HRC/59/15/Add.1 - Para.3" });
    expect(normaliseResponse("  ")).toBeUndefined();
  });

  it("reads cycles, SDG goals and action categories as the exports write them", () => {
    expect([parseCycle("3rd"), parseCycle("2"), parseCycle("Cycle 4"), parseCycle("third cycle"), parseCycle("soon")]).toEqual([3, 2, 4, 3, undefined]);
    expect(parseSdgGoal("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS")).toBe(16);
    expect(parseSdgGoal("- 16.3 - Promote the rule of law")).toBe(16);
    expect(parseSdgGoal("SDG 5")).toBe(5);
    expect(parseSdgGoal("18 - Planetary boundaries")).toBeUndefined();
    expect(parseSdgGoal("160")).toBeUndefined();
    expect([parseActionCategory("5 - Specific action"), parseActionCategory("Category 2"), parseActionCategory("General action")]).toEqual([5, 2, 4]);
    expect(parseActionCategory("6")).toBeUndefined();
  });

  it("reads dates in ISO, UN prose, day-first numeric, Excel serials and Date objects", () => {
    expect(parseDate("2013-12-04")).toBe("2013-12-04");
    expect(parseDate("2013-12-04T00:00:00.000Z")).toBe("2013-12-04");
    expect(parseDate("4 December 2013")).toBe("2013-12-04");
    expect(parseDate("December 4, 2013")).toBe("2013-12-04");
    expect(parseDate("04/12/2013")).toBe("2013-12-04");
    expect(parseDate("12/31/2013")).toBe("2013-12-31");
    expect(parseDate("41612")).toBe("2013-12-04");
    expect(parseDate(41612)).toBe("2013-12-04");
    expect(parseDate(new Date(Date.UTC(2013, 11, 4)))).toBe("2013-12-04");
    expect(parseDate("29/02/2016")).toBe("2016-02-29");
    for (const bad of ["31/31/2013", "29/02/2013", "2013", "soon", "32 December 2013"]) expect(parseDate(bad), bad).toBeUndefined();
  });

  it("turns UHRI's HTML text into plain text", () => {
    expect(cleanText("<p>The Committee&nbsp;recommends:</p><p>(a) To ratify &amp; implement</p>")).toBe("The Committee recommends:\n(a) To ratify & implement");
    expect(cleanText("  Plain\r\ntext  ")).toBe("Plain\ntext");
  });

  it("accepts UN symbols, finds one inside a title, and refuses a bare Council session", () => {
    expect(checkSymbol("A/HRC/25/5")?.symbol).toBe("A/HRC/25/5");
    expect(checkSymbol("- CEDAW/C/CHN/CO/7–8")).toEqual({ symbol: "CEDAW/C/CHN/CO/7-8", country: "CHN", body: "CEDAW" });
    expect(checkSymbol("Report of the Working Group, A/HRC/25/5")?.symbol).toBe("A/HRC/25/5");
    expect(checkSymbol("A/HRC/WGAD/2019/1")?.symbol).toBe("A/HRC/WGAD/2019/1");
    expect(checkSymbol("A/HRC/25")).toBeUndefined();
    expect(checkSymbol("A/HRC/WG.6/17")).toBeUndefined();
    expect(checkSymbol("not a symbol")).toBeUndefined();
  });
});
