import { message, type Message, type MessageId, type MessageValues } from "../i18n/message";
import { isStateCode } from "../un/states";
import type { SymbolIssue } from "./un-symbol";
import { isTreatySeries } from "./symbol-series";

/** Sub-national composites the UN uses in country segments (their names are in checks.symbol.repair.territory). */
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
  const warn = (id: MessageId, values?: MessageValues) => issues.push({ severity: "warning", message: message(id, values), typing: true });
  let symbol = input.trim().replace(/[.,;:]+$/, "");
  if (/[/\\]\s+|\s+[/\\]/.test(symbol)) warn("checks.symbol.typing.slashSpaces");
  if (/\b(?:Add|Corr|Rev|Amend)\.\s+\d/i.test(symbol)) warn("checks.symbol.typing.addSpace");
  symbol = symbol.replace(/\s*([/\\])\s*/g, "$1").replace(/\b(Add|Corr|Rev|Amend)\.\s+(\d)/gi, "$1.$2");
  if (/[\u2010\u2011\u2012\u2013\u2014]/.test(symbol)) warn("checks.symbol.typing.dash");
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
      warn("checks.symbol.typing.case", { fixed, word: word! });
      return slash + [fixed, ...rest].join(".");
    })
    .join("");
  return { symbol, issues };
}

/** One kind of slip: where it is (the match `message` describes) and the symbol with it corrected everywhere. */
interface Repair {
  find: (symbol: string) => RegExpExecArray | null;
  replace: (symbol: string) => string;
  message: (match: RegExpExecArray) => Message;
}

/** A slip found by a pattern and corrected by a replacement of every match. */
const byPattern = (pattern: RegExp, replacement: string, message: Repair["message"]): Repair => ({
  find: (symbol) => pattern.exec(symbol),
  replace: (symbol) => symbol.replace(new RegExp(pattern.source, "g"), replacement),
  message,
});

// Where a segment ends: at the next slash, or at the end (a reissue star allowed).
const END = String.raw`(?=\/|\*?$)`;

/**
 * Slips whose correction is certain, each an error with its words: the fix is offered, since the
 * symbol as written names no document. Run in order on the normalised symbol.
 */
const REPAIRS: Repair[] = [
  byPattern(/\\/, "/", () => message("checks.symbol.repair.backslash")),
  byPattern(/\/\/+/, "/", () => message("checks.symbol.repair.emptyPart")),
  byPattern(new RegExp(String.raw`\/(Add|Corr|Rev|Amend)\s?(\d+)${END}`), "/$1.$2", ([, word, n]) => message("checks.symbol.repair.fullStop", { word: word!, n: n! })),
  // Body and document components carry their number after a full stop: WG.6, C.12, CN.4, L.26, SR.209.
  byPattern(new RegExp(String.raw`\/(WG|C|CN|AC|SC|PC|L|SR|CRP|WP)(\d+)${END}`), "/$1.$2", ([, word, n]) => message("checks.symbol.repair.fullStop", { word: word!, n: n! })),
  byPattern(/^E\/C\.12\/C\//, "E/C.12/", () => message("checks.symbol.repair.cescrNoC")),
  {
    // "CEDAW/CHN/CO/7-8", "CCPR/GC/34": every treaty body but CESCR puts "/C/" after its series.
    find: (symbol) => {
      const [first, second] = symbol.split("/");
      if (!isTreatySeries(first!) || !second) return null;
      const country = /^[A-Z]{3}(?:-?[A-Z]{3})?$/.test(second) && [second.slice(0, 3), second.slice(-3)].every(isCountryCode);
      return second === "GC" || country ? /^([A-Z]+)\//.exec(symbol) : null;
    },
    replace: (symbol) => symbol.replace(/^([A-Z]+)\//, "$1/C/"),
    message: ([, series]) => message("checks.symbol.repair.committeeC", { series: series! }),
  },
  // "CHNMAC": a State and a territory run together; the UN writes "CHN-MAC".
  byPattern(/\/([A-Z]{3})(HKG|MAC)\//, "/$1-$2/", ([, state, territory]) => message("checks.symbol.repair.territory", { state: state!, territory: territory! })),
  // "CO/7/8": combined reports take a hyphen.
  byPattern(new RegExp(String.raw`\/(CO|Q|QPR|RQ)\/(\d+)\/(\d+)${END}`), "/$1/$2-$3", ([, , n, m]) => message("checks.symbol.repair.combinedHyphen", { n: n!, m: m! })),
  // "CRC/C/CHN/5/CO": the kind of document comes before the report's number.
  byPattern(new RegExp(String.raw`\/([A-Z]{3}(?:-[A-Z]{3})?)\/(\d+(?:-\d+)?)\/(CO|Q|QPR|RQ)${END}`), "/$1/$3/$2", ([, , n, kind]) => message("checks.symbol.repair.kindFirst", { kind: kind!, n: n! })),
];

/** The certain corrections of a normalised symbol: the corrected symbol and one error per slip. */
export function repairSlips(symbol: string): { symbol: string; issues: SymbolIssue[] } {
  const issues: SymbolIssue[] = [];
  let repaired = symbol;
  for (const repair of REPAIRS) {
    const match = repair.find(repaired);
    if (!match) continue;
    issues.push({ severity: "error", message: repair.message(match) });
    repaired = repair.replace(repaired);
  }
  return { symbol: repaired, issues };
}
