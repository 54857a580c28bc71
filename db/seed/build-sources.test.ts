import { describe, expect, it } from "vitest";
import { SourceInputSchema, sourceDedupeKey } from "../../core/library/records";
import { buildSources, citationToSource, DEMO_PROVENANCE_SOURCE, type CitationRecord } from "./build-sources";
import seed from "./sources.json";

describe("the demo library's sources (db/seed/sources.json)", () => {
  const sources = seed.map((entry) => SourceInputSchema.parse(entry));

  it("holds only valid sources, each once", () => {
    expect(sources.length).toBeGreaterThan(100);
    for (const [index, entry] of seed.entries()) expect(SourceInputSchema.safeParse(entry).success, `entry ${index}`).toBe(true);
    const keys = sources.map(sourceDedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("says where every source came from", () => {
    for (const source of sources) expect(source.provenance).toMatchObject({ source: DEMO_PROVENANCE_SOURCE, licence: null });
  });

  it("has the UPR Working Group report on China (2013) under its symbol, title and issuing body", () => {
    const report = sources.find((s) => s.unSymbol === "A/HRC/25/5");
    expect(report).toMatchObject({
      issuingBody: "Human Rights Council",
      csl: { type: "report", title: "Report of the Working Group on the Universal Periodic Review: China (including Hong Kong, China and Macao, China)", issued: { "date-parts": [[2013, 12, 4]] } },
    });
  });

  it("covers UN documents, web pages, news, NGO reports and laws, and no pointer notes", () => {
    const types = new Set(sources.map((s) => s.csl.type));
    for (const type of ["report", "webpage", "article-newspaper", "legislation", "regulation", "treaty"]) expect(types, type).toContain(type);
    expect(sources.filter((s) => s.unSymbol).length).toBeGreaterThan(25);
    expect(sources.some((s) => /^(?:ibid|supra)\b/i.test(s.csl.title ?? ""))).toBe(false);
  });
});

describe("buildSources", () => {
  const provenance = { source: DEMO_PROVENANCE_SOURCE, licence: null, retrievedAt: "2026-11-27" };
  const record = (over: Partial<CitationRecord>): CitationRecord => ({
    seed: "001",
    footnoteNumber: 1,
    raw: "text",
    type: "un-document",
    subtype: "resolution",
    issuingBody: "U.N. Human Rights Council",
    title: "Title",
    documentSymbol: null,
    date: null,
    pinpoint: null,
    url: null,
    isIbid: false,
    supraNote: null,
    shortFormOf: null,
    extractionStatus: "complete",
    ...over,
  });

  it("keeps the fullest of several notes citing one document, in first-cited order", () => {
    const built = buildSources(
      [
        record({ footnoteNumber: 1, documentSymbol: "A/HRC/25/5", title: "Report of the Working Group (inferred from the 186.x numbering)", issuingBody: "U.N. Human Rights Council — Working Group (inferred)" }),
        record({ footnoteNumber: 2, type: "news", subtype: "news-article", issuingBody: "Reuters", title: "Envoy", url: "http://r.com/a", date: "2016-08-23" }),
        record({ footnoteNumber: 3, documentSymbol: "A/HRC/25/5", title: "Report", url: "http://ohchr.org/x", date: "2013-12-04" }),
        record({ footnoteNumber: 4, raw: "Ibid.", isIbid: true, documentSymbol: "A/HRC/25/5" }),
        record({ footnoteNumber: 5, type: "ngo-report", subtype: "ngo-standard", issuingBody: "Article 19", title: "The Johannesburg Principles", url: null, extractionStatus: "partial-tail-lost" }),
        record({ footnoteNumber: 6, type: "ngo-report", subtype: "ngo-standard", issuingBody: "Article 19", title: "The Johannesburg Principles", url: "https://a19.org/j" }),
      ],
      provenance,
    );
    expect(built.map((s) => s.unSymbol ?? s.csl.title)).toEqual(["A/HRC/25/5", "Envoy", "The Johannesburg Principles"]);
    expect(built[0]).toMatchObject({ issuingBody: "Human Rights Council", csl: { URL: "http://ohchr.org/x" } });
    expect(built[1]).toMatchObject({ issuingBody: "Reuters", csl: { type: "article-newspaper", "container-title": "Reuters" } });
  });

  it("separates authors from the journal or publisher the extraction put beside them", () => {
    const article = citationToSource(
      record({ type: "academic", subtype: "journal-article", issuingBody: "Gary King, Jennifer Pan, and Margaret E. Roberts (authors); Science", title: "Reverse-engineering censorship in China" }),
      provenance,
    );
    expect(article).toMatchObject({ issuingBody: null, csl: { type: "article-journal", "container-title": "Science", author: [{ literal: "Gary King" }, { literal: "Jennifer Pan" }, { literal: "Margaret E. Roberts" }] } });
  });

  it("skips notes that cite nothing new or were cut off without a symbol", () => {
    expect(citationToSource(record({ raw: "Charity Law, Art. 104.", shortFormOf: 142 }), provenance)).toBeNull();
    expect(citationToSource(record({ raw: null }), provenance)).toBeNull();
    expect(citationToSource(record({ title: "Consideration of reports […]" }), provenance)).toBeNull();
  });
});
