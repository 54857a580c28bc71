/**
 * Scanners for the parts of a typed footnote: URLs, dates, pinpoints, quoted titles and where one
 * citation ends. Each returns positions so the caller can blank out what it has read (a URL's
 * path holds symbols and dates; a title holds paragraph numbers) before looking for the next part.
 */

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** The text with the spans replaced by spaces: positions stay where they were. */
export function blank(text: string, spans: ReadonlyArray<Pick<Span, "start" | "end">>): string {
  let out = text;
  for (const { start, end } of spans) out = out.slice(0, start) + " ".repeat(end - start) + out.slice(end);
  return out;
}

// Scheme-less "www." addresses are kept as printed: the real notes use both.
const URL_START = /(?:https?:\/\/|\bwww\.)[^\s<>"“”]+/gi;

/** The URLs in a note, in order, without the sentence's punctuation after them. */
export function findUrls(text: string): Span[] {
  const found: Span[] = [];
  for (const match of text.matchAll(URL_START)) {
    let url = match[0];
    // "…china,unofficial English:" — a comma then a plain word is the sentence, not the address.
    url = url.replace(/,[A-Za-z]+$/, "");
    for (;;) {
      const trimmed = url.replace(/[.,;:]+$/, "");
      const opens = (trimmed.match(/\(/g) ?? []).length;
      const closes = (trimmed.match(/\)/g) ?? []).length;
      // A closing bracket belongs to the URL only when the URL opened one: "…_(2.2015).pdf".
      const next = trimmed.endsWith(")") && closes > opens ? trimmed.slice(0, -1) : trimmed;
      if (next === url) break;
      url = next;
    }
    found.push({ start: match.index, end: match.index + url.length, text: url });
  }
  return found;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:1[89]|20)\\d{2})";
const DATE_PATTERNS: Array<{ pattern: RegExp; read: (m: RegExpExecArray) => [string, string?, string?] }> = [
  { pattern: /\b((?:1[89]|20)\d{2})-(\d{2})-(\d{2})\b/g, read: (m) => [m[1]!, m[2], m[3]] },
  { pattern: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, "g"), read: (m) => [m[3]!, m[1], m[2]] },
  { pattern: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+${YEAR}\\b`, "g"), read: (m) => [m[3]!, m[2], m[1]] },
  { pattern: new RegExp(`\\b${MONTH}\\s+${YEAR}\\b`, "g"), read: (m) => [m[2]!, m[1]] },
  // A year alone, not inside a range or a number: "(2008)", ", 2016,", "2016(2)".
  { pattern: /(?<![\d/.\-–])((?:1[89]|20)\d{2})(?![\d/\-–]|\.\d)/g, read: (m) => [m[1]!] },
];

export interface FoundDate extends Span {
  /** ISO 8601, as precise as the text: "2013-12-04", "2013-12", "2013". */
  iso: string;
  parts: number[];
}

function monthNumber(name: string | undefined): number | undefined {
  if (!name) return undefined;
  if (/^\d+$/.test(name)) return Number(name);
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index >= 0 ? index + 1 : undefined;
}

/** Dates in "4 December 2013", "December 4, 2013", "Dec. 4, 2013", "2013-12-04", "December 2013", "2013". */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  const taken: Span[] = [];
  for (const { pattern, read } of DATE_PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some((t) => start < t.end && end > t.start)) continue;
      const [year, monthText, dayText] = read(match as RegExpExecArray);
      const month = monthNumber(monthText);
      const day = dayText ? Number(dayText) : undefined;
      if (month !== undefined && (month < 1 || month > 12)) continue;
      if (day !== undefined && (day < 1 || day > 31)) continue;
      const parts = [Number(year), month, day].filter((p): p is number => p !== undefined);
      const iso = parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, "0"))).join("-");
      const span = { start, end, text: match[0], iso, parts };
      found.push(span);
      taken.push(span);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const MONTH_AHEAD = "(?!\\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\b)";
const NUMBER = "\\d+(?:\\.\\d+)*(?:\\s?\\([a-z0-9]{1,4}\\))*";
// A list goes on through ", ", " and ", ", and " and ranges, but not into a date: "Article 2, 16 December 1966".
// Whole numbers only ("13 May" must not give "1"), then the lookahead for a month.
const ITEM = `${NUMBER}(?!\\d|\\.\\d)${MONTH_AHEAD}`;
const LIST = `${ITEM}(?:(?:\\s*,\\s*(?:and\\s+)?|\\s+and\\s+|\\s*[-–]\\s*)${ITEM})*`;
const PINPOINT = new RegExp(`\\b(?:paras?\\.?|paragraphs?|pp\\.|p\\.|pg\\.|pages?|arts?\\.?|articles?|principle)\\s*${LIST}`, "gi");

/** The first pinpoint in a citation as written: "para. 27 (d)", "pages 9 and 10", "Arts. 6, 7". */
export function findPinpoint(text: string): Span | null {
  const match = PINPOINT.exec(text);
  PINPOINT.lastIndex = 0;
  if (!match) return null;
  return { start: match.index, end: match.index + match[0].length, text: match[0].replace(/\s+/g, " ").trim() };
}

const OPEN = /[“"《]/g;
const CLOSE: Record<string, RegExp> = { "“": /[”"]/, '"': /[”"]/, "《": /》/ };

/**
 * The first title in quotation marks (curly or straight, or mixed as typed: “…"), without the
 * comma the American style puts inside. A title in Chinese keeps the translation that follows it
 * in brackets, as the notes print it: “上海市居住证管理办法” (Management Measures …).
 */
export function findQuotedTitle(text: string): Span | null {
  for (const open of text.matchAll(OPEN)) {
    // A quote opens a title only after a space, a bracket, punctuation or the start: inside a
    // word or a Chinese sentence (万“老赖”买) it is a quotation within the title.
    if (open.index > 0 && /[\p{L}\p{N}]/u.test(text[open.index - 1]!)) continue;
    // “… (hereafter, “Charity Law”)”: a short name the note defines, not the title.
    if (/here(?:in)?after,?\s*$/i.test(text.slice(Math.max(0, open.index - 14), open.index))) continue;
    const close = text.slice(open.index + 1).search(CLOSE[open[0]]!);
    if (close < 0) return null;
    const start = open.index + 1;
    const end = start + close;
    let title = text.slice(start, end).replace(/[\s,.;:]+$/, "").trim();
    let spanEnd = end + 1;
    const translation = /^[,\s]*\(([^()]*[A-Za-z][^()]*)\)/.exec(text.slice(spanEnd));
    if (translation && /[\u3400-\u9fff]/.test(title)) {
      title = `${title} (${translation[1]!.trim()})`;
      spanEnd += translation[0].length;
    }
    if (title) return { start: open.index, end: spanEnd, text: title };
  }
  return null;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = /(?:\b(?:U\.N|U\.S|Doc|No|Nos|Art|Arts|para|paras|pp|p|pg|vol|Vol|Mr|Ms|Mrs|Dr|Prof|St|e\.g|i\.e|etc|Inc|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.N\.T\.S)|\b[A-Z])$/;

/**
 * Where the citations of a note start: after a sentence, after "See", "See also", "see, e.g.,"
 * or "citing", after a top-level semicolon, and after a colon that closes a sentence quoting
 * someone ("Noting a “very worrying pattern …”: U.N. Office …").
 */
export function citationStarts(text: string): number[] {
  const starts = [0];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === "(" || c === "[") depth += 1;
    else if ((c === ")" || c === "]") && depth > 0) depth -= 1;
    else if (depth === 0 && c === ";") starts.push(i + 1);
    else if (c === "." && /^[”"]?\s+[A-Z“"]/.test(text.slice(i + 1, i + 4)) && !ABBREVIATIONS.test(text.slice(Math.max(0, i - 8), i))) starts.push(i + 1);
    else if (c === ":" && depth === 0 && /^\s/.test(text[i + 1] ?? "") && !/available at$/i.test(text.slice(Math.max(0, i - 12), i))) {
      const before = text.slice(starts.at(-1)!, i);
      if (/[“"][^”"]+[”"]/.test(before) || /^\s*see\b/i.test(text.slice(i + 1))) starts.push(i + 1);
    }
  }
  for (const see of text.matchAll(/(?:^|[\s,;:.])(see(?:\s+also|\s+especially)?(?:,?\s+e\.g\.)?,?|citing)\s/gi)) {
    starts.push(see.index + see[0].length);
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

/** A date in a URL's path, as news sites print it: "/2018/01/10/", "/2017-08/19/", "/2016/0801/". */
export function findUrlDate(url: string): FoundDate | null {
  const match = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-]?(\d{2})?(?=[/_.-])/.exec(url);
  if (!match) return null;
  const parts = [Number(match[1]), Number(match[2]), ...(match[3] ? [Number(match[3])] : [])];
  if (parts[1]! < 1 || parts[1]! > 12 || (parts[2] !== undefined && (parts[2] < 1 || parts[2] > 31))) return null;
  const iso = parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, "0"))).join("-");
  return { start: match.index, end: match.index + match[0].length, text: match[0], iso, parts };
}

// Commas inside names that must not split an issuer from a title.
const PROTECTED = /economic, social and cultural|(?:Hong Kong|Macao|Macau), China|\d,\d{3}/gi;
/** The comma-separated parts of a citation, outside brackets: issuer, title, date, symbol, pinpoint. */
export function topLevelParts(text: string): Span[] {
  const safe = text.replace(PROTECTED, (m) => m.replace(/,/g, "\u0000"));
  const parts: Span[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= safe.length; i += 1) {
    const c = safe[i];
    if (c === "(" || c === "[") depth += 1;
    else if ((c === ")" || c === "]") && depth > 0) depth -= 1;
    else if (i === safe.length || (c === "," && depth === 0)) {
      const raw = text.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      if (raw.trim()) parts.push({ start: start + lead, end: start + lead + raw.trim().length, text: raw.trim() });
      start = i + 1;
    }
  }
  return parts;
}

