import { createTranslator } from "../../core/i18n/translator";
import { UI_CATALOGUES } from "../../locales/ui/all";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { guessColumnMapping, mapRow } from "../../core/library/column-mapping";
import { RecommendationInputSchema, SourceInputSchema, type SourceInput } from "../../core/library/records";
import seed from "../../db/seed/sources.json";
import { ImportFileError } from "./import/import-file-error";
import { detectSourcesFormat, exportRecommendationsCsv, exportSourcesCslJson, exportSourcesCsv, parseSources, SOURCES_LIMITS } from "./sources-io";

// Rows' problems are messages; these tests read them as an English reader does.
const english = createTranslator("en", UI_CATALOGUES.en);

const provenance = { source: "sources fixture (Zotero export)", licence: null, retrievedAt: "2026-11-27" };
const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/library/${name}`, import.meta.url), "utf8");

/** What must survive any of the three formats. */
function essentials(s: SourceInput) {
  return {
    unSymbol: s.unSymbol,
    issuingBody: s.issuingBody,
    type: s.csl.type,
    title: s.csl.title,
    URL: s.csl.URL ?? null,
    issued: s.csl.issued?.["date-parts"] ?? null,
    container: s.csl["container-title"] ?? null,
    authors: (s.csl.author ?? []).map((a) => a.literal ?? `${a.family}, ${a.given}`),
  };
}

describe("parseSources", () => {
  const formats = [
    ["bibtex", "sources.bib"],
    ["ris", "sources.ris"],
    ["csl-json", "sources.csl.json"],
  ] as const;
  const parsed = formats.map(([format, file]) => parseSources(fixture(file), format, provenance));

  it("reads BibTeX, RIS and CSL-JSON exports of one library to the same sources", () => {
    for (const result of parsed) expect(result.errors).toEqual([]);
    const [bib, ris, json] = parsed.map((p) => p.sources.map(essentials));
    expect(bib).toHaveLength(8);
    expect(ris).toEqual(bib);
    expect(json).toEqual(bib);
  });

  it("finds the UN symbol in the number field or a note, and names the organ as the UN does", () => {
    for (const { sources } of parsed) {
      expect(sources.map((s) => s.unSymbol)).toEqual(["A/HRC/25/5", "CEDAW/C/CHN/CO/7-8", "CCPR/C/GC/34", null, null, null, null, null]);
      expect(sources.map((s) => s.issuingBody)).toEqual([
        "Human Rights Council",
        "Committee on the Elimination of Discrimination against Women",
        "Human Rights Committee",
        "Human Rights Watch",
        "Reuters",
        "新华网",
        "National People’s Congress",
        null,
      ]);
      expect(sources[2]!.csl.number).toBe("CCPR/C/GC/34");
      expect(sources[4]!.csl.type).toBe("article-newspaper");
      expect(sources[7]!.csl.author).toEqual([{ family: "Arsène", given: "Séverine" }]);
      for (const source of sources) expect(source.provenance).toEqual(provenance);
    }
  });

  it("tells the formats apart", () => {
    expect(formats.map(([, file]) => detectSourcesFormat(fixture(file)))).toEqual(["bibtex", "ris", "csl-json"]);
    expect(parseSources(fixture("sources.ris"), "auto", provenance).format).toBe("ris");
    expect(detectSourcesFormat("Just some notes.")).toBeNull();
  });

  it("reports a malformed BibTeX entry by its position and reads the others", () => {
    const text = [
      "@string{hrc = {Human Rights Council}}",
      "@report{ok1, title = {First}, institution = hrc, number = {A/HRC/43/15}}",
      "@report{broken title = {No comma after the key}}",
      "@comment{ignored}",
      "@report{unclosed, title = {Never closed, year = 2014}",
      "@online{ok2, title = {Standing Invitations}, url = {https://spinternet.ohchr.org/x}, organization = {OHCHR}}",
    ].join("\n");
    const { sources, errors } = parseSources(text, "bibtex", provenance);
    expect(sources.map((s) => [s.csl.title, s.unSymbol, s.issuingBody])).toEqual([
      ["First", "A/HRC/43/15", "Human Rights Council"],
      ["Standing Invitations", null, "OHCHR"],
    ]);
    expect(errors.map((e) => e.index)).toEqual([1, 2]);
    expect(english.text(errors[0]!.reason)).toMatch(/comma/);
  });

  it("reports RIS records that are cut off or empty, and CSL items that are not sources", () => {
    const ris = "TY  - RPRT\nTI  - Fine\nER  - \n\nTY  - RPRT\nAU  - Nobody\nER  - \n\nTY  - NEWS\nTI  - Cut off";
    expect(parseSources(ris, "ris", provenance).errors.map((e) => ({ ...e, reason: english.text(e.reason) }))).toEqual([
      { index: 1, reason: "It has no title, URL or number." },
      { index: 2, reason: "The record starting on line 9 has no end line (ER  - ): the file may be cut off.", malformed: true },
    ]);
    const json = JSON.stringify([{ type: "report", title: "Fine" }, "a string", { type: "report" }, { type: "report", title: "x".repeat(3000) }]);
    const { sources, errors } = parseSources(json, "csl-json", provenance);
    expect(sources).toHaveLength(1);
    expect(errors.map((e) => e.index)).toEqual([1, 2, 3]);
    expect(english.text(errors[2]!.reason)).toMatch(/csl\.title/);
  });

  it("marks a RIS record malformed when a line is no tag, text stands outside records, or it never ends", () => {
    const ris = [
      "TY  - RPRT", "TI  - Fine", "AB  - An abstract", "that runs on", "ER  - ", "",
      "TY  - RPRT", "TI  - Broken tag", "AU - Someone", "ER  - ", "",
      "TY  - RPRT", "TI  - A title", "that does not run on", "ER  - ",
      "stray text",
      "TY  - RPRT", "TI  - Cut",
    ].join("\n");
    const { sources, errors } = parseSources(ris, "ris", provenance);
    expect(sources.map((s) => s.csl.title)).toEqual(["Fine"]);
    expect(errors.map((e) => ({ ...e, reason: english.text(e.reason) }))).toEqual([
      { index: 1, malformed: true, reason: "Line 9 is not a RIS tag line (two capitals, two spaces and a hyphen, as in “AU  - Name”)." },
      { index: 2, malformed: true, reason: "Line 14 is not a RIS tag line (two capitals, two spaces and a hyphen, as in “AU  - Name”)." },
      { index: 3, malformed: true, reason: "Line 16 is outside any record (a record starts with “TY  - ” and ends with “ER  - ”)." },
    ]);
  });

  it("marks BibTeX with unclosed braces malformed, naming its first line", () => {
    const { errors } = parseSources("@report{ok, title = {Fine}}\n\n@report{open, title = {Never {closed}}\n", "bibtex", provenance);
    expect(errors.map((e) => ({ ...e, reason: english.text(e.reason) }))).toEqual([
      { index: 1, malformed: true, reason: "The entry starting on line 3 does not close every brace it opens." },
    ]);
  });

  it("refuses CSL-JSON nested past the depth bound before parsing it", () => {
    const error = (() => {
      try {
        parseSources(`[${"[".repeat(50_000)}${"]".repeat(50_000)}]`, "auto", provenance);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect([(error as ImportFileError).code, (error as ImportFileError).message]).toEqual([
      "too-deep",
      "This JSON file nests more than 64 levels deep (at character 65); a library file needs only a few, so it cannot be imported.",
    ]);
  });

  it("refuses whole files that are too big, unreadable, empty or of no known format", () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return error instanceof ImportFileError ? error.code : String(error);
      }
      return "no error";
    };
    expect(code(() => parseSources("x".repeat(SOURCES_LIMITS.maxChars + 1), "auto", provenance))).toBe("too-large");
    expect(code(() => parseSources("[{", "csl-json", provenance))).toBe("unreadable");
    expect(code(() => parseSources("% only a comment\n", "bibtex", provenance))).toBe("empty");
    expect(code(() => parseSources("Just some notes.", "auto", provenance))).toBe("unsupported-format");
    // A URL is never fetched: citation-js only ever reads the format it is told.
    expect(code(() => parseSources("https://example.org/library.bib", "auto", provenance))).toBe("unsupported-format");
  });
});

describe("exportSourcesCslJson", () => {
  it("re-imports to the same sources: the fixtures and the whole demo library", () => {
    const library = [...parseSources(fixture("sources.bib"), "bibtex", provenance).sources, ...seed.map((s) => SourceInputSchema.parse({ ...s, provenance }))];
    const exported = exportSourcesCslJson(library);
    const again = parseSources(exported, "auto", provenance);
    expect(again.errors).toEqual([]);
    expect(again.sources.map(essentials)).toEqual(library.map(essentials));
    expect(again.sources.map((s) => s.defaultPinpoint)).toEqual(library.map((s) => s.defaultPinpoint));
    // A second round changes nothing.
    expect(exportSourcesCslJson(again.sources)).toBe(exported);
    const first = JSON.parse(exported)[0];
    expect(first).toMatchObject({ id: "source-1", number: "A/HRC/25/5", custom: { caucus: { unSymbol: "A/HRC/25/5", issuingBody: "Human Rights Council" } } });
  });

  it("keeps a record's id and its default pinpoint", () => {
    const record = { ...SourceInputSchema.parse({ csl: { type: "report", title: "T" }, unSymbol: "A/HRC/25/5", defaultPinpoint: "para. 186.60", provenance }), id: "0b7c", workspaceId: null, updatedAt: "2026-11-27T00:00:00Z" };
    const [item] = JSON.parse(exportSourcesCslJson([record]));
    expect(item).toMatchObject({ id: "0b7c", custom: { caucus: { defaultPinpoint: "para. 186.60" } } });
    expect(parseSources(JSON.stringify([item]), "csl-json", provenance).sources[0]).toMatchObject({ defaultPinpoint: "para. 186.60", unSymbol: "A/HRC/25/5" });
  });
});

describe("CSV exports", () => {
  const rows = (csv: string) => parse(csv, { bom: true }) as string[][];

  it("writes sources for Excel: a BOM, CRLF rows, quoted commas and quotes, Chinese intact", () => {
    const sources = parseSources(fixture("sources.csl.json"), "csl-json", provenance).sources;
    const csv = exportSourcesCsv(sources);
    expect(csv.startsWith("\uFEFFSymbol,Title,Issuing body,")).toBe(true);
    expect(csv).toContain("\r\n");
    const [header, ...body] = rows(csv);
    expect(header).toHaveLength(13);
    expect(body).toHaveLength(8);
    expect(body[0]!.slice(0, 3)).toEqual(["A/HRC/25/5", "Report of the Working Group on the Universal Periodic Review: China (including Hong Kong, China and Macao, China)", "Human Rights Council"]);
    expect(body[3]![1]).toBe("“Eradicating Ideological Viruses”: China’s Campaign of Repression Against Xinjiang’s Muslims");
    expect(body[5]![1]).toBe("发改委限制733万“老赖”买机票");
    expect(body[7]![3]).toBe("Séverine Arsène");
    expect(body[0]![11]).toBe("Human Rights Council, “Report of the Working Group on the Universal Periodic Review: China (including Hong Kong, China and Macao, China)”, 4 December 2013, A/HRC/25/5");
  });

  it("writes a cell Excel would run as a formula as text", () => {
    const source = SourceInputSchema.parse({ csl: { type: "webpage", title: '=HYPERLINK("http://evil.example","click")' }, provenance });
    expect(rows(exportSourcesCsv([source]))[1]![1]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it("exports recommendations under the import's column names, and they import back unchanged", () => {
    const records = [
      RecommendationInputSchema.parse({
        mechanism: "UPR",
        body: "UPR",
        stateUnderReview: "CHN",
        recommendingStates: ["Ghana", "Azerbaijan"],
        cycle: 2,
        session: "17",
        symbol: "A/HRC/25/5",
        paragraph: "186.60",
        text: "Keep up its commitment to uphold its human rights treaty obligations, and engage constructively with the “special procedures”",
        response: "supported",
        responseSource: "A/HRC/25/5/Add.1",
        themes: ["Cooperation with special procedures", "Human rights defenders"],
        publicationDate: "2013-12-04",
        provenance: { source: "Caucus demo library" },
      }),
      RecommendationInputSchema.parse({
        mechanism: "TB",
        body: "CEDAW",
        stateUnderReview: "CHN",
        symbol: "CEDAW/C/CHN/CO/7-8",
        paragraph: "27 (d)",
        text: "确保妇女人权维护者能够自由开展工作，\nwithout reprisals.",
        affectedPersons: ["Women human rights defenders"],
        sdgGoals: [5, 16],
        externalIds: { uhri: "a1b2c3" },
        provenance: { source: "Caucus demo library" },
      }),
    ];
    const [headers, ...cells] = rows(exportRecommendationsCsv(records));
    expect(headers!.slice(0, 5)).toEqual(["Document symbol", "Paragraph or recommendation number", "Text", "State under review", "Recommending States"]);
    expect(cells[0]![3]).toBe("China");
    expect(cells[0]![4]).toBe("Ghana; Azerbaijan");
    const { mapping } = guessColumnMapping(headers!);
    expect(mapping.filter(Boolean)).toHaveLength(18);
    const imported = cells.map((row) => mapRow(row, mapping, { provenance: { source: "Caucus demo library" } }));
    expect(imported).toEqual(records.map((record) => ({ ok: true, record })));
  });
});
