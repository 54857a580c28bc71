import type { SourceInputDraft } from "../library/records";
import { normalisePinpoint } from "./pinpoint";

/**
 * How a library source reads in a footnote, UN style (docs/domain.md §4).
 *
 * A UN document reads as its symbol alone by default ("A/HRC/25/5, para. 186.60"): that is what
 * OHCHR writes in its own notes (§4b), what it copies into the stakeholder summary, and what §4c
 * asks NGOs to use; the document's title belongs in the sentence the note is attached to (§4a).
 * `form: "full"` adds issuer, exact title in quotation marks and date before the symbol, for a
 * first mention where the text does not name the document, and for library listings. Its URL is
 * left out: the symbol is the stable reference, and UN URLs move.
 *
 * Every other source has one form, issuer first: web pages, NGO reports and news as issuer,
 * “title”, date, URL; laws as title, issuing body, date (their names are proper names, so no
 * quotation marks, as books are italic rather than quoted in print); journal articles as author,
 * “title”, journal, year. Punctuation goes outside quotation marks, as the UN Editorial Manual has it.
 */

export type FormattableSource = Pick<SourceInputDraft, "csl" | "unSymbol" | "issuingBody">;
export interface SourceFormatOptions {
  /** UN documents only: "short" (the symbol) or "full" (issuer, “title”, date, symbol). */
  form?: "short" | "full";
}
type CslInput = FormattableSource["csl"];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const NEWS = new Set(["article-newspaper", "article-magazine", "broadcast", "interview"]);
const LAW = new Set(["legislation", "bill", "regulation", "treaty", "legal_case", "hearing"]);
const SCHOLARLY = new Set(["article-journal", "article", "chapter", "paper-conference", "thesis", "review", "review-book"]);
const BOOK = new Set(["book", "pamphlet"]);
// Chinese, Japanese and Korean names are written family name first, without a space.
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** "4 December 2013", "December 2013" or "2013": the UN's day-month-year order; "" when undated. */
export function formatIssued(issued: CslInput["issued"]): string {
  const parts = issued?.["date-parts"]?.[0]?.map((p) => Number(p));
  if (!parts || parts.length === 0 || !Number.isFinite(parts[0])) return issued?.raw?.trim() ?? "";
  const [year, month, day] = parts;
  const monthName = month !== undefined && month >= 1 && month <= 12 ? MONTHS[month - 1] : undefined;
  if (!monthName) return String(year);
  return day !== undefined && Number.isFinite(day) ? `${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

function yearOf(issued: CslInput["issued"]): string {
  const year = issued?.["date-parts"]?.[0]?.[0];
  return year !== undefined ? String(year) : (issued?.raw?.match(/\b\d{4}\b/)?.[0] ?? "");
}

/** "Gary King, Jennifer Pan and Margaret E. Roberts"; organisations by their literal name. */
export function formatAuthors(authors: CslInput["author"]): string {
  const names = (authors ?? [])
    .map((a) => {
      if (a.literal) return a.literal.trim();
      const family = a.family?.trim() ?? "";
      const given = a.given?.trim() ?? "";
      if (CJK.test(family + given)) return `${family}${given}`;
      return [given, family].filter(Boolean).join(" ");
    })
    .filter(Boolean);
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

// Quotation marks inside a quoted title become single ones: “发改委限制 733 万‘老赖’买机票”.
const quoted = (title: string | undefined) => (title?.trim() ? `“${title.trim().replace(/“/g, "‘").replace(/”/g, "’")}”` : "");
const join = (parts: Array<string | undefined | null>) => parts.map((p) => p?.trim()).filter(Boolean).join(", ");

/** The issuer a reader recognises: the issuing body, else the authors, else publisher or container. */
function issuerOf(source: FormattableSource): string {
  return source.issuingBody?.trim() || formatAuthors(source.csl.author) || source.csl.publisher?.trim() || "";
}

/** The citation before and after the point a pinpoint goes: "…, 2016" | "http://…". */
function citationParts(source: FormattableSource, options: SourceFormatOptions): { head: string; tail: string } {
  const csl = source.csl;
  const type = csl.type ?? "document";
  const date = formatIssued(csl.issued);
  const url = csl.URL?.trim() ?? "";
  if (source.unSymbol) {
    if (options.form !== "full") return { head: source.unSymbol, tail: "" };
    return { head: join([issuerOf(source), quoted(csl.title), date, source.unSymbol]), tail: "" };
  }
  if (NEWS.has(type)) {
    const outlet = csl["container-title"]?.trim() || source.issuingBody?.trim() || csl.publisher?.trim();
    const author = formatAuthors(csl.author);
    // A signed piece reads author first: Zhao Han, “…”, T Magazine, 28 January 2014.
    if (author && author !== outlet) return { head: join([author, quoted(csl.title), outlet, date]), tail: url };
    return { head: join([outlet, quoted(csl.title), date]), tail: url };
  }
  if (LAW.has(type)) {
    const body = source.issuingBody?.trim() || csl.publisher?.trim() || (csl["authority"] as string | undefined) || formatAuthors(csl.author);
    return { head: join([csl.title, body, date]), tail: url };
  }
  if (BOOK.has(type)) {
    const imprint = [csl.publisher?.trim(), yearOf(csl.issued)].filter(Boolean).join(", ");
    const title = csl.title?.trim() ?? "";
    return { head: join([formatAuthors(csl.author) || source.issuingBody, imprint ? `${title} (${imprint})` : title]), tail: url };
  }
  if (SCHOLARLY.has(type)) {
    const volume = [csl["volume"], csl["issue"] ? `(${String(csl["issue"])})` : ""].filter(Boolean).join("");
    const year = yearOf(csl.issued);
    const journal = [(csl["container-title"] ?? csl.publisher)?.trim(), volume, year ? `(${year})` : ""].filter(Boolean).join(" ");
    const author = formatAuthors(csl.author) || issuerOf(source);
    return { head: join([author, quoted(csl.title), journal]), tail: url || (csl.DOI ? `https://doi.org/${csl.DOI}` : "") };
  }
  // Web pages, NGO and government reports, statements, press releases, anything else; a report
  // with named authors reads them first and its institution after the title.
  const authors = formatAuthors(csl.author);
  const body = source.issuingBody?.trim() || csl.publisher?.trim() || "";
  if (authors && body && authors !== body) return { head: join([authors, quoted(csl.title), body, date]), tail: url };
  return { head: join([issuerOf(source), quoted(csl.title), date]), tail: url };
}

/** The text a footnote shows for a source, without pinpoint or final full stop (docs/domain.md §4). */
export function formatSourceLabel(source: FormattableSource, options: SourceFormatOptions = {}): string {
  const { head, tail } = citationParts(source, options);
  return join([head, tail]);
}

/** One citation as a footnote reads it: "A/HRC/25/5, para. 186.60"; the pinpoint goes before a URL. */
export function formatCitation(source: FormattableSource, pinpoint?: string | null, options: SourceFormatOptions = {}): string {
  const { head, tail } = citationParts(source, options);
  const type = source.csl.type ?? "document";
  // A bare number is a paragraph in a UN document but a page in a book or an article.
  const typed = pinpoint?.trim() && /^\d/.test(pinpoint.trim()) && (SCHOLARLY.has(type) || BOOK.has(type)) ? `p. ${pinpoint.trim()}` : pinpoint;
  const point = typed?.trim() ? normalisePinpoint(typed).text : "";
  return join([head, point, tail]);
}
