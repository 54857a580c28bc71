import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { describe, expect, it } from "vitest";
import sample from "../../test/fixtures/library/citations-sample.json";
import { documentSchema } from "../editor";
import type { EnglishFinding as Finding } from "../../test/i18n/english";
import { inEnglishFindings } from "../../test/i18n/english";
import { footnoteFindings as footnoteFindingsRaw } from "./footnote-rules";

/** The rule's findings as an English reader reads them (messages are catalogue ids: finding.ts). */
const footnoteFindings = (...args: Parameters<typeof footnoteFindingsRaw>) => inEnglishFindings(footnoteFindingsRaw(...args));

type Inline = Record<string, unknown>;
const text = (value: string): Inline => ({ type: "text", text: value });
const cite = (sourceId: string | null, label: string, pinpoint = ""): Inline => ({ type: "citation", attrs: { sourceId, label, pinpoint } });
const note = (id: string, ...content: Array<Inline | string>): Inline => ({
  type: "footnote",
  attrs: { id },
  content: content.map((c) => (typeof c === "string" ? text(c) : c)).filter((c) => c.type !== "text" || c.text !== ""),
});
const para = (...content: Array<Inline | string>) => ({ type: "paragraph", content: content.map((c) => (typeof c === "string" ? text(c) : c)) });
const build = (...blocks: unknown[]): PMNode => documentSchema().nodeFromJSON({ type: "doc", content: blocks });
/** One body paragraph per note, the marker after the full stop (English style). */
const notesDoc = (...notes: Array<Array<Inline | string>>) => build(...notes.map((content, i) => para(`Sentence ${i + 1}.`, note(`n${i + 1}`, ...content))));

const en = { language: "en" };
const rules = (findings: Finding[]) => findings.map((f) => `${f.rule}@${f.location?.footnoteId ?? "-"}`);
const only = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

const CEDAW = "Committee on the Elimination of Discrimination against Women, “Concluding observations on China,” U.N. Doc. CEDAW/C/CHN/CO/7-8 (November 7, 2014), para. 78.";

describe("footnote.empty", () => {
  it("flags a note with no text and no citation, on the note", () => {
    const doc = notesDoc([], ["  "], [cite("s1", "A/HRC/25/5")]);
    const found = only(footnoteFindings(doc, en), "footnote.empty");
    expect(found.map((f) => f.location?.footnoteId)).toEqual(["n1", "n2"]);
    expect(found[0]).toMatchObject({ severity: "error", message: expect.stringContaining("Note 1 is empty") });
    expect(found[0]!.fix).toBeUndefined();
    expect(doc.nodeAt(found[0]!.location!.from)?.type.name).toBe("footnote");
  });
});

describe("footnote.bare-url", () => {
  it("warns on a note that is only an address, not on one with a title", () => {
    const doc = notesDoc(["http://www.ohchr.org/en/hrbodies/upr/pages/uprmain.aspx."], ["See www.example.org/report"], ['OHCHR, "Universal Periodic Review," http://www.ohchr.org/en/hrbodies/upr/pages/uprmain.aspx.']);
    const found = only(footnoteFindings(doc, en), "footnote.bare-url");
    expect(found.map((f) => f.location?.footnoteId)).toEqual(["n1", "n2"]);
    expect(found[0]!.severity).toBe("warning");
    expect(found[0]!.message).toMatch(/title/);
    expect(found[0]!.message).toMatch(/date/);
  });
});

describe("footnote.repeat-source", () => {
  const applyFix = (doc: PMNode, f: Finding) => new Transform(doc).replaceWith(f.fix!.from, f.fix!.to, doc.type.schema.text(f.fix!.text)).doc;

  it("suggests Ibid. for a typed note repeating the previous one, keeping a new pinpoint", () => {
    const doc = notesDoc([CEDAW], [CEDAW.replace("para. 78", "para. 80")], ["Other source, 2015."]);
    const found = only(footnoteFindings(doc, en), "footnote.repeat-source");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info", location: { footnoteId: "n2" } });
    expect(found[0]!.message).toContain("could read “Ibid., para. 80.”");
    const fixed = applyFix(doc, found[0]!);
    expect(fixed.child(1).child(1).textContent).toBe("Ibid., para. 80.");
    expect(fixed.child(0).child(1).textContent).toBe(CEDAW);
    expect(footnoteFindings(fixed, en)).toEqual([]);
  });

  it("gives plain Ibid. for the same pinpoint, and no fix when the repeat drops the pinpoint", () => {
    const same = only(footnoteFindings(notesDoc([CEDAW], [CEDAW]), en), "footnote.repeat-source");
    expect(same[0]!.fix?.text).toBe("Ibid.");
    const whole = only(footnoteFindings(notesDoc([CEDAW], [CEDAW.replace(", para. 78", "")]), en), "footnote.repeat-source");
    expect(whole).toHaveLength(1);
    expect(whole[0]!.fix).toBeUndefined();
  });

  it("says nothing for different sources, citation nodes, or after a note citing several", () => {
    expect(only(footnoteFindings(notesDoc([CEDAW], ["CAT/C/CHN/CO/5, para. 3."]), en), "footnote.repeat-source")).toEqual([]);
    const cited = notesDoc([cite("s1", "A/HRC/25/5", "para. 1")], [cite("s1", "A/HRC/25/5", "para. 2")]);
    expect(footnoteFindings(cited, { ...en, missingSourceIds: new Set(["s2"]) })).toEqual([]);
    const several = "CAT/C/CHN/CO/5, para. 3; CEDAW/C/CHN/CO/7-8, para. 4.";
    expect(only(footnoteFindings(notesDoc([several], [several]), en), "footnote.repeat-source")).toEqual([]);
  });
});

describe("footnote.ibid-misused", () => {
  it("accepts Ibid. after a note with one source, typed or cited, and along a chain", () => {
    expect(footnoteFindings(notesDoc([CEDAW], ["Ibid."], ["ibid., para. 3."]), en)).toEqual([]);
    expect(footnoteFindings(notesDoc([cite("s1", "A/HRC/25/5")], ["Id."]), en)).toEqual([]);
  });

  it("accepts the real Ibid. after a note naming Hong Kong's report E/C.12/CHN-HKG/3 in brackets (one source, read whole)", () => {
    // the research data's citations.json (docs/data.md), submission 000, notes 2 and 3: the bracketed symbols name the reports the list of issues is about.
    const listOfIssues =
      "UN Committee on Economic, Social and Cultural Rights (CESCR), List of issues in relation to the second periodic report of China (E/C.12/CHN/2) including Hong Kong, China (E/C.12/CHN-HKG/3) and Macao, China (E/C.12/CHNMAC/2), adopted by the pre-sessional working group at its fifty-first session (21-24 May 2013), Part One : China, 13 June 2013, E/C.12/WG/CHN/Q/2, para. 5, available at: http://tbinternet.ohchr.org/_layouts/treatybodyexternal/Download.aspx?symbolno=E%2fC.12%2fWG%2fCHN%2fQ%2f2&Lang=en.";
    expect(only(footnoteFindings(notesDoc([listOfIssues], ["Ibid at para. 4."]), en), "footnote.ibid-misused")).toEqual([]);
  });

  it("flags Ibid. as the first note, after several sources, and after a note citing none", () => {
    const doc = notesDoc(
      ["IBID"],
      [CEDAW],
      ["CAT/C/CHN/CO/5, para. 3; CEDAW/C/CHN/CO/7-8, para. 4."],
      ["Ibid."],
      [cite("s1", "A/HRC/25/5"), "; ", cite("s2", "A/HRC/25/2")],
      ["Id."],
      ["The authorities did not reply."],
      ["ibid."],
    );
    const found = only(footnoteFindings(doc, en), "footnote.ibid-misused");
    expect(found.map((f) => f.location?.footnoteId)).toEqual(["n1", "n4", "n6", "n8"]);
    expect(found.every((f) => f.severity === "error")).toBe(true);
    expect(found[0]!.message).toContain("first note");
    expect(found[1]!.message).toContain("note 3 before it cites 2 sources");
    expect(found[2]!.message).toContain("“Id.”");
    expect(found[2]!.message).toContain("cites 2 sources");
    expect(found[3]!.message).toContain("cites no source");
  });
});

describe("footnote.marker-before-punctuation", () => {
  const doc = build(
    para("Adopted", note("a", CEDAW), ". Then", note("b", "Ibid."), ", later."),
    para("Several", note("c", "A/HRC/25/5."), ",", note("d", "A/HRC/25/2."), " markers."),
    para("Adoptée.", note("e", "A/HRC/25/1.")),
  );
  const marker = (language: string) => only(footnoteFindings(doc, { language }), "footnote.marker-before-punctuation");

  it("in English flags a marker before punctuation, not a comma between markers", () => {
    const found = marker("en");
    expect(found.map((f) => f.location?.footnoteId)).toEqual(["a", "b"]);
    expect(found[0]!.severity).toBe("warning");
    const { from, to } = found[0]!.location!;
    expect(doc.nodeAt(from)?.type.name).toBe("footnote");
    expect(doc.textBetween(from + doc.nodeAt(from)!.nodeSize, to)).toBe(".");
    expect(found[0]!.fix).toBeUndefined();
  });

  it("in French and Spanish flags the opposite, a marker after punctuation", () => {
    expect(marker("fr").map((f) => f.location?.footnoteId)).toEqual(["e"]);
    expect(marker("es-ES").map((f) => f.location?.footnoteId)).toEqual(["e"]);
    expect(marker("fr")[0]!.message).toContain("French");
    expect(marker("ru")).toEqual([]);
  });
});

describe("footnote.bad-url", () => {
  it("warns on other schemes and addresses that do not parse, not on good ones", () => {
    const doc = notesDoc(
      ["Report, ftp://files.example.org/r.pdf."],
      ["Click javascript:alert(1)"],
      ["Report, https://[broken/page."],
      ["Report, http:/www.example.org/x."],
      ["Report, http://intranet/page."],
      ["Report, https://www.ohchr.org/en/documents?x=1 and www.refworld.org/docid/3ae6b36c0.html."],
    );
    const found = only(footnoteFindings(doc, en), "footnote.bad-url");
    expect(found.map((f) => f.location?.footnoteId)).toEqual(["n1", "n2", "n3", "n4", "n5"]);
    expect(found[0]!.message).toContain("ftp:");
    expect(found[1]!.message).toContain("javascript:");
    expect(found[3]!.message).toContain("missing the “//”");
  });
});

describe("footnote.deleted-source", () => {
  it("flags a citation with no source, or one the library no longer has", () => {
    const doc = notesDoc([cite(null, "A/HRC/25/5"), ", para. 3."], [cite("gone", "CAT/C/CHN/CO/5")], [cite("s1", "A/HRC/25/2")]);
    const found = only(footnoteFindings(doc, { ...en, missingSourceIds: new Set(["gone"]) }), "footnote.deleted-source");
    // "s1" is not in the answer: a source cited a moment ago, not asked about yet, is not reported.
    expect(found.map((f) => f.location?.footnoteId)).toEqual(["n1", "n2"]);
    expect(found[0]!.message).toContain("cites a source no longer in the library");
    expect(doc.nodeAt(found[0]!.location!.from)?.type.name).toBe("citation");
    expect(only(footnoteFindings(doc, en), "footnote.deleted-source").map((f) => f.location?.footnoteId)).toEqual(["n1"]);
  });
});

describe("footnote.duplicate", () => {
  it("warns on the same text further on, ignoring case and spacing, not on the next note", () => {
    const doc = notesDoc(["Interview with a lawyer, Beijing, 3 March 2020."], ["Other source, 2015."], ["interview with  a lawyer, Beijing, 3 March 2020"]);
    const found = only(footnoteFindings(doc, en), "footnote.duplicate");
    expect(found.map((f) => f.location?.footnoteId)).toEqual(["n3"]);
    expect(found[0]!.message).toContain("same text as note 1");
    const next = notesDoc(["Interview with a lawyer."], ["Interview with a lawyer."]);
    expect(only(footnoteFindings(next, en), "footnote.duplicate")).toEqual([]);
  });
});

describe("footnote.long", () => {
  it("warns above the limit, 150 words by default", () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");
    const doc = notesDoc([words(150)], [words(151)]);
    expect(only(footnoteFindings(doc, en), "footnote.long").map((f) => f.location?.footnoteId)).toEqual(["n2"]);
    expect(only(footnoteFindings(doc, { ...en, maxNoteWords: 200 }), "footnote.long")).toEqual([]);
    expect(only(footnoteFindings(doc, { ...en, maxNoteWords: 10 }), "footnote.long")).toHaveLength(2);
  });
});

describe("real notes in sequence (test/fixtures/library/citations-sample.json)", () => {
  const raw = new Map(sample.notes.map((n) => [n.id, n.raw]));
  const URL_ONLY = sample.notes.find((n) => n.id === "001-1")!.structured.url!;
  // Seed ids in reading order; "url:001-1" is that note's URL alone, "para80:001-40" the note with another paragraph.
  const ORDER = [
    "001-18", "001-2", "001-21", "001-3", "001-4", "001-37", "001-18", "001-40", "001-44", "001-104",
    "000-10", "000-11", "000-14", "001-1", "001-42", "001-70", "001-8", "001-122", "003-2", "001-45",
    "001-46", "001-21", "003-5", "000-6", "001-9", "001-50", "000-34", "001-142", "001-148", "001-18",
    "001-135", "000-1", "000-4", "000-35", "003-1", "001-63", "000-8", "001-18", "001-21", "001-2",
    "url:001-1", "001-40", "para80:001-40",
  ];
  const textOf = (key: string) => {
    const [kind, id] = key.includes(":") ? key.split(":") : ["", key];
    if (kind === "url") return URL_ONLY;
    const value = raw.get(id!)!;
    return kind === "para80" ? value.replace("para. 78", "para. 80") : value;
  };
  const doc = build(...ORDER.map((key, i) => para(`Paragraph ${i + 1}.`, note(`${i + 1}:${key}`, textOf(key)))));
  const findings = footnoteFindings(doc, en);

  it("reads every seed note", () => {
    expect(ORDER.every((key) => textOf(key))).toBe(true);
    expect(ORDER.length).toBeGreaterThanOrEqual(30);
  });

  it("finds exactly what a careful reader would", () => {
    expect(rules(findings)).toEqual([
      "footnote.ibid-misused@1:001-18", // "Ibid." as note 1
      "footnote.ibid-misused@7:001-18", // after CAT/C/55/3 …; Committee …: several sources
      "footnote.ibid-misused@22:001-21", // after two news articles separated by "; "
      "footnote.long@25:001-9", // 157 words of commentary
      "footnote.duplicate@40:001-2", // note 2 again, not next to it
      "footnote.bare-url@41:url:001-1",
      "footnote.duplicate@42:001-40", // note 8 again
      "footnote.repeat-source@43:para80:001-40", // same as note 42 but para. 80
    ]);
  });

  it("explains each finding for the writer, with a safe fix only where typed text can become Ibid.", () => {
    const byNote = (id: string) => findings.filter((f) => f.location?.footnoteId === id);
    expect(byNote("7:001-18")[0]!.message).toContain("note 6 before it cites 3 sources");
    expect(byNote("22:001-21")[0]!.message).toContain("note 21 before it cites 2 sources");
    expect(byNote("40:001-2")[0]!.message).toContain("same text as note 2");
    expect(byNote("43:para80:001-40")[0]!.fix?.text).toBe("Ibid., para. 80.");
    // Correct ibid chains: after a single-source note, after a short form, after an Ibid.
    for (const id of ["3:001-21", "30:001-18", "38:001-18", "39:001-21"]) expect(byNote(id)).toEqual([]);
  });
});
