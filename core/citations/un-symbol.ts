import { isStateCode } from "../un/states";

/** What kind of UN document a symbol names, by the families of shared/domain/rules.md §3b. */
export type SymbolFamily =
  | "upr-working-group" // A/HRC/WG.6/{session}/{ISO3}/{1|2|3}
  | "hrc-document" // A/HRC/{session}/{n}
  | "resolution" // A/RES, S/RES, A/HRC/RES|DEC|PRST
  | "concluding-observations" // {TB}/C/{ISO3}/CO/{n}, E/C.12/{ISO3}/CO/{n}
  | "treaty-body-country" // lists of issues, replies, State reports: {TB}/C/{ISO3}/…
  | "general-comment" // {TB}/C/GC/{n}, E/C.12/GC/{n}
  | "other";

export interface SymbolIssue {
  severity: "error" | "warning";
  message: string;
}

export interface ParsedSymbol {
  input: string;
  /** The symbol as the UN writes it: no spaces, "Add."/"Rev." capitalised, plain hyphens. */
  normalised: string;
  /** Whether the normalised symbol has the form of a UN symbol (not whether the document exists). */
  valid: boolean;
  family: SymbolFamily;
  /** The first component or special series: "A", "E/C.12", "CEDAW". */
  series: string;
  /** The treaty body (mechanism id) or "UPR", when the symbol says. */
  body: string | null;
  /** ISO 3166-1 alpha-3 of the country segment, when there is one. */
  country: string | null;
  issues: SymbolIssue[];
}

const TREATY_SERIES: Record<string, string> = {
  CCPR: "CCPR",
  CAT: "CAT",
  CEDAW: "CEDAW",
  CRC: "CRC",
  CERD: "CERD",
  CRPD: "CRPD",
  CMW: "CMW",
  CED: "CED",
};
const KNOWN_SERIES = new Set(["A", "S", "E", "E/C.12", "T", "ST", "HRI", ...Object.keys(TREATY_SERIES)]);
/** Sub-national composites the UN uses in country segments: Hong Kong and Macao, China. */
const COMPOSITE_TERRITORIES = new Set(["HKG", "MAC"]);

// The permissive grammar of rules.md §3c: it checks form, not existence.
const GENERIC = /^[A-Z]{1,6}(?:\/[A-Za-z]{1,5}(?:\.\d+)?|\/\d+(?:-\d+)?|\/[A-Z]{3}(?:-[A-Z]{3})?)+(?:\/(?:Add|Corr|Rev|Amend)\.\d+)*\*?$/;
const UPR_WG = /^A\/HRC\/WG\.6\/\d{1,2}\/([A-Z]{3})\/[123](?:\/(?:Add|Corr|Rev)\.\d+)*$/;
const HRC = /^A\/HRC\/\d{1,2}\/\d{1,4}(?:\/(?:Add|Corr|Rev)\.\d+)*$/;
const RESOLUTION = /^(?:A\/HRC\/(?:RES|DEC|PRST)\/\d{1,2}\/\d{1,4}|A\/RES\/\d{1,3}\/\d{1,4}|S\/RES\/\d{1,5})(?:\/(?:Add|Corr|Rev)\.\d+)*$/;
const TB_CO = /^(?:(CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED)\/C|E\/C\.12)\/([A-Z]{3})(?:-([A-Z]{3}))?\/CO\/\d{1,2}(?:-\d{1,2})?(?:\/Add\.\d+)?$/;
const TB_COUNTRY = /^(?:(CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED)\/C|E\/C\.12(?:\/WG)?)\/([A-Z]{3})(?:-[A-Z]{3})?\//;
const TB_GENERAL_COMMENT = /^(?:(CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED)\/C|E\/C\.12)\/GC\/\d+/;

/** Tokens the UN writes in one case only; anything else in their place is a typing slip. */
const FIXED_CASE: Record<string, string> = { add: "Add", corr: "Corr", rev: "Rev", amend: "Amend", res: "RES", dec: "DEC", prst: "PRST" };

/**
 * Normalises and checks a UN document symbol (rules.md §3): "A/HRC/Res/12/2" → "A/HRC/RES/12/2",
 * "CEDAW/C/CHN/CO/7–8" → "…/7-8", "CCPR/C/21/Rev.1/Add. 13" → "…/Add.13", each with a warning;
 * an unknown series or country is a warning, not an error, because the UN creates new ones.
 */
export function parseUnSymbol(input: string): ParsedSymbol {
  const issues: SymbolIssue[] = [];
  const warn = (message: string) => issues.push({ severity: "warning", message });
  let symbol = input.trim().replace(/[.,;:]+$/, "");
  if (/\/\s+|\s+\//.test(symbol)) warn("No spaces around a slash in a symbol.");
  if (/\b(?:Add|Corr|Rev|Amend)\.\s+\d/i.test(symbol)) warn("No space after “Add.”, “Rev.” or “Corr.”.");
  symbol = symbol.replace(/\s*\/\s*/g, "/").replace(/\b(Add|Corr|Rev|Amend)\.\s+(\d)/gi, "$1.$2");
  if (/[\u2010\u2011\u2012\u2013\u2014]/.test(symbol)) warn("Use a plain hyphen in combined report numbers (7-8).");
  symbol = symbol.replace(/[\u2010\u2011\u2012\u2013\u2014]/g, "-");
  symbol = symbol
    .split("/")
    .map((segment) => {
      const [word, ...rest] = segment.split(".");
      const fixed = FIXED_CASE[word!.toLowerCase()];
      if (!fixed || word === fixed) return segment;
      warn(`Write “${fixed}”, not “${word}”.`);
      return [fixed, ...rest].join(".");
    })
    .join("/");

  const valid = GENERIC.test(symbol);
  if (!valid) issues.push({ severity: "error", message: "This is not a UN document symbol (like A/HRC/25/5 or CEDAW/C/CHN/CO/7-8)." });
  const series = symbol.startsWith("E/C.12") ? "E/C.12" : (symbol.split("/")[0] ?? "");
  if (valid && !KNOWN_SERIES.has(series)) warn(`“${series}” is not a series Caucus knows; check the symbol.`);

  let family: SymbolFamily = "other";
  let body: string | null = TREATY_SERIES[series] ?? (series === "E/C.12" ? "CESCR" : null);
  let country: string | null = null;
  const upr = UPR_WG.exec(symbol);
  const co = TB_CO.exec(symbol);
  const tbCountry = TB_COUNTRY.exec(symbol);
  if (upr) {
    family = "upr-working-group";
    body = "UPR";
    country = upr[1]!;
  } else if (RESOLUTION.test(symbol)) family = "resolution";
  else if (HRC.test(symbol)) family = "hrc-document";
  else if (co) {
    family = "concluding-observations";
    country = co[2]!;
    if (co[3] && !COMPOSITE_TERRITORIES.has(co[3])) warn(`“${co[3]}” is not a territory the UN writes after a country code.`);
  } else if (TB_GENERAL_COMMENT.test(symbol)) family = "general-comment";
  else if (tbCountry && tbCountry[2] !== "GC") {
    family = "treaty-body-country";
    country = tbCountry[2]!;
  }
  if (country && !isStateCode(country)) warn(`“${country}” is not the ISO code of a UN member or observer State.`);
  return { input, normalised: symbol, valid, family, series, body, country, issues };
}

// A candidate in running text: a series, then slash-separated segments; "Add. 13" allowed.
const CANDIDATE = /\b(?:[A-Z]{1,6})(?:\s?\/\s?(?:[A-Za-z]{1,5}\.\s?\d+|[A-Za-z]{1,5}|\d+(?:[-\u2010\u2011\u2013]\d+)?|[A-Z]{3}(?:-[A-Z]{3})?))+\*?/g;

/**
 * "A/HRC/25" names a Council session and "A/HRC/WG.6/17" a Working Group session, not documents,
 * though the permissive grammar accepts their form; "A/HRC/WGAD/2019/1" (an opinion) has the same
 * outline as "A/HRC/25/5" and is one. Usually a symbol cut short.
 */
export function namesASessionNotADocument(parsed: Pick<ParsedSymbol, "normalised" | "family">): boolean {
  if (parsed.normalised.startsWith("A/HRC/WG.6/")) return parsed.family !== "upr-working-group";
  return parsed.normalised.startsWith("A/HRC/") && parsed.normalised.split("/").length < 4;
}

/**
 * Everything in running text that is written like a UN symbol, valid or not, with where it
 * starts: the pre-flight check reports the ones that do not parse or are not written as the UN
 * writes them.
 */
export function findSymbolCandidates(text: string): Array<{ index: number; text: string; parsed: ParsedSymbol }> {
  const found: Array<{ index: number; text: string; parsed: ParsedSymbol }> = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = match[0];
    // A lone word or a date ("1/2") is not a symbol: a symbol has a slash after a capitalised series.
    if (!/^[A-Z]{1,6}\s?\//.test(candidate)) continue;
    found.push({ index: match.index, text: candidate, parsed: parseUnSymbol(candidate) });
  }
  return found;
}

/** The UN symbols in a footnote's text, normalised, in order: "U.N. Doc. CCPR/C/21/Rev.1/Add. 13 (2004)". */
export function findUnSymbols(text: string): ParsedSymbol[] {
  return findSymbolCandidates(text)
    .map((candidate) => candidate.parsed)
    .filter((parsed) => parsed.valid && parsed.normalised.split("/").length >= 2);
}
