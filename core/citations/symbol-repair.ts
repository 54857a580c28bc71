import { isStateCode } from "../un/states";
import type { SymbolIssue } from "./un-symbol";
import { isTreatySeries } from "./symbol-series";

/** Sub-national composites the UN uses in country segments: Hong Kong and Macao, China. */
export const TERRITORIES: Readonly<Record<string, string>> = { HKG: "Hong Kong, China", MAC: "Macao, China" };

/** A country segment the UN writes: an ISO code, a territory alone (CAT/C/HKG/CO/4) or a composite (CHN-HKG). */
export const isCountryCode = (code: string) => isStateCode(code) || code in TERRITORIES;

/** Tokens the UN writes in one case only; anything else in their place is a typing slip. */
const FIXED_CASE: Record<string, string> = Object.fromEntries(
  ["Add", "Corr", "Rev", "Amend", "RES", "DEC", "PRST", "HRC", "WG", "CO", "GC", "CN", "QPR", "RQ", "SR", "NGO", "CRP", "OPAC", "OPSC"].map((t) => [t.toLowerCase(), t]),
);
/** One-letter tokens, fixed only where they stand as a whole segment or before a number ("c.12", "l.26"). */
const FIXED_LETTER: Record<string, string> = { c: "C", l: "L", q: "Q" };

/**
 * The forms of a symbol that differ only in how it is typed: spaces, dashes, the case of fixed
 * tokens ("add.1", "A/hrc/25/5", "chn"). Each change is a warning; the result is `normalised`.
 */
export function normaliseTyping(input: string): { symbol: string; issues: SymbolIssue[] } {
  const issues: SymbolIssue[] = [];
  const warn = (message: string) => issues.push({ severity: "warning", message, typing: true });
  let symbol = input.trim().replace(/[.,;:]+$/, "");
  if (/[/\\]\s+|\s+[/\\]/.test(symbol)) warn("No spaces around a slash in a symbol.");
  if (/\b(?:Add|Corr|Rev|Amend)\.\s+\d/i.test(symbol)) warn("No space after “Add.”, “Rev.” or “Corr.”.");
  symbol = symbol.replace(/\s*([/\\])\s*/g, "$1").replace(/\b(Add|Corr|Rev|Amend)\.\s+(\d)/gi, "$1.$2");
  if (/[\u2010\u2011\u2012\u2013\u2014]/.test(symbol)) warn("Use a plain hyphen in combined report numbers (7-8).");
  symbol = symbol.replace(/[\u2010\u2011\u2012\u2013\u2014]/g, "-");
  symbol = symbol
    .split(/(?=[/\\])/)
    .map((part) => {
      const slash = /^[/\\]/.test(part) ? part[0]! : "";
      const segment = part.slice(slash.length);
      const [word, ...rest] = segment.split(".");
      const lower = word!.toLowerCase();
      let fixed = FIXED_CASE[lower] ?? (rest.length > 0 || segment.length === 1 ? FIXED_LETTER[word!] : undefined);
      if (!fixed && /^[a-z]{3}(?:-[a-z]{3})?$/i.test(word!) && word !== word!.toUpperCase() && word!.toUpperCase().split("-").every(isCountryCode)) fixed = word!.toUpperCase();
      if (!fixed || word === fixed) return part;
      warn(`Write “${fixed}”, not “${word}”.`);
      return slash + [fixed, ...rest].join(".");
    })
    .join("");
  return { symbol, issues };
}

interface Repair {
  pattern: RegExp | ((symbol: string) => boolean);
  replace: (symbol: string) => string;
  message: (symbol: string) => string;
}

const series = (symbol: string) => symbol.split("/")[0]!;

/**
 * Slips whose correction is certain, each an error with its words: the fix is offered, since the
 * symbol as written names no document. Run in order on the normalised symbol.
 */
const REPAIRS: Repair[] = [
  { pattern: /\\/, replace: (s) => s.replace(/\\/g, "/"), message: () => "UN symbols are written with forward slashes (/)." },
  { pattern: /\/\/+/, replace: (s) => s.replace(/\/\/+/g, "/"), message: () => "There is an empty part between two slashes." },
  {
    pattern: /\/(Add|Corr|Rev|Amend)\s?(\d+)(?=\/|\*?$)/,
    replace: (s) => s.replace(/\/(Add|Corr|Rev|Amend)\s?(\d+)(?=\/|\*?$)/g, "/$1.$2"),
    message: (s) => {
      const [, word, n] = /\/(Add|Corr|Rev|Amend)\s?(\d+)/.exec(s)!;
      return `Write “${word}.${n}”, with a full stop.`;
    },
  },
  {
    // Body and document components carry their number after a full stop: WG.6, C.12, CN.4, L.26, SR.209.
    pattern: /\/(WG|C|CN|AC|SC|PC|L|SR|CRP|WP)(\d+)(?=\/|\*?$)/,
    replace: (s) => s.replace(/\/(WG|C|CN|AC|SC|PC|L|SR|CRP|WP)(\d+)(?=\/|\*?$)/g, "/$1.$2"),
    message: (s) => {
      const [, word, n] = /\/(WG|C|CN|AC|SC|PC|L|SR|CRP|WP)(\d+)(?=\/|\*?$)/.exec(s)!;
      return `Write “${word}.${n}”, with a full stop.`;
    },
  },
  {
    pattern: /^E\/C\.12\/C\//,
    replace: (s) => s.replace(/^E\/C\.12\/C\//, "E/C.12/"),
    message: () => "CESCR's symbols have no “/C/” after “E/C.12” (E/C.12/CHN/CO/2).",
  },
  {
    // "CEDAW/CHN/CO/7-8", "CCPR/GC/34": every treaty body but CESCR puts "/C/" after its series.
    pattern: (s) => {
      const [first, second] = s.split("/");
      if (!isTreatySeries(first!) || !second) return false;
      return second === "GC" || /^[A-Z]{3}(?:-?[A-Z]{3})?$/.test(second) && [second.slice(0, 3), second.slice(-3)].every(isCountryCode);
    },
    replace: (s) => s.replace(/^([A-Z]+)\//, "$1/C/"),
    message: (s) => `The Committee's symbols have “/C/” after “${series(s)}” (${series(s)}/C/…).`,
  },
  {
    // "CHNMAC": a State and a territory run together; the UN writes "CHN-MAC".
    pattern: /\/([A-Z]{3})(HKG|MAC)\//,
    replace: (s) => s.replace(/\/([A-Z]{3})(HKG|MAC)\//, "/$1-$2/"),
    message: (s) => {
      const [, state, territory] = /\/([A-Z]{3})(HKG|MAC)\//.exec(s)!;
      return `“${state}${territory}” is not a country code: ${TERRITORIES[territory!]} is written “${state}-${territory}”.`;
    },
  },
  {
    // "CO/7/8": combined reports take a hyphen.
    pattern: /\/(CO|Q|QPR|RQ)\/(\d+)\/(\d+)(?=\/|\*?$)/,
    replace: (s) => s.replace(/\/(CO|Q|QPR|RQ)\/(\d+)\/(\d+)(?=\/|\*?$)/, "/$1/$2-$3"),
    message: (s) => {
      const [, , n, m] = /\/(CO|Q|QPR|RQ)\/(\d+)\/(\d+)/.exec(s)!;
      return `Combined reports are written with a hyphen: ${n}-${m}.`;
    },
  },
  {
    // "CRC/C/CHN/5/CO": the kind of document comes before the report's number.
    pattern: /\/([A-Z]{3}(?:-[A-Z]{3})?)\/(\d+(?:-\d+)?)\/(CO|Q|QPR|RQ)(?=\/|\*?$)/,
    replace: (s) => s.replace(/\/([A-Z]{3}(?:-[A-Z]{3})?)\/(\d+(?:-\d+)?)\/(CO|Q|QPR|RQ)(?=\/|\*?$)/, "/$1/$3/$2"),
    message: (s) => {
      const [, , n, kind] = /\/([A-Z]{3}(?:-[A-Z]{3})?)\/(\d+(?:-\d+)?)\/(CO|Q|QPR|RQ)(?=\/|\*?$)/.exec(s)!;
      return `“${kind}” comes before the report's number: …/${kind}/${n}.`;
    },
  },
];

/** The certain corrections of a normalised symbol: the corrected symbol and one error per slip. */
export function repairSlips(symbol: string): { symbol: string; issues: SymbolIssue[] } {
  const issues: SymbolIssue[] = [];
  let repaired = symbol;
  for (const repair of REPAIRS) {
    if (typeof repair.pattern === "function" ? !repair.pattern(repaired) : !repair.pattern.test(repaired)) continue;
    issues.push({ severity: "error", message: repair.message(repaired) });
    repaired = repair.replace(repaired);
  }
  return { symbol: repaired, issues };
}
