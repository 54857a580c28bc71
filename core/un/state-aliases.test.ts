import { describe, expect, it } from "vitest";
import { canonicalStateName, findStateCode } from "./state-aliases";
import { UN_STATES } from "./states";

describe("State names in imported spreadsheets", () => {
  it("finds every UN State by its UN short name and by its code", () => {
    for (const { code, name } of UN_STATES) {
      expect(findStateCode(name), name).toBe(code);
      expect(findStateCode(code.toLowerCase()), code).toBe(code);
    }
  });

  it("accepts the variants UPR Info, ISO and everyday usage write", () => {
    const cases: Array<[string, string]> = [
      ["Cote D’Ivoire", "CIV"],
      ["COTE D'IVOIRE", "CIV"],
      ["Czech Republic", "CZE"],
      ["Vietnam", "VNM"],
      ["Korea, Republic of", "KOR"],
      ["Democratic People's Republic of Korea", "PRK"],
      ["Iran", "IRN"],
      ["Bolivia", "BOL"],
      ["Netherlands", "NLD"],
      ["United Kingdom", "GBR"],
      ["St Kitts & Nevis", "KNA"],
      ["Sao Tome and Principe", "STP"],
      ["Türkiye", "TUR"],
      ["Turkey", "TUR"],
      ["  China ", "CHN"],
      ["The Gambia", "GMB"],
    ];
    for (const [name, code] of cases) expect(findStateCode(name), name).toBe(code);
  });

  it("refuses what is not a UN State, including other languages' names and bare 'Korea'", () => {
    for (const name of ["Chine", "Atlantis", "Hong Kong", "Korea", "European Union", "XYZ", ""]) {
      expect(findStateCode(name), name).toBeNull();
    }
  });

  it("gives the UN short name when it knows the State, and the name as written otherwise", () => {
    expect(canonicalStateName("Cote D’Ivoire")).toBe("Côte d'Ivoire");
    expect(canonicalStateName("Cape Verde")).toBe("Cabo Verde");
    expect(canonicalStateName("usa")).toBe("United States of America");
    expect(canonicalStateName(" European Union ")).toBe("European Union");
  });
});
