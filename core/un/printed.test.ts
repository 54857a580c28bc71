import { describe, expect, it } from "vitest";
import { printedMechanismName, printedText } from "./printed";
import { printedStateName, UN_STATES } from "./states";

describe("names and dates as a document in each UN language prints them", () => {
  it("names the mechanisms as the UN does in each language", () => {
    expect(printedMechanismName("UPR", "fr")).toBe("Examen périodique universel");
    expect(printedMechanismName("UPR", "es")).toBe("Examen Periódico Universal");
    expect(printedMechanismName("CEDAW", "ar")).toBe("اللجنة المعنية بالقضاء على التمييز ضد المرأة");
    expect(printedMechanismName("CAT", "zh")).toBe("禁止酷刑委员会");
    expect(printedMechanismName("CCPR", "ru")).toBe("Комитет по правам человека");
    expect(printedMechanismName("CCPR", "en")).toBe("Human Rights Committee");
    expect(printedMechanismName("XYZ", "fr")).toBe("XYZ");
  });

  it("names every UN State in every language, with the UN's own names where they differ from the common ones", () => {
    for (const language of ["ar", "zh", "fr", "ru", "es"] as const) for (const { code } of UN_STATES) expect(printedStateName(code, language), `${code} ${language}`).not.toBe(code);
    expect(printedStateName("GHA", "fr")).toBe("Ghana");
    expect(printedStateName("RUS", "fr")).toBe("Fédération de Russie");
    expect(printedStateName("VAT", "es")).toBe("Santa Sede");
    expect(printedStateName("BOL", "fr")).toBe("Bolivie (État plurinational de)");
    expect(printedStateName("CHN", "zh")).toBe("中国");
    expect(printedStateName("EGY", "ar")).toBe("مصر");
    expect(printedStateName("GBR", "en")).toBe("United Kingdom of Great Britain and Northern Ireland");
  });

  it("writes a cover's ISO date in the language's long form, anything else as typed", () => {
    expect(printedText("en").date("2026-11-27")).toBe("27 November 2026");
    expect(printedText("fr").date("2026-11-27")).toBe("27 novembre 2026");
    expect(printedText("es").date("2026-11-27")).toBe("27 de noviembre de 2026");
    expect(printedText("zh").date("2026-11-27")).toBe("2026年11月27日");
    expect(printedText("ru").date("2026-11-27")).toBe("27 ноября 2026 г.");
    expect(printedText("ar").date("2026-11-27")).toMatch(/^27 \S+ 2026$/);
    expect(printedText("fr").date("novembre 2026")).toBe("novembre 2026");
  });

  it("prints English for a language outside the six", () => {
    expect(printedText("de").t("document.contents")).toBe("Contents");
    expect(printedText("fr-CA").t("document.contents")).toBe("Table des matières");
  });
});
