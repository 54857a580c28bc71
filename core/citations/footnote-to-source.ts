import type { Provenance, SourceInputDraft } from "../library/records";
import { blank, citationStarts, findDates, findPinpoint, findQuotedTitle, findUrlDate, findUrls, topLevelParts, type FoundDate, type Span } from "./footnote-parts";
import { isUnBody, issuingBodyOfSymbol, normaliseIssuingBody } from "./issuing-body";
import { normalisePinpoint } from "./pinpoint";
import { cslTypeFor, guessKind, LAW_WORDS, NEWS_NAMES, NGO_NAMES, type SourceKind } from "./source-kind";
import { findUnSymbols, parseUnSymbol } from "./un-symbol";

/**
 * "Turn a typed footnote into a library source": reads what it can from the note's first citation
 * (UN symbol, pinpoint, URL, title in quotation marks, issuer before it, date) and guesses the kind
 * of source. A guess for the writer to confirm, never saved unseen: notes are typed in many styles.
 */

/** Ibid., "supra note 2", or a short form the note defined earlier ("Charity Law, Art. 104", "JS2, para. 43"). */
export type FootnotePointer = { kind: "ibid" } | { kind: "supra"; note: number } | { kind: "short"; label: string };

export interface FootnoteReading {
  /** null when the note only points at another note (Ibid., supra) or names nothing citable. */
  source: SourceInputDraft | null;
  kind: SourceKind | null;
  /** UN style ("paras. 186.60 and 186.63"); it belongs to this citation, not to the source. */
  pinpoint: string | null;
  pointer: FootnotePointer | null;
  /** Every URL in the note, in order. */
  urls: string[];
}

export interface FootnoteReadingOptions {
  /** The UPR report that bare "Recommendation 186.60" numbers refer to, when the draft knows it. */
  recommendationSymbol?: string;
}

/** "Recommendation 186.60: … (Ghana); Recommendation 186.63: …": the UPR report's paragraphs. */
function readRecommendations(text: string): string[] {
  return [...text.matchAll(/\b[Rr]ecommendations?\s+(\d{2,3}\.\d{1,3})\b/g)].map((m) => m[1]!);
}

/** The symbol of a note's first citation: the one after "U.N. Doc.", else the first not in brackets. */
function pickSymbol(masked: string): string | null {
  const found = findUnSymbols(masked);
  if (found.length === 0) return null;
  const positioned = found.map((s) => ({ s, at: masked.indexOf(s.input.trim()) }));
  const afterDoc = positioned.find((p) => /Doc\.?\s*$/.test(masked.slice(Math.max(0, p.at - 10), p.at)));
  const unbracketed = positioned.find((p) => masked[p.at - 1] !== "(");
  return (afterDoc ?? unbracketed ?? positioned[0]!).s.normalised;
}

/** A date printed next to the symbol ("A/HRC/25/5 (December 4, 2013)") is the document's date. */
function pickDate(dates: FoundDate[], symbolAt: Span | null): FoundDate | null {
  if (symbolAt) {
    const near = dates.find((d) => (d.start >= symbolAt.end && d.start - symbolAt.end <= 4) || (d.end <= symbolAt.start && symbolAt.start - d.end <= 4));
    if (near) return near;
  }
  return dates.find((d) => d.parts.length === 3) ?? dates.find((d) => d.parts.length === 2) ?? dates[0] ?? null;
}

/** Ibid., supra, or a short form: "Charity Law, Art. 104." names a source an earlier note gave in full. */
function readPointer(note: string): { pointer: FootnotePointer; pinpoint: string | null } | null {
  const pinpointAfter = (from: number) => {
    const pin = findPinpoint(note.slice(from));
    return pin ? normalisePinpoint(pin.text).text : null;
  };
  const ibid = /^(?:see\s+)?ibid\b\.?,?\s*/i.exec(note);
  if (ibid) return { pointer: { kind: "ibid" }, pinpoint: pinpointAfter(ibid[0].length) };
  const supra = /^(?:see\s+)?(?:[^;]{0,160}?,\s*)?supra,?\s+note\s+(\d+)/i.exec(note);
  if (supra) return { pointer: { kind: "supra", note: Number(supra[1]) }, pinpoint: pinpointAfter(0) };
  // The pinpoint ends the citation: "NHRAP (2016-2020), p. 24.", "…, Art. 5; Social Service …", "…, pp. 31-32: China reported …".
  const short = /^(?:see\s+)?([^,;:“”"]{2,60}?),\s*(.+)$/i.exec(note);
  const pin = short ? findPinpoint(short[2]!) : null;
  const ends = pin && /^\s*(?:[.;:]|$)/.test(short![2]!.slice(pin.end));
  if (short && pin && pin.start === 0 && ends && findUnSymbols(short[1]!).length === 0 && !/https?:|www\./.test(short[1]!)) {
    return { pointer: { kind: "short", label: short[1]!.trim() }, pinpoint: normalisePinpoint(pin.text).text };
  }
  return null;
}

const NOT_A_NAME = /^(?:U\.N\. Doc|UN Doc|available at|effective|adopted|released|\(|\[(?:effective|released|adopted|…)|para|pp?\.|pg\.|arts?\b|articles?\b(?! 19$)|(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}$|[\d\s.,()–-]+$)/i;

/** Whether a comma-separated part could be an issuer or a title: not a date, pinpoint or symbol. */
function isNamePart(text: string): boolean {
  if (NOT_A_NAME.test(text) || (/^[A-Z]{1,6}\/\S+$/.test(text) && parseUnSymbol(text).valid)) return false;
  const date = findDates(text)[0];
  return !(date && date.start === 0 && date.end >= text.replace(/[\s.)]+$/, "").length);
}

const ORGAN = /^(?:Ministry|Department|Office|Committee|Commission|Council|Congress|Government|Bureau|Administration|Court|General Office)\b/;
const isOrganisation = (text: string) => text.split(/\s+/).length <= 8 && (NGO_NAMES.test(text) || NEWS_NAMES.test(text) || isUnBody(text) || ORGAN.test(text));

/** Issuer and title of a citation written without quotation marks: "Issuer, Title (2008), URL". */
function unquotedFields(segment: string, anchor: number): { issuer: Span | null; title: string; spans: Span[] } {
  const parts = topLevelParts(segment);
  const named = parts.filter((p) => isNamePart(p.text));
  const closing = segment.indexOf("”");
  const upTo = (start: number, end: number) => ({ start, end, text: segment.slice(start, end).replace(/[\s,.;:]+$/, "").trim() });
  // The head was lost in extraction ("[…] States Parties to the Covenant,” U.N. Doc."): keep what is left.
  if (closing > 0 && /^\s*\[…\]/.test(segment)) {
    const span = upTo(segment.indexOf("]") + 1, closing);
    return { issuer: null, title: span.text, spans: [span] };
  }
  // Only the closing mark survived: "Council, Report of the Special Rapporteur …,” U.N. Doc."
  if (closing > 0 && named[0] && named[0].end < closing && !segment.slice(0, closing).includes("“")) {
    const span = upTo(named[0].end + 1, closing);
    return { issuer: named[0], title: span.text, spans: [span] };
  }
  let issuer: Span | null = null;
  let titlePart = named[0];
  // A first part that is itself a law or treaty ("Vienna Convention on the Law of Treaties, …") is the title.
  const lawFirst = named[0] && LAW_WORDS.test(named[0].text) && !ORGAN.test(named[0].text);
  if (named.length >= 2 && named[1]!.start <= anchor && !lawFirst) [issuer, titlePart] = [named[0]!, named[1]];
  // "See Human Rights in China, http://…": a lone organisation is who, not what.
  else if (named.length === 1 && isOrganisation(named[0]!.text)) return { issuer: named[0]!, title: "", spans: [] };
  if (!titlePart) return { issuer, title: "", spans: [] };
  let title = titlePart.text.replace(/^[“"]/, "");
  // "Human Rights Watch: China: Free Xinjiang …": an organisation before a colon is the issuer.
  const colon = /^([^:]{3,60}):\s+(.+)$/.exec(title);
  if (!issuer && colon && isOrganisation(colon[1]!)) {
    issuer = { start: titlePart.start, end: titlePart.start + colon[1]!.length, text: colon[1]! };
    title = colon[2]!;
  }
  // "Title (2008)", "Law (中华人民共和国慈善法) [effective September 1, 2016]": the date is not the title.
  title = title
    .replace(/\s*\((?:Chinese|English|unofficial|hereafter|hereinafter)\b.*$/i, "")
    .replace(/\s*\[(?:effective|released|adopted)[^\]]*\]|\s*\[…\]/gi, "")
    .replace(/\s*\((?:[A-Z][a-z]+\.? )?(?:\d{1,2},? )?\d{4}\)$/, "")
    .trim();
  const at = segment.indexOf(title, titlePart.start);
  const spans = [{ start: at, end: at + title.length, text: title }];
  // "Report (2012-2015), (国家人权行动计划 …) (June 14, 2016)": the Chinese title follows in brackets.
  const next = parts[parts.indexOf(titlePart) + 1];
  const chinese = next && !/[\u3400-\u9fff]/.test(title) ? /^\(([^()]*[\u3400-\u9fff][^()]*)\)/.exec(next.text) : null;
  if (chinese && next) {
    title = `${title} (${chinese[1]!.trim()})`;
    spans.push({ start: next.start, end: next.start + chinese[0].length, text: chinese[0] });
  }
  return { issuer, title, spans };
}

/** Reads a footnote's text into a draft library source and the pinpoint of this citation. */
export function footnoteToSource(text: string, provenance: Provenance, options: FootnoteReadingOptions = {}): FootnoteReading {
  const note = text.replace(/\s+/g, " ").trim();
  const urls = findUrls(note);
  const base = { urls: urls.map((u) => u.text) };
  const pointer = readPointer(note);
  if (pointer) return { ...base, source: null, kind: null, ...pointer };
  const masked = blank(note, urls);

  const recommendations = readRecommendations(masked);
  if (recommendations.length > 0) {
    // "A/HRC/25/5, recommendation 186.60" names its report; a bare number takes the draft's.
    const symbol = pickSymbol(masked) ?? options.recommendationSymbol ?? null;
    const pinpoint = normalisePinpoint(recommendations.map((n) => `para. ${n}`).join("; ")).text;
    const source: SourceInputDraft | null = symbol
      ? { csl: { type: "report", number: symbol }, unSymbol: symbol, issuingBody: issuingBodyOfSymbol(symbol), defaultPinpoint: null, provenance }
      : null;
    return { ...base, source, kind: "un-document", pinpoint, pointer: null };
  }

  // The first citation: the stretch around its first URL or symbol (else date) between citation starts.
  const symbols = findUnSymbols(masked);
  const strong = [urls[0]?.start, symbols[0] ? masked.indexOf(symbols[0].input.trim()) : undefined].filter((n): n is number => n !== undefined && n >= 0);
  const anchor = strong.length > 0 ? Math.min(...strong) : (findDates(masked)[0]?.start ?? 0);
  const starts = citationStarts(masked);
  const from = starts.filter((s) => s <= anchor).at(-1) ?? 0;
  const to = starts.find((s) => s > anchor) ?? masked.length;
  const segment = masked.slice(from, to);

  // A quotation after a pinpoint or a colon is the source's words, not its title: "Art. 18: “A State …”".
  let quoted = findQuotedTitle(segment);
  if (quoted && ((findPinpoint(segment)?.start ?? Infinity) < quoted.start || /:\s*$/.test(segment.slice(0, quoted.start)))) quoted = null;
  let issuerSpan: Span | null = null;
  let title = "";
  let spans: Span[] = [];
  if (quoted) {
    title = quoted.text;
    spans = [quoted];
    const first = topLevelParts(segment.slice(0, quoted.start))[0];
    issuerSpan = first && isNamePart(first.text) ? first : null;
    // “Title,” Reuters, August 23, 2016: a news outlet follows the title.
    const after = topLevelParts(segment.slice(quoted.end)).find((p) => isNamePart(p.text));
    if (!issuerSpan && after) issuerSpan = { ...after, start: after.start + quoted.end, end: after.end + quoted.end };
  } else {
    ({ issuer: issuerSpan, title, spans } = unquotedFields(segment, anchor > from ? anchor - from : Infinity));
  }
  const issuer = issuerSpan?.text ?? "";
  // Blanked, title and issuer cannot be read again as a date or a pinpoint ("Article 19, …").
  const rest = blank(segment, issuerSpan ? [...spans, issuerSpan] : spans);
  const symbol = pickSymbol(rest);
  const symbolText = symbol ? findUnSymbols(rest).find((s) => s.normalised === symbol)?.input.trim() : undefined;
  const symbolAt = symbolText ? { start: rest.indexOf(symbolText), end: rest.indexOf(symbolText) + symbolText.length, text: symbolText } : null;
  const pin = findPinpoint(rest);
  const url = urls.find((u) => u.start >= from && u.start < to)?.text ?? urls[0]?.text ?? null;
  const date = pickDate(findDates(rest), symbolAt) ?? (url ? findUrlDate(url) : null);
  const body = issuer ? normaliseIssuingBody(issuer) : symbol ? (issuingBodyOfSymbol(symbol) ?? "") : "";
  const kind = guessKind({ symbol, issuer, title, segment, url });
  const pinpoint = pin ? normalisePinpoint(pin.text).text : null;
  // Prose with nothing to anchor it (no symbol, URL, date or quoted title) is an explanatory note.
  if ((!symbol && !title && !url) || (!symbol && !url && !date && !quoted)) return { ...base, source: null, kind: null, pinpoint, pointer: null };

  const csl: SourceInputDraft["csl"] = { type: cslTypeFor(kind, title, segment) };
  if (title) csl.title = title;
  if (url) csl.URL = url;
  if (date) csl.issued = { "date-parts": [date.parts] };
  if (symbol) csl.number = symbol;
  if (body) csl[kind === "news" ? "container-title" : "publisher"] = body;
  // The pinpoint is this citation's; a source's default pinpoint is the writer's choice, not a guess.
  const source: SourceInputDraft = { csl, unSymbol: symbol, issuingBody: body || null, defaultPinpoint: null, provenance };
  return { ...base, source, kind, pinpoint, pointer: null };
}
