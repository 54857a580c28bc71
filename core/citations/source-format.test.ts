import { describe, expect, it } from "vitest";
import type { SourceInputDraft } from "../library/records";
// Real NGO footnotes (the research data's citations.json, docs/data.md) with their structured fields, copied by db/seed/build-sources.ts.
import fixture from "../../test/fixtures/library/citations-sample.json";
import { normalisePinpoint } from "./pinpoint";
import { formatCitation, formatIssued, formatSourceLabel } from "./source-format";

const provenance = { source: "test", licence: null, retrievedAt: null };
const notes = fixture.notes.filter((n) => n.source !== null);
const note = (id: string) => {
  const found = notes.find((n) => n.id === id);
  if (!found?.source) throw new Error(`fixture note ${id}`);
  return { ...found, source: found.source as SourceInputDraft };
};

/** Words as a reader compares them: case, punctuation, quotation marks and “U.N.” aside; CJK by character. */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/u\.n\./g, "un")
    .split(/[^\p{L}\p{N}]+|(?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])/u)
    .filter((w) => w.length > 1 || /[\u3400-\u9fff\d]/.test(w));
}
/** The share of `part`'s words that the raw note also has, in its text or its URLs ("xinhuanet"). */
function coverage(part: string, raw: string): number {
  const have = words(raw);
  const wanted = words(part);
  return wanted.length === 0 ? 1 : wanted.filter((w) => have.some((h) => h.includes(w))).length / wanted.length;
}

describe("formatSourceLabel and formatCitation on the real footnotes", () => {
  it("cites every UN document by its symbol and pinpoint, exactly", () => {
    const un = notes.filter((n) => n.source?.unSymbol);
    expect(un.length).toBeGreaterThanOrEqual(12);
    for (const n of un) {
      const source = n.source as SourceInputDraft;
      const symbol = source.unSymbol!;
      // Notes quoting "Recommendation 186.60" name the report only by its numbering.
      if (n.subtype !== "upr-recommendation") expect(n.raw.replace(/\s+(?=\d)/g, ""), n.id).toContain(symbol === "A/HRC/RES/12/2" ? "A/HRC/Res/12/2" : symbol.replace(/\s/g, ""));
      expect(formatSourceLabel(source), n.id).toBe(symbol);
      const pinpoint = n.structured.pinpoint;
      const expected = pinpoint ? `${symbol}, ${normalisePinpoint(pinpoint).text}` : symbol;
      expect(formatCitation(source, pinpoint), n.id).toBe(expected);
    }
    expect(formatCitation(note("001-37").source, "para 10")).toBe("CAT/C/55/3, para. 10");
  });

  it("gives the paragraphs of the UPR report as UN notes do", () => {
    const recs = note("001-30");
    expect(formatCitation(recs.source, recs.structured.pinpoint)).toBe("A/HRC/25/5, paras. 186.60, 186.63 and 186.67");
    expect(formatCitation(note("000-10").source, "paras. 47 and 48")).toBe("CRC/C/CHN/CO/3-4, paras. 47 and 48");
    expect(formatCitation(note("001-75").source, "paras. 31-36")).toBe("A/HRC/18/19, paras. 31–36");
  });

  it("writes the full form of a UN document with issuer, exact title in quotation marks, date and symbol", () => {
    expect(formatSourceLabel(note("001-3").source, { form: "full" })).toBe(
      "Human Rights Council, “Report of the Working Group on the Universal Periodic Review: China (including Hong Kong, China and Macao, China)”, 4 December 2013, A/HRC/25/5",
    );
    expect(formatCitation(note("001-40").source, "para. 78", { form: "full" })).toBe(
      "Committee on the Elimination of Discrimination against Women, “Concluding observations on the combined seventh and eighth reports of China”, 7 November 2014, CEDAW/C/CHN/CO/7-8, para. 78",
    );
  });

  it("keeps the essential parts of every other real note: issuer, title, date and URL", () => {
    const others = notes.filter((n) => !n.source?.unSymbol);
    expect(others.length).toBeGreaterThanOrEqual(30);
    for (const n of others) {
      const source = n.source as SourceInputDraft;
      const text = formatCitation(source, n.structured.pinpoint);
      const { csl } = source;
      // Inside a quoted title, its own quotation marks become single ones.
      if (csl.title) expect(text, n.id).toContain(csl.title.replace(/“/g, "‘").replace(/”/g, "’"));
      // A Chinese title's English translation in brackets may be the curator's, not the note's.
      const essential = (csl.title ?? "").replace(/^([\u3400-\u9fff].*?)\s*\((?:[^()]|\([^()]*\))*\)$/u, "$1");
      expect(coverage(essential, n.raw), `${n.id} title`).toBeGreaterThanOrEqual(0.75);
      // An issuer the curator read off the URL's domain ("… (sdfgw.gov.cn)") is not in the words.
      const domain = /\(([a-z0-9.-]+\.[a-z]{2,})\)/.exec(n.structured.issuingBody ?? "")?.[1];
      // 003-1 is the bare title 《社会信用体系建设规划纲要》; the curator named its issuer, the State Council.
      if (source.issuingBody && !(domain && n.raw.includes(domain)) && n.id !== "003-1") {
        expect(coverage(source.issuingBody, n.raw), `${n.id} issuer`).toBeGreaterThanOrEqual(0.5);
      }
      if (csl.URL) {
        expect(text.endsWith(csl.URL), n.id).toBe(true);
        expect(n.raw, n.id).toContain(csl.URL);
      }
      const date = formatIssued(csl.issued);
      // The year is in the note; so is the month, unless the curator read the date off the URL.
      const [year, month] = [date.match(/\d{4}/)?.[0], date.match(/[A-Z][a-z]+/)?.[0]];
      if (year) expect(n.raw, n.id).toContain(year);
      if (month && /January|February|March|April|May|June|July|August|September|October|November|December/.test(n.raw)) expect(n.raw, n.id).toContain(month);
      // The label may differ (a bare "26" in a journal is a page), the numbers may not.
      if (n.structured.pinpoint) expect(text, n.id).toContain(normalisePinpoint(n.structured.pinpoint).text.replace(/^[a-z]+\.\s/, ""));
    }
  });

  it("reads each kind in its order", () => {
    expect(formatCitation(note("001-45").source, null)).toBe(
      "Reuters, “U.N. rights envoy says Chinese authorities interfered with his work”, 23 August 2016, http://www.reuters.com/article/us-china-un-rights-idUSKCN10Y192",
    );
    expect(formatSourceLabel(note("001-142").source)).toBe(
      "Charity Law of the People’s Republic of China (中华人民共和国慈善法), National People’s Congress, 1 September 2016, https://perma.cc/SNL4-LYRZ",
    );
    expect(formatCitation(note("000-1").source, "Article 2")).toBe(
      "International Covenant on Economic, Social and Cultural Rights, General Assembly, 16 December 1966, art. 2, http://www.refworld.org/docid/3ae6b36c0.html",
    );
    expect(formatSourceLabel(note("001-42").source)).toBe(
      "Office of the United Nations High Commissioner for Human Rights, “Standing Invitations”, http://spinternet.ohchr.org/_Layouts/SpecialProceduresInternet/StandingInvitations.aspx",
    );
    expect(formatSourceLabel(note("000-33").source)).toBe(
      "Zhao Han, “北京外来工子女的求学梦 (Beijing’s migrants workers’ children’s dream of education)”, T Magazine, 28 January 2014, http://cn.tmagazine.com/education/20140128/tc28migrant/",
    );
    expect(formatCitation(note("001-121").source, "26")).toBe("Severin Arsene, “Global Internet Governance in Chinese Academic Literature”, China Perspectives (2016), p. 26");
    expect(formatSourceLabel(note("003-4").source)).toContain("“发改委限制 733 万‘老赖’买机票！失信榜公布……”");
  });

  it("formats books, CJK names and undated sources", () => {
    const book: SourceInputDraft = {
      csl: { type: "book", title: "Human Rights in China", author: [{ family: "李", given: "明" }, { family: "Müller", given: "Jürgen" }], publisher: "Presses de Sciences Po", issued: { "date-parts": [[2019]] } },
      provenance,
    };
    expect(formatCitation(book, "pp. 4-5")).toBe("李明 and Jürgen Müller, Human Rights in China (Presses de Sciences Po, 2019), pp. 4–5");
    const page: SourceInputDraft = { csl: { type: "webpage", title: "Standing Invitations", URL: "https://spinternet.ohchr.org/x" }, issuingBody: "OHCHR", provenance };
    expect(formatSourceLabel(page)).toBe("OHCHR, “Standing Invitations”, https://spinternet.ohchr.org/x");
    expect(formatIssued({ "date-parts": [[2013, 12]] })).toBe("December 2013");
    expect(formatIssued({ raw: "Spring 2014" })).toBe("Spring 2014");
    expect(formatIssued(undefined)).toBe("");
  });
});
