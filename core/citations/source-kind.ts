import { isUnBody } from "./issuing-body";

/**
 * What kind of source a citation names, guessed from its issuer, title and URL, and the CSL type
 * each kind is stored as. The names and hosts are those the real NGO notes cite; a guess the writer
 * confirms, so a miss costs one click.
 */

/** The kinds of source NGO notes cite (the vocabulary of the real footnotes, the research data, docs/data.md). */
export type SourceKind = "un-document" | "un-webpage" | "web" | "news" | "ngo-report" | "law" | "academic" | "book" | "other";

/** The CSL type a kind is stored as, so Zotero and citation-js read it the same way. */
export const CSL_TYPE_OF_KIND: Record<SourceKind, string> = {
  "un-document": "report",
  "un-webpage": "webpage",
  web: "webpage",
  news: "article-newspaper",
  "ngo-report": "report",
  law: "legislation",
  academic: "article-journal",
  book: "book",
  other: "document",
};

const NEWS_HOSTS = /(?:^|\.)(?:reuters|bbc|xinhuanet|washingtonpost|nytimes|fortune|rfa|hongkongfp|chinadaily|sznews|163|legaldaily|tmagazine|sina|scmp|theguardian)\.(?:com|org|co\.uk|cn|com\.cn|com\.hk)$/i;
export const NEWS_NAMES = /\b(?:News|Daily|Times|Post|Reuters|Xinhua|BBC|Fortune|Radio Free Asia|Netease|Guardian|Press)\b/;
export const NGO_NAMES = /\b(?:Human Rights Watch|Human Rights in China|Amnesty International|Article 19|International Service for Human Rights|Labour Bulletin|Federation for Human Rights|FIDH|Campaign for|Defenders|Women[’']s Federation|Uyghur|Association|Foundation)\b/i;
const NGO_HOSTS = /(?:^|\.)(?:hrw|amnesty|amnestyusa|hrichina|ishr|fidh|article19|clb|nchrd|uyghuramerican|savetibet|chrlawyers)\.(?:org|ch|org\.hk|hk)$/i;
const GOVERNMENT = /\b(?:Ministry|Congress|State Council|Government|Communist Party|CPC|Commission|Administration|Bureau|Department|Office|Authority|People[’']s Republic of China)\b|\.gov\b/i;
const TREATY_WORDS = /\b(?:Convention|Covenant|Treaty|Basic Principles)\b/;
export const LAW_WORDS = /\b(?:Law|Laws|Regulations?|Measures|Provisions|Convention|Covenant|Treaty|Rules|Decision|Notice|Guidelines|Code|Constitution|Act|Principles)\b|[法例办规定通知意见纲要]/;
const SCHOLARLY = /\b(?:Journal|University|Law Review|Perspectives|Science|Quarterly)\b|\(\d{4}\)\s*\d+/;

function hostOf(url: string | null): string {
  return /^(?:https?:\/\/)?([^/?#:]+)/i.exec(url ?? "")?.[1]?.toLowerCase() ?? "";
}

/** The kind of source a citation names. */
// What the note says of its issuer counts before what the URL's host suggests: a government
// report published on xinhuanet.com is still a government report.
export function guessKind(c: { symbol: string | null; issuer: string; title: string; segment: string; url: string | null }): SourceKind {
  const host = hostOf(c.url);
  const treatyWithSymbol = c.symbol && /\b(?:Covenant|Convention)\b/.test(c.title) && !/report|observations|comment/i.test(c.title);
  if (c.symbol) return treatyWithSymbol ? "law" : "un-document";
  const legal = TREATY_WORDS.test(c.title) || (LAW_WORDS.test(c.title) && (/\b(?:effective|adopted|promulgated|released for public comment|Draft)\b|[[]Draft/i.test(c.segment) || GOVERNMENT.test(c.issuer) || !c.issuer));
  const government = () => (legal ? "law" : c.url && !/report|plan|white paper|statistic|census/i.test(c.title) ? "web" : "other");
  if (isUnBody(c.issuer)) return legal ? "law" : "un-webpage";
  if (NEWS_NAMES.test(c.issuer)) return "news";
  if (NGO_NAMES.test(c.issuer)) return "ngo-report";
  if (c.issuer && GOVERNMENT.test(c.issuer)) return government();
  if (/(?:^|\.)(?:ohchr|un)\.org$/.test(host)) return legal ? "law" : "un-webpage";
  if (NEWS_HOSTS.test(host)) return "news";
  if (NGO_HOSTS.test(host)) return "ngo-report";
  if (legal) return "law";
  if (SCHOLARLY.test(c.segment)) return "academic";
  if (/\.gov(?:\.[a-z]{2})?$/.test(host)) return government();
  return c.url ? "web" : "other";
}

/** The CSL type for a kind; laws split into treaty, bill, regulation and legislation. */
export function cslTypeFor(kind: SourceKind, title: string, segment: string): string {
  if (kind !== "law") return CSL_TYPE_OF_KIND[kind];
  if (/\b(?:Convention|Covenant|Treaty)\b/.test(title)) return "treaty";
  if (/\[Draft\]|\bDraft\b/.test(segment)) return "bill";
  if (/\b(?:Regulations?|Measures|Provisions|Rules)\b|条例|办法|规定/.test(title)) return "regulation";
  return "legislation";
}
