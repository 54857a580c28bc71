/**
 * Builds the demo library's sources from the footnotes of real NGO submissions:
 *
 *   npx tsx db/seed/build-sources.ts [citations.json]            → db/seed/sources.json
 *   npx tsx db/seed/build-sources.ts [citations.json] --fixture  → test/fixtures/library/citations-sample.json
 *
 * citations.json, of the research data (docs/data.md), is read from ../shared/data beside the checkout
 * (CAUCUS_SHARED_DATA to read elsewhere).
 * Sources get licence null: unlike UN records, NGO reports, news and laws carry their own terms.
 *
 * The input is the hand-checked extraction in the research data (raw note text plus structured fields).
 * The app and the tests read only the files written here, never the research data (docs/data.md).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { issuingBodyOfSymbol, normaliseIssuingBody } from "../../core/citations/issuing-body";
import { CSL_TYPE_OF_KIND, type SourceKind } from "../../core/citations/source-kind";
import { SourceInputSchema, sourceDedupeKey, type Provenance, type SourceInput, type SourceInputDraft } from "../../core/library/records";

const CitationRecordSchema = z.looseObject({
  seed: z.string(),
  footnoteNumber: z.number(),
  raw: z.string().nullable(),
  type: z.string().nullable(),
  subtype: z.string().nullable(),
  issuingBody: z.string().nullable(),
  title: z.string().nullable(),
  documentSymbol: z.string().nullable(),
  date: z.string().nullable(),
  pinpoint: z.string().nullable(),
  url: z.string().nullable(),
  isIbid: z.boolean(),
  supraNote: z.number().nullable(),
  shortFormOf: z.number().nullable(),
  extractionStatus: z.string(),
});
export type CitationRecord = z.infer<typeof CitationRecordSchema>;

export const DEMO_PROVENANCE_SOURCE = "Caucus demo library: sources cited in real NGO submissions";
// When the research data was taken into the project (as in build-recommendations.ts); a fixed
// date keeps the output byte-identical from one run to the next.
const RETRIEVED_AT = "2026-11-27";
const KINDS = new Set<string>(Object.keys(CSL_TYPE_OF_KIND));

/** Parses the research data's citations.json (docs/data.md): `{ citations: [...] }`. */
export function readCitations(json: string): CitationRecord[] {
  return z.object({ citations: z.array(CitationRecordSchema) }).parse(JSON.parse(json)).citations;
}

/** A note that only points at another (Ibid., supra, a short form) cites no new source. */
export function isPointer(record: CitationRecord): boolean {
  return record.isIbid || record.supraNote !== null || record.shortFormOf !== null || /^\s*(?:see\s+)?(?:ibid|supra)\b/i.test(record.raw ?? "");
}

/** The curator's notes in brackets are not part of a title: "(inferred …)", "[sic]"; "[Council]" is kept as text. */
function cleanTitle(title: string): string {
  return title
    .replace(/\s*\((?:inferred|as cited)[^)]*\)/gi, "")
    .replace(/\s*\[sic\]/gi, "")
    // Restorations ("charge[d]", "[Council]", "[Draft] …") become text; asides ("[also known as …]") stay.
    .replace(/(?<=\w)\[([^\]…]+)\]|\[([A-Z][^\]…]*)\]/g, (_m, attached?: string, capital?: string) => attached ?? capital ?? "")
    .replace(/\s+/g, " ")
    .trim();
}

/** "Fu Hualing (author); published by Human Rights in China" → authors and publisher apart. */
function splitIssuer(raw: string): { body: string; authors: string[]; container: string | null } {
  const authored = /^(.*?)\s*\(authors?\);\s*(published by\s+)?(.*)$/i.exec(raw);
  if (authored) {
    const authors = authored[1]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter(Boolean);
    const named = authored[3]!.replace(/\s*\([^)]*\.[a-z]{2,}[^)]*\)/g, "").trim();
    // A publisher issues; a journal or newspaper only contains.
    return authored[2] ? { body: named, authors, container: null } : { body: "", authors, container: named };
  }
  // "Fudan University (Wu Kaiya, Zhang Li, Chen Xiao)": an institution and its authors.
  const listed = /^([^()]+?)\s*\(([^()]+,[^()]+)\)$/.exec(raw);
  if (listed && !/inferred|as cited/i.test(listed[2]!)) {
    return { body: listed[1]!, authors: listed[2]!.split(/\s*,\s*(?:and\s+)?/), container: null };
  }
  // An issuer the curator inferred is not one the note names.
  if (/\(inferred/i.test(raw)) return { body: "", authors: [], container: null };
  const body = raw
    .split(" — ")[0]!
    .replace(/\s*\((?:inferred|as cited|PRC|translation|Report of|joint statement)[^)]*\)/gi, "")
    .replace(/\s*\([^)]*\.[a-z]{2,}\)/g, "")
    .replace(/\[([^\]]+)\]/g, "$1")
    .trim();
  return { body, authors: [], container: null };
}

function cslType(kind: SourceKind, subtype: string): string {
  if (kind === "law") {
    if (subtype === "treaty") return "treaty";
    if (/regulation/.test(subtype)) return "regulation";
    if (subtype === "draft-law") return "bill";
    return "legislation";
  }
  if (kind === "ngo-report" && /webpage|article|news-release|translation/.test(subtype)) return "webpage";
  if (kind === "academic" && /report|paper/.test(subtype)) return "report";
  if (kind === "other") return "report";
  return CSL_TYPE_OF_KIND[kind];
}

// Titles the extraction could not give whole; the report's own title page is the authority.
const TITLE_OVERRIDES: Record<string, string> = {
  "A/HRC/25/5": "Report of the Working Group on the Universal Periodic Review: China (including Hong Kong, China and Macao, China)",
};

/** Maps one structured footnote record to a library source; null for pointers and notes naming nothing. */
export function citationToSource(record: CitationRecord, provenance: Provenance): SourceInputDraft | null {
  if (!record.raw || isPointer(record) || !record.type || !KINDS.has(record.type)) return null;
  const kind = record.type as SourceKind;
  const symbol = record.documentSymbol?.trim() || null;
  const cleaned = record.title ? cleanTitle(record.title) : "";
  // A title cut off by the PDF extraction is only usable when the symbol identifies the document.
  if (!symbol && (!cleaned || /\[(?:…|\.\.\.)\]|\.\.\.$/.test(record.title ?? ""))) return null;
  const issuer = splitIssuer(record.issuingBody ?? "");
  const named = issuer.body || (kind === "news" ? (issuer.container ?? "") : "");
  const body = (symbol && issuingBodyOfSymbol(symbol)) || (named ? normaliseIssuingBody(named) : null);
  const csl: SourceInputDraft["csl"] = { type: cslType(kind, record.subtype ?? "") };
  const title = (symbol && TITLE_OVERRIDES[symbol]) || cleaned;
  if (title) csl.title = title;
  if (record.url) csl.URL = record.url;
  if (record.date) csl.issued = { "date-parts": [record.date.split("-").map(Number)] };
  if (symbol) csl.number = symbol;
  if (issuer.authors.length > 0) csl.author = issuer.authors.map((literal) => ({ literal }));
  if (issuer.container || (kind === "news" && body)) csl["container-title"] = issuer.container ?? body ?? undefined;
  if (body && kind !== "news") csl.publisher = body;
  return { csl, unSymbol: symbol, issuingBody: body, defaultPinpoint: null, provenance };
}

// When several notes cite one source, keep the fullest description of it.
function quality(record: CitationRecord, source: SourceInput): number {
  let score = 0;
  if (record.extractionStatus === "complete") score += 4;
  if (!/inferred/i.test(`${record.title} ${record.issuingBody}`)) score += 4;
  if (source.csl.URL) score += 2;
  if ((source.csl.issued?.["date-parts"]?.[0]?.length ?? 0) === 3) score += 1;
  return score;
}


/** The demo library: one source per document, URL or title, in the order the notes first cite them. */
export function buildSources(records: CitationRecord[], provenance: Provenance): SourceInput[] {
  const chosen = new Map<string, { order: number; score: number; source: SourceInput }>();
  // A note whose URL was lost in extraction still cites the source another note gives with its URL.
  const keyOfTitle = new Map<string, string>();
  const titleKey = (s: SourceInput) => (s.csl.title ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  records.forEach((record, order) => {
    const draft = citationToSource(record, provenance);
    if (!draft) return;
    const source = SourceInputSchema.parse(draft);
    const own = sourceDedupeKey(source);
    const key = (!source.unSymbol && keyOfTitle.get(titleKey(source))) || own;
    if (titleKey(source) && !keyOfTitle.has(titleKey(source))) keyOfTitle.set(titleKey(source), key);
    const score = quality(record, source);
    const previous = chosen.get(key);
    if (!previous) chosen.set(key, { order, score, source });
    else if (score > previous.score) chosen.set(key, { order: previous.order, score, source });
  });
  return [...chosen.values()].sort((a, b) => a.order - b.order).map((c) => c.source);
}

// The fixture: a representative subset of every type, pointers included ("seed-footnote").
const FIXTURE_NOTES = [
  // UN documents
  "001-2", "001-3", "001-4", "001-30", "001-37", "001-40", "001-44", "001-56", "001-74", "001-75", "001-104",
  "000-2", "000-10", "000-11", "000-14",
  // UN web pages, other web pages, news, NGO reports
  "001-1", "001-10", "001-42", "001-70", "001-8", "001-12", "001-122", "003-2", "000-32",
  "001-45", "001-46", "003-4", "003-5", "000-6", "000-22", "000-33",
  "001-9", "001-13", "001-50", "001-118", "003-8", "000-15", "000-34",
  // laws and treaties, academic, government reports
  "001-135", "001-142", "001-144", "001-124", "001-129", "000-1", "000-13", "000-16", "000-35", "003-1",
  "001-63", "001-121", "001-126", "000-49", "001-15", "001-132", "000-7", "000-8",
  // pointers: Ibid., short forms, supra
  "001-18", "001-21", "001-148", "001-17", "000-27", "000-4",
];

/** The committed test fixture: each note's raw text, its structured fields, and the source mapped from them. */
export function buildFixture(records: CitationRecord[], provenance: Provenance) {
  const byId = new Map(records.map((r) => [`${r.seed.slice(0, 3)}-${r.footnoteNumber}`, r]));
  const notes = FIXTURE_NOTES.map((id) => {
    const r = byId.get(id);
    if (!r || !r.raw) throw new Error(`No footnote ${id} with text in the input`);
    const draft = citationToSource(r, provenance);
    return {
      id,
      raw: r.raw,
      type: r.type,
      subtype: r.subtype,
      pointer: isPointer(r),
      structured: { issuingBody: r.issuingBody, title: r.title, symbol: r.documentSymbol, date: r.date, pinpoint: r.pinpoint, url: r.url },
      source: draft ? SourceInputSchema.parse(draft) : null,
    };
  });
  return {
    about:
      "Real footnotes of NGO submissions (the research data's citations.json, docs/data.md), a subset of every type with pointers (Ibid., supra, short forms). `structured` is the hand-checked extraction as given; `source` is the library source db/seed/build-sources.ts maps from it. Rebuild: npx tsx db/seed/build-sources.ts <citations.json> --fixture",
    notes,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  // As db/seed/build-recommendations.ts: the research data (docs/data.md) in ../shared/data beside the checkout, or CAUCUS_SHARED_DATA.
  const shared = process.env.CAUCUS_SHARED_DATA ?? fileURLToPath(new URL("../../../shared/data", import.meta.url));
  const input = args.find((a) => !a.startsWith("--")) ?? `${shared}/citations.json`;
  const records = readCitations(readFileSync(input, "utf8"));
  const provenance: Provenance = { source: DEMO_PROVENANCE_SOURCE, licence: null, retrievedAt: RETRIEVED_AT };
  if (args.includes("--fixture")) {
    const out = fileURLToPath(new URL("../../test/fixtures/library/citations-sample.json", import.meta.url));
    writeFileSync(out, `${JSON.stringify(buildFixture(records, provenance), null, 2)}\n`);
    console.log(`wrote ${out}`);
  } else {
    const sources = buildSources(records, provenance);
    const out = fileURLToPath(new URL("sources.json", import.meta.url));
    writeFileSync(out, `${JSON.stringify(sources, null, 2)}\n`);
    console.log(`wrote ${sources.length} sources to ${out}`);
  }
}
