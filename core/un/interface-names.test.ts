import { describe, expect, it } from "vitest";
import { mechanismName, MECHANISMS } from "./mechanisms";
import { printedMechanismName } from "./printed";
import { printedStateName, stateName, UN_STATES } from "./states";

describe("State and mechanism names in the interface's languages", () => {
  it("keeps English as before when no language is given", () => {
    expect(stateName("GHA")).toBe("Ghana");
    expect(stateName("RUS")).toBe("Russian Federation");
    expect(stateName("XXX")).toBe("XXX");
    expect(mechanismName("UPR")).toBe("Universal Periodic Review");
    expect(mechanismName("SP")).toBe("Special Procedures (rapporteurs, working groups)");
    expect(mechanismName("ZZZ")).toBe("ZZZ");
  });

  it("names States and mechanisms as the UN's documents in French, Spanish and Arabic do", () => {
    expect(stateName("RUS", "fr")).toBe("Fédération de Russie");
    expect(stateName("BOL", "es")).toBe("Bolivia (Estado Plurinacional de)");
    expect(stateName("RUS", "ar")).toBe("الاتحاد الروسي");
    expect(stateName("XXX", "fr")).toBe("XXX");
    expect(mechanismName("UPR", "fr")).toBe("Examen périodique universel");
    expect(mechanismName("CRC", "es")).toBe("Comité de los Derechos del Niño");
    expect(mechanismName("CAT", "ar")).toBe("لجنة مناهضة التعذيب");
    expect(mechanismName("ZZZ", "ar")).toBe("ZZZ");
  });

  it("uses the same names as a printed document in that language", () => {
    for (const language of ["en", "fr", "es", "ar"] as const) {
      for (const { code } of UN_STATES) expect(stateName(code, language)).toBe(printedStateName(code, language));
      for (const { id } of MECHANISMS) expect(mechanismName(id, language)).toBe(printedMechanismName(id, language));
    }
  });
});
