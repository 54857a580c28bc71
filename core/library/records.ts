import { z } from "zod";
import { parseUnSymbol } from "../citations/un-symbol";
import { isStateCode } from "../un/states";

/**
 * The library's two kinds of record, as every importer, query and screen sees them. Field
 * meanings follow docs/domain.md §2c; limits are generous for real records and bound
 * what one bad file can put in the database.
 */

/** UPR, treaty body, special procedure. */
export const LIBRARY_MECHANISMS = ["UPR", "TB", "SP"] as const;
export type LibraryMechanism = (typeof LIBRARY_MECHANISMS)[number];

const shortText = (max: number) => z.string().trim().min(1).max(max);
const labels = (max: number) => z.array(shortText(200)).max(max);

export const ProvenanceSchema = z.object({
  /** Where the record came from: "UHRI export", "UPR Info", "Caucus demo library", a file name. */
  source: shortText(300),
  licence: z.string().trim().max(300).nullable().default(null),
  /** When it was taken from its source (ISO date or date-time). */
  retrievedAt: z.string().trim().max(40).nullable().default(null),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** ISO 8601 calendar date, "2013-12-04". */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2013-12-04");

export const RecommendationInputSchema = z.object({
  mechanism: z.enum(LIBRARY_MECHANISMS),
  /** UPR, CESCR, CCPR, …, CRC-OPAC, or a special procedure's name ("SR on freedom of expression"). */
  body: shortText(200),
  /** ISO 3166-1 alpha-3 of the State the recommendation is addressed to. */
  stateUnderReview: z.string().refine(isStateCode, "an ISO 3166-1 alpha-3 code of a UN State (CHN)"),
  /** UPR only: the States that made it, as the report names them. */
  recommendingStates: labels(60).default([]),
  cycle: z.number().int().min(1).max(20).nullable().default(null),
  session: z.string().trim().max(100).nullable().default(null),
  /** The UN document the recommendation is in, normalised ("A/HRC/25/5"). */
  symbol: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .transform((value) => parseUnSymbol(value).normalised || value)
    .refine((value) => parseUnSymbol(value).valid, "a UN document symbol such as A/HRC/25/5"),
  /** "186.60", "27 (d)"; empty when the document has no numbered paragraph for it. */
  paragraph: z.string().trim().max(40).default(""),
  text: shortText(20_000),
  /** "supported", "noted", or any other response kept as given; null when there is none. */
  response: z.string().trim().min(1).max(200).nullable().default(null),
  /** Where the response is recorded: "A/HRC/25/5/Add.1, para. 3". */
  responseSource: z.string().trim().max(300).nullable().default(null),
  themes: labels(60).default([]),
  affectedPersons: labels(60).default([]),
  sdgGoals: z.array(z.number().int().min(1).max(17)).max(17).default([]),
  /** McMahon action category (docs/domain.md §2b): 1 minimal … 5 specific. */
  actionCategory: z.number().int().min(1).max(5).nullable().default(null),
  publicationDate: IsoDate.nullable().default(null),
  /** Ids in the databases it came from: { uhri: "…", uprInfo: "…" }. */
  externalIds: z.record(z.string().max(40), z.string().max(200)).default({}),
  provenance: ProvenanceSchema,
});
export type RecommendationInput = z.infer<typeof RecommendationInputSchema>;
export type RecommendationInputDraft = z.input<typeof RecommendationInputSchema>;

/** A recommendation as stored and shown. */
export interface RecommendationRecord extends RecommendationInput {
  id: string;
  /** null = the shared library every coalition reads. */
  workspaceId: string | null;
  updatedAt: string;
}

// cyrb53 (public domain): a fast 53-bit string hash with no dependency, so the key stays short
// enough for a unique index however long the text is. Not for secrets.
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * Two rows are the same recommendation when they share document, paragraph and recommending
 * States (docs/domain.md §5e). A paragraph may hold one recommendation made by several States, so
 * the States are compared as a set. Without a paragraph (UPR Info rows, many UHRI treaty-body
 * rows) a hash of the text stands in for it, or every unnumbered recommendation of a document
 * would collapse into one row.
 */
export function recommendationDedupeKey(input: Pick<RecommendationInput, "symbol" | "paragraph" | "recommendingStates" | "text">): string {
  const states = [...new Set(input.recommendingStates.map((s) => s.trim().toLowerCase()))].sort().join(";");
  const paragraph = input.paragraph.replace(/\s+/g, " ").trim().toLowerCase();
  const key = `${input.symbol.toUpperCase()}|${paragraph}|${states}`;
  if (paragraph) return key;
  const text = input.text.toLowerCase().replace(/\s+/g, " ").replace(/[\s.;,]+$/, "").trim();
  return `${key}|text:${hash53(text)}`;
}

/**
 * A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html): the shape
 * Zotero and citation-js exchange. Kept open; only the fields Caucus reads are typed.
 */
export const CslItemSchema = z.looseObject({
  type: z.string().max(60).default("document"),
  title: z.string().max(2000).optional(),
  URL: z.string().max(2000).optional(),
  publisher: z.string().max(500).optional(),
  "container-title": z.string().max(1000).optional(),
  number: z.string().max(200).optional(),
  DOI: z.string().max(300).optional(),
  issued: z.looseObject({ "date-parts": z.array(z.array(z.union([z.number(), z.string()]))).optional(), raw: z.string().optional() }).optional(),
  author: z.array(z.looseObject({ family: z.string().optional(), given: z.string().optional(), literal: z.string().optional() })).max(200).optional(),
});
export type CslItem = z.infer<typeof CslItemSchema>;

export const SourceInputSchema = z.object({
  csl: CslItemSchema,
  /** UN document symbol when the source is a UN document ("A/HRC/25/5"). */
  unSymbol: z
    .string()
    .trim()
    .max(120)
    .transform((value) => parseUnSymbol(value).normalised || value)
    .refine((value) => parseUnSymbol(value).valid, "a UN document symbol such as A/HRC/25/5")
    .nullable()
    .default(null),
  /** "Human Rights Council", "Amnesty International", "Xinhua". */
  issuingBody: z.string().trim().max(500).nullable().default(null),
  /** What a new citation to this source points at unless the writer says otherwise. */
  defaultPinpoint: z.string().trim().max(100).nullable().default(null),
  provenance: ProvenanceSchema,
});
export type SourceInput = z.infer<typeof SourceInputSchema>;
export type SourceInputDraft = z.input<typeof SourceInputSchema>;

export interface SourceRecord extends SourceInput {
  id: string;
  workspaceId: string | null;
  updatedAt: string;
}

/**
 * Sources are the same when they are the same UN document, the same DOI, the same URL, or
 * failing those the same title and date.
 */
export function sourceDedupeKey(input: Pick<SourceInput, "csl" | "unSymbol">): string {
  if (input.unSymbol) return `symbol:${input.unSymbol.toUpperCase()}`;
  if (input.csl.DOI) return `doi:${input.csl.DOI.trim().toLowerCase()}`;
  if (input.csl.URL) return `url:${input.csl.URL.trim().replace(/^https?:\/\//i, "").replace(/\/+$/, "").toLowerCase()}`;
  const year = input.csl.issued?.["date-parts"]?.[0]?.join("-") ?? input.csl.issued?.raw ?? "";
  return `title:${(input.csl.title ?? "").trim().toLowerCase().replace(/\s+/g, " ")}|${year}`;
}
