import { findUnSymbols, namesASessionNotADocument, parseUnSymbol } from "../citations/un-symbol";
import { MECHANISMS } from "../un/mechanisms";
import { canonicalStateName, findStateCode } from "../un/state-aliases";
import type { Cell } from "./import-fields";
import type { LibraryMechanism } from "./records";

/**
 * The cell-level normalisations of docs/domain.md §5e, one small parser per kind of value. Each
 * returns undefined for a value it cannot read, and the caller words the message, because only
 * the caller knows which column the value came from.
 */

/** A cell as text: dates as ISO days, numbers as written, empty as "". */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

// Most cells need no tidying; testing once is far cheaper than three replaces on 100,000 rows.
const UNTIDY_LABEL = /^[\s\-–—•*·]|\s$|[^\S ]| {2}/;

/** UHRI writes every label as a bullet: "- CRC-OP-AC", "- Women & girls". */
export function stripBullet(value: string): string {
  if (!UNTIDY_LABEL.test(value)) return value;
  return value.replace(/^[\s\-–—•*·]+/, "").replace(/\s+/g, " ").trim();
}

// UHRI puts one value per line; UPR Info and hand-made sheets use ";" or "|". Not ",": labels
// such as "Minorities/ racial, ethnic, linguistic, religious or descent-based groups" hold commas.
const LIST_SEPARATOR = /\r\n|[\r\n;|]/;

/** The values of a multi-value cell, bullets stripped, repeats dropped. */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(LIST_SEPARATOR)) {
    const item = stripBullet(part);
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

const TREATY_BODY_CODES = new Map<string, string>([
  ...MECHANISMS.filter((m) => m.kind === "treaty").flatMap((m): Array<[string, string]> => [
    [m.id, m.id],
    [m.name.toUpperCase().replace(/[^A-Z]/g, ""), m.id],
  ]),
  ["CRCOPAC", "CRC-OPAC"],
  ["CRCOPSC", "CRC-OPSC"],
  ["SPT", "SPT"],
]);
const SPECIAL_PROCEDURE = /^(?:SR|IE|WG|Special Rapporteur|Independent Expert|Working Group)\b/i;

function classifyBody(item: string): { body: string; mechanism: LibraryMechanism | null } {
  const code = item.toUpperCase().replace(/[^A-Z]/g, "");
  if (code === "UPR" || code === "UNIVERSALPERIODICREVIEW") return { body: "UPR", mechanism: "UPR" };
  const treaty = TREATY_BODY_CODES.get(code);
  if (treaty) return { body: treaty, mechanism: "TB" };
  if (SPECIAL_PROCEDURE.test(item)) return { body: item, mechanism: "SP" };
  return { body: item, mechanism: null };
}

/** "- CRC-OP-AC" → CRC-OPAC (TB); "- SR on …; - Special Procedures" → "SR on …" (SP). */
export function normaliseBody(raw: string): { body: string; mechanism: LibraryMechanism | null } | undefined {
  const items = splitList(raw);
  // UHRI adds the family "Special Procedures" beside the mandate; the mandate is the body.
  const specific = items.filter((i) => !/^special procedures?$/i.test(i));
  if (specific.length === 0) return items.length > 0 ? { body: "Special Procedures", mechanism: "SP" } : undefined;
  const classified = specific.map(classifyBody);
  const bodies = [...new Set(classified.map((c) => c.body))];
  const mechanism = classified.find((c) => c.mechanism)?.mechanism ?? (specific.length < items.length ? "SP" : null);
  return { body: bodies.join("; "), mechanism };
}

/** "UPR", "Treaty body", "Special procedures", or a body's code ("CEDAW" → TB). */
export function parseMechanism(raw: string): LibraryMechanism | undefined {
  const key = raw.toLowerCase().replace(/[^a-z]/g, "");
  if (key === "upr" || key === "universalperiodicreview") return "UPR";
  if (key === "tb" || key === "treatybody" || key === "treatybodies") return "TB";
  if (key === "sp" || key === "specialprocedure" || key === "specialprocedures") return "SP";
  return normaliseBody(raw)?.mechanism ?? undefined;
}

const TRAILING_GROUP = /\s*\(([^()]{2,160})\)[\s.;,]*$/;

function statesIn(group: string): string[] | null {
  if (findStateCode(group)) return [canonicalStateName(group)];
  const parts = group.split(/\s*[,;]\s*/);
  return parts.length > 1 && parts.every((p) => findStateCode(p)) ? parts.map(canonicalStateName) : null;
}

/** UHRI writes UPR recommending States after the text, "… (Maldives) (Portugal)": lifted out. */
export function extractTrailingStates(text: string): { text: string; states: string[] } {
  const states: string[] = [];
  let rest = text;
  for (let match = TRAILING_GROUP.exec(rest); match; match = TRAILING_GROUP.exec(rest)) {
    const found = statesIn(match[1]!);
    if (!found) break; // "(art. 2)" or "(ICCPR)": part of the text
    states.unshift(...found);
    rest = rest.slice(0, match.index);
  }
  return { text: rest.trimEnd(), states };
}

const LEADING_NUMBER = /^\s*(\d{1,3}(?:\.\d{1,3})?)(?:\.\s*|\s+)(?=[A-Z(“"‘'])/;

/** "186.60 Keep up its commitment…" → paragraph "186.60" and the text without it. */
export function extractLeadingNumber(text: string): { text: string; paragraph: string | null } {
  const match = LEADING_NUMBER.exec(text);
  return match ? { text: text.slice(match[0].length), paragraph: match[1]! } : { text, paragraph: null };
}

/** "para. 27 (d)" → "27 (d)". */
export function cleanParagraph(raw: string): string {
  return stripBullet(raw).replace(/^(?:paras?\.?|paragraphs?|§)\s*/i, "");
}

/**
 * "Supported"/"Accepted" → supported, "Noted" → noted; anything else ("Not Supported",
 * "Supported in part") kept as written (docs/domain.md §5e.3). A source after the word, as in
 * "Supported - A/HRC/59/15/Add.1 - Para.3", is returned apart.
 */
export function normaliseResponse(raw: string): { response: string; source: string | null } | undefined {
  const value = stripBullet(raw);
  if (!value) return undefined;
  const at = value.search(/\b[A-Z]{1,6}\/[A-Z0-9]/);
  const head = (at > 0 ? value.slice(0, at) : value).replace(/[\s,;:(\-–]+$/, "");
  const source = at > 0 ? value.slice(at).replace(/\)\s*$/, "").trim() : null;
  const lower = head.toLowerCase();
  const response = lower === "supported" || lower === "accepted" ? "supported" : lower === "noted" ? "noted" : head;
  return response ? { response, source } : undefined;
}

const ORDINAL_WORDS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };

/** "3rd", "3", "Cycle 3", "third cycle" → 3. */
export function parseCycle(raw: string): number | undefined {
  const value = stripBullet(raw).toLowerCase().replace(/\bcycle\b/g, "").trim();
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(value);
  if (digits) return Number(digits[1]);
  return ORDINAL_WORDS[value];
}

/** "16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "16.3 - Promote the rule of law", "SDG 16" → 16. */
export function parseSdgGoal(raw: string): number | undefined {
  const match = /^(?:sdg|goal)?\s*(\d{1,2})(?:\.[0-9a-z]+)?(?![0-9])/i.exec(stripBullet(raw));
  const goal = match ? Number(match[1]) : NaN;
  return goal >= 1 && goal <= 17 ? goal : undefined;
}

const ACTION_LABELS: Record<string, number> = { minimal: 1, continuing: 2, considering: 3, general: 4, specific: 5 };

/** "5 - Specific action", "Category 5", "Specific action" → 5 (McMahon, docs/domain.md §2b). */
export function parseActionCategory(raw: string): number | undefined {
  const value = stripBullet(raw).toLowerCase().replace(/^category\s*/, "");
  const digit = /^([1-5])(?![0-9])/.exec(value);
  if (digit) return Number(digit[1]);
  return ACTION_LABELS[/^(\w+) action$/.exec(value)?.[1] ?? ""];
}

const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (entity, dec?: string, hex?: string, name?: string) => {
    if (dec || hex) return String.fromCodePoint(Math.min(Number.parseInt(dec ?? hex!, dec ? 10 : 16), 0x10ffff));
    return ENTITIES[name!.toLowerCase()] ?? entity;
  });
}

const UNTIDY_TEXT = /^\s|\s$|[<&\r\t\u00a0]| [ \n]|\n[ \n]{2}|\n /;

/** UHRI's Text can be the paragraph's HTML: tags dropped, entities decoded, spacing tidied. */
export function cleanText(raw: string): string {
  if (!UNTIDY_TEXT.test(raw)) return raw;
  let text = raw.replace(/\r\n?/g, "\n");
  if (/<\/?[a-z][^>]*>/i.test(text)) {
    text = text.replace(/<br\s*\/?>|<\/(?:p|div|li|h\d)>/gi, "\n").replace(/<[^>]*>/g, "");
  }
  if (text.includes("&")) text = decodeEntities(text);
  return text.replace(/[ \t\u00a0]+/g, " ").replace(/ ?\n ?/g, "\n").replace(/\n{3,}/g, "\n\n").trim();
}

export interface CheckedSymbol {
  symbol: string;
  /** The State the symbol names (CEDAW/C/CHN/…), when it names one. */
  country: string | null;
  /** The body the symbol names (CEDAW, CESCR, UPR), when it names one. */
  body: string | null;
}

const symbolCache = new Map<string, CheckedSymbol | null>();


/**
 * A UN symbol, normalised, or undefined. Stricter than the schema for the Human Rights Council
 * series, where the permissive grammar lets a session ("A/HRC/25") through as a document;
 * a cell holding a title around the symbol ("Report of the WG, A/HRC/25/5") yields the symbol.
 */
export function checkSymbol(raw: string): CheckedSymbol | undefined {
  const value = stripBullet(raw);
  let checked = symbolCache.get(value);
  if (checked === undefined) {
    let parsed = parseUnSymbol(value);
    if (!parsed.valid && /\s/.test(value)) parsed = findUnSymbols(value)[0] ?? parsed;
    const ok = parsed.valid && !namesASessionNotADocument(parsed);
    checked = ok ? { symbol: parsed.normalised, country: parsed.country, body: parsed.body } : null;
    if (symbolCache.size > 10_000) symbolCache.clear();
    symbolCache.set(value, checked);
  }
  return checked ?? undefined;
}
