import { issuingBodyOfSymbol, normaliseIssuingBody } from "../../core/citations/issuing-body";
import { findUnSymbols, parseUnSymbol } from "../../core/citations/un-symbol";
import { message, type Message } from "../../core/i18n/message";
import { SourceInputSchema, type Provenance, type SourceInput } from "../../core/library/records";

/**
 * One CSL-JSON item (from Zotero, citation-js's BibTeX and RIS readers, or Caucus's own export)
 * → one library source. CSL has no field for a UN symbol or an issuing body, so they are read
 * from where reference managers put them, and Caucus's own export carries them in `custom.caucus`.
 */

export type CslObject = Record<string, unknown>;
export type SourceResult = { ok: true; source: SourceInput } | { ok: false; reason: Message };

// Series the UN issues symbols in: an NGO's report number ("HRW/2019/1") has the same shape.
const UN_SERIES = /^(?:A|S|E|T|ST|HRI|CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED)\//;

/** A value that is, or is introduced as ("UN Doc. CCPR/C/GC/34"), a UN document symbol. */
function symbolIn(value: unknown, wholeOnly: boolean): string | null {
  if (typeof value !== "string" || !value.trim()) return null;
  const whole = parseUnSymbol(value);
  if (whole.valid && UN_SERIES.test(whole.normalised)) return whole.normalised;
  if (wholeOnly) return null;
  const introduced = /(?:U\.?N\.?\s+)?Doc\.?\s*([A-Z][^\s,;]*)/i.exec(value);
  const found = introduced ? findUnSymbols(introduced[1]!)[0] : findUnSymbols(value).length === 1 ? findUnSymbols(value)[0] : undefined;
  return found && UN_SERIES.test(found.normalised) ? found.normalised : null;
}

function text(value: unknown): string | undefined {
  if (typeof value === "number") return String(value);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

/** "2016/08/23/" (RIS) or ["2013", "12", "4"] (some exports) → date-parts of numbers. */
function normaliseIssued(issued: unknown): CslObject | undefined {
  if (!issued || typeof issued !== "object") return undefined;
  const date = { ...(issued as CslObject) };
  const parts = date["date-parts"];
  if (Array.isArray(parts) && Array.isArray(parts[0])) {
    date["date-parts"] = parts.map((p: unknown[]) => p.map((n) => (typeof n === "string" && /^\d+$/.test(n) ? Number(n) : n)));
    return date;
  }
  const raw = typeof date.raw === "string" ? /^(\d{4})(?:[/-](\d{1,2}))?(?:[/-](\d{1,2}))?[/]?$/.exec(date.raw.trim()) : null;
  if (raw) return { "date-parts": [raw.slice(1).filter(Boolean).map(Number)] };
  return date;
}

function literalAuthor(authors: unknown): string | undefined {
  if (!Array.isArray(authors)) return undefined;
  for (const a of authors as CslObject[]) {
    const name = text(a?.literal);
    if (name) return name;
  }
  return undefined;
}

/** Maps one CSL item and validates it; a reason (a message) when it cannot be a library source. */
export function cslToSource(item: CslObject, provenance: Provenance): SourceResult {
  const csl: CslObject = { ...item };
  // citation-js's parse graph, the item's id in its old library, and Caucus's own fields are not CSL data.
  const caucus = (csl.custom as { caucus?: CslObject } | undefined)?.caucus ?? {};
  delete csl._graph;
  delete csl.id;
  if (csl.custom && typeof csl.custom === "object") {
    const { caucus: _own, ...rest } = csl.custom as CslObject;
    if (Object.keys(rest).length > 0) csl.custom = rest;
    else delete csl.custom;
  }
  for (const key of ["title", "URL", "publisher", "container-title", "number", "DOI"]) {
    if (csl[key] === undefined) continue;
    const value = text(csl[key]);
    if (value === undefined) delete csl[key];
    else csl[key] = value;
  }
  if (csl.issued !== undefined) csl.issued = normaliseIssued(csl.issued);
  // BibTeX writes an organisation as {{Human Rights Council}}, which arrives as a family name
  // alone; RIS and Zotero's CSL-JSON give the same author as a literal name.
  if (Array.isArray(csl.author)) {
    csl.author = (csl.author as CslObject[]).map((a) => (a && typeof a.family === "string" && !a.given && !a.literal ? { literal: a.family } : a));
  }
  // BibLaTeX's @article with entrysubtype = newspaper arrives as a journal article of genre "newspaper".
  if (csl.type === "article-journal" && /^(?:newspaper|magazine)$/i.test(String(csl.genre ?? ""))) {
    csl.type = csl.genre === "magazine" ? "article-magazine" : "article-newspaper";
    delete csl.genre;
  }
  if (!text(csl.title) && !text(csl.URL) && !text(csl.number)) return { ok: false, reason: message("import.entry.noTitle") };

  const unSymbol =
    text(caucus.unSymbol) ??
    symbolIn(csl.number, true) ??
    symbolIn(csl.note, false) ??
    symbolIn(csl["call-number"], false) ??
    symbolIn(csl["archive_location"], false) ??
    symbolIn(csl.title, true);
  const news = csl.type === "article-newspaper" || csl.type === "article-magazine";
  const named =
    text(caucus.issuingBody) ?? text(csl.authority) ?? (news ? text(csl["container-title"]) : undefined) ?? text(csl.publisher) ?? literalAuthor(csl.author);
  const issuingBody =
    caucus.issuingBody !== undefined ? text(caucus.issuingBody) ?? null : named ? normaliseIssuingBody(named) : unSymbol ? issuingBodyOfSymbol(unSymbol) : null;
  if (unSymbol && !csl.number) csl.number = unSymbol;

  const parsed = SourceInputSchema.safeParse({ csl, unSymbol: unSymbol ?? null, issuingBody, defaultPinpoint: text(caucus.defaultPinpoint) ?? null, provenance });
  if (parsed.success) return { ok: true, source: parsed.data };
  return {
    ok: false,
    reason: message("import.entry.invalid", { fields: [...new Set(parsed.error.issues.map((i) => i.path.join(".") || "item"))].join(", ") }),
  };
}
