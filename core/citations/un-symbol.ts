import { message, type Message } from "../i18n/message";
import { grammarIssues } from "./symbol-grammar";
import { normaliseTyping, repairSlips } from "./symbol-repair";
import { scanSymbolLike } from "./symbol-scan";
import { KNOWN_SERIES, TREATY_SERIES } from "./symbol-series";
import { judgingYear } from "./un-sessions";

/** What kind of UN document a symbol names, by the families of docs/domain.md §3b. */
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
  /** What is wrong, as a catalogue message (checks.symbol.*) that names the symbol as written: `symbol`. */
  message: Message;
  /** Only how it is typed (case, spaces, dashes): `normalised` already says what to write. */
  typing?: true;
  /** May well be right: a series Caucus does not know (the UN creates new ones; other bodies use slashes too). */
  unsure?: true;
}

export interface ParsedSymbol {
  input: string;
  /** The symbol as the UN writes it: no spaces, "Add."/"Rev." capitalised, plain hyphens. */
  normalised: string;
  /** Whether the normalised symbol has the form of a UN symbol (not whether the document exists). */
  valid: boolean;
  /**
   * The symbol with its slips corrected, when the correction is certain ("CEDAW/CHN/CO/7-8" →
   * "CEDAW/C/CHN/CO/7-8", "E/C.12/CHNMAC/2" → "E/C.12/CHN-MAC/2"); null when nothing needs it
   * or what is wrong has no one answer (a session that has not taken place).
   */
  suggestion: string | null;
  family: SymbolFamily;
  /** The first component or special series: "A", "E/C.12", "CEDAW". */
  series: string;
  /** The treaty body (mechanism id) or "UPR", when the symbol says. */
  body: string | null;
  /** ISO 3166-1 alpha-3 of the country segment, when there is one. */
  country: string | null;
  issues: SymbolIssue[];
}

const TREATY_BODIES: Record<string, string> = Object.fromEntries(TREATY_SERIES.map((series) => [series, series]));

// The permissive grammar of docs/domain.md §3c: it checks form, not existence.
const GENERIC = /^[A-Z]{1,6}(?:\/[A-Za-z]{1,5}(?:\.\d+)?|\/\d+(?:-\d+)?|\/[A-Z]{3}(?:-[A-Z]{3})?)+(?:\/(?:Add|Corr|Rev|Amend)\.\d+)*\*?$/;
const UPR_WG = /^A\/HRC\/WG\.6\/\d{1,2}\/([A-Z]{3})\/[123](?:\/(?:Add|Corr|Rev)\.\d+)*$/;
const HRC = /^A\/HRC\/\d{1,2}\/\d{1,4}(?:\/(?:Add|Corr|Rev)\.\d+)*$/;
const RESOLUTION = /^(?:A\/HRC\/(?:RES|DEC|PRST)\/\d{1,2}\/\d{1,4}|A\/RES\/\d{1,3}\/\d{1,4}|S\/RES\/\d{1,5})(?:\/(?:Add|Corr|Rev)\.\d+)*$/;
const TB_CO = /^(?:(CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED)\/C|E\/C\.12)\/([A-Z]{3})(?:-([A-Z]{3}))?\/CO\/\d{1,2}(?:-\d{1,2})?(?:\/Add\.\d+)?$/;
const TB_COUNTRY = /^(?:(CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED)\/C|E\/C\.12(?:\/WG)?)\/([A-Z]{3})(?:-[A-Z]{3})?\//;
const TB_GENERAL_COMMENT = /^(?:(CCPR|CAT|CEDAW|CRC|CERD|CRPD|CMW|CED)\/C|E\/C\.12)\/GC\/\d+/;

/**
 * Normalises and checks a UN document symbol (docs/domain.md §3): "A/HRC/Res/12/2" → "A/HRC/RES/12/2",
 * "CEDAW/C/CHN/CO/7–8" → "…/7-8", each with a warning; slips with a certain correction
 * ("CEDAW/CHN/CO/7-8", "Add1", "WG6") are errors with the `suggestion`; the family's grammar and the
 * plausible range of its sessions (as of `options.year`, default this year) are errors without one.
 * An unknown series or country is a warning, not an error, because the UN creates new ones.
 */
export function parseUnSymbol(input: string, options: { year?: number } = {}): ParsedSymbol {
  const typed = normaliseTyping(input);
  const symbol = typed.symbol;
  const issues: SymbolIssue[] = [...typed.issues];

  const valid = GENERIC.test(symbol);
  const repaired = repairSlips(symbol);
  const grammar = grammarIssues(repaired.symbol, judgingYear(options.year));
  issues.push(...repaired.issues, ...grammar);
  const unrepairable = grammar.some((issue) => issue.severity === "error");
  if (!valid && repaired.issues.length === 0 && !unrepairable) issues.push({ severity: "error", message: message("checks.symbol.notASymbol") });
  const written = input.trim().replace(/[.,;:]+$/, "");
  const suggestion = !unrepairable && repaired.symbol !== written ? repaired.symbol : null;
  const series = symbol.startsWith("E/C.12") ? "E/C.12" : (symbol.split("/")[0] ?? "");
  if (valid && !KNOWN_SERIES.has(series)) issues.push({ severity: "warning", message: message("checks.symbol.unknownSeries", { series }), unsure: true });
  // Every message opens with the symbol as written ("“A/HRC/255/5”: Session 255 …"): the check shows it as it is.
  for (const issue of issues) issue.message = { ...issue.message, values: { ...issue.message.values, symbol: written } };

  let family: SymbolFamily = "other";
  let body: string | null = TREATY_BODIES[series] ?? (series === "E/C.12" ? "CESCR" : null);
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
  } else if (TB_GENERAL_COMMENT.test(symbol)) family = "general-comment";
  else if (tbCountry && tbCountry[2] !== "GC") {
    family = "treaty-body-country";
    country = tbCountry[2]!;
  }
  return { input, normalised: symbol, valid, suggestion, family, series, body, country, issues };
}

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
export function findSymbolCandidates(text: string, options: { year?: number } = {}): Array<{ index: number; text: string; parsed: ParsedSymbol }> {
  return scanSymbolLike(text).map((candidate) => ({ ...candidate, parsed: parseUnSymbol(candidate.text, options) }));
}

/** The UN symbols in a footnote's text, normalised, in order: "U.N. Doc. CCPR/C/21/Rev.1/Add. 13 (2004)". */
export function findUnSymbols(text: string): ParsedSymbol[] {
  return findSymbolCandidates(text)
    .map((candidate) => candidate.parsed)
    .filter((parsed) => parsed.valid && parsed.normalised.split("/").length >= 2);
}
