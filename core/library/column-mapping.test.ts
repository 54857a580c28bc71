import { createTranslator } from "../i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { describe, expect, it } from "vitest";
import { guessColumnMapping, mapRow, type ColumnMapping, type RowDefaults } from "./column-mapping";
import { recommendationDedupeKey } from "./records";

// Rows' problems are messages; these tests read them as an English reader does.
const english = createTranslator("en", UI_CATALOGUES.en);

const provenance = { source: "UHRI export", licence: "UN public record", retrievedAt: "2026-11-27" };
const defaults: RowDefaults = { provenance };

// The column names of a real UHRI Excel export (docs/domain.md §2a), in its order and spelling.
const UHRI_HEADERS = ["OHCHR Annotation Id", "Text", "Countries Concerned", "Reccomending Body", "Document Symbol", "Themes", "Affected Persons", "Sdgs", "Document Publication Date", "UPR Session", "UPR Reccomending States", "UPR Position"];
const UPR_INFO_HEADERS = ["State under Review", "Recommending State", "Recommendation", "Response", "Action Category", "Issues", "Session", "Cycle", "Document", "Recommendation ID", "Region of RS"];

function row(headers: string[], values: Record<string, string>): string[] {
  return headers.map((h) => values[h] ?? "");
}

describe("guessing the preset and mapping from a header row", () => {
  it("recognises a UHRI export, typo included, whatever the case and spacing", () => {
    const guess = guessColumnMapping(UHRI_HEADERS.map((h) => ` ${h.toUpperCase()} `));
    expect(guess.preset).toBe("uhri");
    expect(guess.mapping).toEqual(["externalIds.uhri", "text", "stateUnderReview", "body", "symbol", "themes", "affectedPersons", "sdgGoals", "publicationDate", "session", "recommendingStates", "response"]);
  });

  it("recognises UPR Info, and leaves columns it has no field for unmapped", () => {
    const guess = guessColumnMapping(UPR_INFO_HEADERS);
    expect(guess.preset).toBe("upr-info");
    expect(guess.mapping).toEqual(["stateUnderReview", "recommendingStates", "text", "response", "actionCategory", "themes", "session", "cycle", "symbol", "externalIds.uprInfo", null]);
  });

  it("falls back to Caucus's own field names and labels, and maps one column per single field", () => {
    const guess = guessColumnMapping(["text", "Document symbol", "State under review", "Text", "Notes"]);
    expect(guess.preset).toBeNull();
    expect(guess.mapping).toEqual(["text", "symbol", "stateUnderReview", null, null]);
  });

  it("does not propose UPR Info, with its every-row-is-UPR defaults, for a sheet that merely shares its common headers", () => {
    expect(guessColumnMapping(["State under review", "Recommendation", "Session", "Cycle", "Document"]).preset).toBeNull();
    expect(guessColumnMapping(["State under review", "Recommendation", "Issues"]).preset).toBe("upr-info");
  });
});

describe("mapRow", () => {
  const uhri = guessColumnMapping(UHRI_HEADERS).mapping;

  it("maps a UHRI UPR row: number and States out of the text, codes and labels normalised", () => {
    const result = mapRow(
      row(UHRI_HEADERS, {
        "OHCHR Annotation Id": "b4288060-6633-478d-9a9a-df1978d336c3",
        Text: "186.60 Keep up its commitment to uphold its human rights treaty obligations (Ghana) (Cote D’Ivoire)",
        "Countries Concerned": "- China",
        "Reccomending Body": "- UPR",
        "Document Symbol": "A/HRC/25/5",
        Themes: "- Cooperation with treaty bodies\n- Human rights defenders",
        "Affected Persons": "- Human rights defenders",
        Sdgs: "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\n- 16.10 - Public access to information",
        "Document Publication Date": "41612",
        "UPR Session": "- 17th Session",
        "UPR Position": "- Supported",
      }),
      uhri,
      defaults,
    );
    expect(result).toEqual({
      ok: true,
      record: {
        mechanism: "UPR",
        body: "UPR",
        stateUnderReview: "CHN",
        recommendingStates: ["Ghana", "Côte d'Ivoire"],
        cycle: null,
        session: "17th Session",
        symbol: "A/HRC/25/5",
        paragraph: "186.60",
        text: "Keep up its commitment to uphold its human rights treaty obligations",
        response: "supported",
        responseSource: null,
        themes: ["Cooperation with treaty bodies", "Human rights defenders"],
        affectedPersons: ["Human rights defenders"],
        sdgGoals: [16],
        actionCategory: null,
        publicationDate: "2013-12-04",
        externalIds: { uhri: "b4288060-6633-478d-9a9a-df1978d336c3" },
        provenance,
      },
    });
  });

  it("maps a treaty-body row, taking the State from the symbol when the country cell is empty", () => {
    const result = mapRow(row(UHRI_HEADERS, { Text: "78. Provide, within two years, written information", "Reccomending Body": "- CEDAW", "Document Symbol": "CEDAW/C/CHN/CO/7–8" }), uhri, defaults);
    expect(result.ok && result.record).toMatchObject({ mechanism: "TB", body: "CEDAW", stateUnderReview: "CHN", symbol: "CEDAW/C/CHN/CO/7-8", paragraph: "78", recommendingStates: [] });
  });

  it("infers the mechanism from the body, or from the symbol when there is no body", () => {
    const sp = mapRow(row(UHRI_HEADERS, { Text: "Release all", "Countries Concerned": "China", "Reccomending Body": "- WG on Arbitrary Detention", "Document Symbol": "A/HRC/WGAD/2019/1" }), uhri, defaults);
    expect(sp.ok && [sp.record.mechanism, sp.record.body]).toEqual(["SP", "WG on Arbitrary Detention"]);
    const opac = mapRow(row(UHRI_HEADERS, { Text: "Raise the age", "Countries Concerned": "China", "Reccomending Body": "- CRC-OP-AC", "Document Symbol": "CRC/C/OPAC/CHN/CO/1" }), uhri, defaults);
    expect(opac.ok && [opac.record.mechanism, opac.record.body]).toEqual(["TB", "CRC-OPAC"]);
    const fromSymbol = mapRow(row(UHRI_HEADERS, { Text: "Ensure access", "Document Symbol": "E/C.12/CHN/CO/2" }), uhri, defaults);
    expect(fromSymbol.ok && [fromSymbol.record.mechanism, fromSymbol.record.body, fromSymbol.record.stateUnderReview]).toEqual(["TB", "CESCR", "CHN"]);
  });

  it("maps a UPR Info row with the preset's defaults, keeping 'Not Supported' as written", () => {
    const mapping = guessColumnMapping(UPR_INFO_HEADERS).mapping;
    const result = mapRow(
      row(UPR_INFO_HEADERS, {
        "State under Review": "China",
        "Recommending State": "Czech Republic",
        Recommendation: "Ratify the ICCPR",
        Response: "Not Supported",
        "Action Category": "5 - Specific action",
        Issues: "International instruments; Civil society",
        Session: "44 - November 2023",
        Cycle: "4th",
        Document: "A/HRC/55/6",
        "Recommendation ID": "9f1c",
      }),
      mapping,
      { ...defaults, mechanism: "UPR", body: "UPR" },
    );
    expect(result.ok && result.record).toMatchObject({
      mechanism: "UPR",
      body: "UPR",
      stateUnderReview: "CHN",
      recommendingStates: ["Czechia"],
      response: "Not Supported",
      actionCategory: 5,
      themes: ["International instruments", "Civil society"],
      session: "44 - November 2023",
      cycle: 4,
      externalIds: { uprInfo: "9f1c" },
    });
  });

  it("says in words what is wrong with a row, every fault at once", () => {
    const result = mapRow(
      row(UHRI_HEADERS, { Text: "186.65 Continue (Nigeria)", "Countries Concerned": "Chine", "Reccomending Body": "- UPR", "Document Symbol": "A/HRC/25", Sdgs: "18", "Document Publication Date": "31/31/2013" }),
      uhri,
      defaults,
    );
    expect(result.ok ? result : { ok: false, errors: result.errors.map(english.text) }).toEqual({
      ok: false,
      errors: [
        "Symbol “A/HRC/25” is not a UN document symbol (like A/HRC/25/5 or CEDAW/C/CHN/CO/7-8)",
        "State under review “Chine” is not a UN State (write its UN name, such as China, or its ISO code, CHN)",
        "SDG “18” is not one of the 17 goals (16, 16.3, 16 - PEACE, JUSTICE…)",
        "Publication date “31/31/2013” is not a date (2013-12-04, 4 December 2013 or 04/12/2013)",
      ],
    });
  });

  it("refuses an empty text, an over-long text, two States under review and a mechanism that contradicts the body", () => {
    const mapping: ColumnMapping = ["text", "symbol", "stateUnderReview", "mechanism", "body"];
    const errorsOf = (cells: string[]) => {
      const result = mapRow(cells, mapping, defaults);
      return result.ok ? [] : result.errors.map(english.text);
    };
    expect(errorsOf(["  ", "A/HRC/25/5", "China", "", "UPR"])).toEqual(["Text is empty"]);
    expect(errorsOf(["x".repeat(20_001), "A/HRC/25/5", "China", "", "UPR"])).toEqual(["Text has 20,001 characters; the limit is 20,000"]);
    expect(errorsOf(["Ratify", "A/HRC/25/5", "China; India", "", "UPR"])).toEqual(["Several States under review (China, India): a recommendation is addressed to one"]);
    expect(errorsOf(["Ratify", "A/HRC/25/5", "China", "TB", "UPR"])).toEqual(["Mechanism “TB” does not match the recommending body “UPR”"]);
    expect(errorsOf(["Ratify", "A/HRC/25/5", "China", "", ""])).toEqual([
      "Mechanism unknown: map a column to Mechanism or Recommending body, or set one for the whole file",
      "Recommending body is empty: map a column to it, or set one for the whole file",
    ]);
  });

  it("uses the file's defaults where a row's cells are empty", () => {
    const result = mapRow(["Ratify the ICCPR", "Ghana"], ["text", "recommendingStates"], { ...defaults, symbol: "A/HRC/25/5", stateUnderReview: "China", cycle: 2 });
    expect(result.ok && result.record).toMatchObject({ mechanism: "UPR", body: "UPR", stateUnderReview: "CHN", symbol: "A/HRC/25/5", cycle: 2, recommendingStates: ["Ghana"] });
  });
});

describe("recommendationDedupeKey", () => {
  const base = { symbol: "A/HRC/32/20", paragraph: "", recommendingStates: [] as string[] };
  it("tells apart two unnumbered recommendations of one document by their text", () => {
    const a = { ...base, text: "Addressing threats and attacks targeting civil society actors" };
    const b = { ...base, text: "States have an obligation to protect people from acts by private individuals" };
    expect(recommendationDedupeKey(a)).not.toBe(recommendationDedupeKey(b));
    expect(recommendationDedupeKey(a)).toBe(recommendationDedupeKey({ ...a, text: "  ADDRESSING threats and attacks targeting civil society actors. " }));
  });

  it("ignores the text when there is a paragraph, so a corrected wording updates the record", () => {
    const numbered = { symbol: "A/HRC/25/5", paragraph: "186.60", recommendingStates: ["Ghana"], text: "Keep up" };
    expect(recommendationDedupeKey(numbered)).toBe(recommendationDedupeKey({ ...numbered, text: "Keep up its commitment" }));
    expect(recommendationDedupeKey(numbered)).toBe("A/HRC/25/5|186.60|ghana");
  });
});
