import { printedText } from "../un/printed";

/** Where in a source a note points: paragraphs, pages, articles, or something else as typed. */
export type PinpointKind = "paragraph" | "page" | "article" | "other";

export interface Pinpoint {
  kind: PinpointKind;
  /** The pinpoint in UN style, in English: "para. 27 (d)", "paras. 19 and 20", "pp. 4–5", "art. 7". */
  text: string;
  /** The numbers it points at, tidied ("27 (d)", "31–36"); empty for a pinpoint kept as written. */
  numbers: string[];
  /** What was changed to get there, for a check to report. */
  issues: string[];
}

/**
 * The abbreviations recognised, in English and in the other UN languages a pinpoint may have been
 * written in ("par. 12", "párrs. 3 y 4", "п. 5", "الفقرة 7"), so a note typed in French or pasted
 * from a Spanish document is read the same. Chinese wraps the numbers ("第12段"): see CHINESE.
 */
const KINDS: Array<{ kind: Exclude<PinpointKind, "other">; pattern: RegExp; one: string; many: string }> = [
  {
    kind: "paragraph",
    pattern: /^(?:paras?\b|paragraphs?\b|paragraphes?\b|par\b|párrs?(?=[.\s\d])|párrafos?\b|пп?(?=[.\s\d])|пункты?(?=[\s\d])|الفقرات|الفقرتان|الفقرة)\.?\s*/i,
    one: "para.",
    many: "paras.",
  },
  { kind: "page", pattern: /^(?:pp?\b|pg\b|pages?\b|págs?(?=[.\s\d])|páginas?\b|сс?(?=[.\s\d])|الصفحات|الصفحتان|الصفحة)\.?\s*/i, one: "p.", many: "pp." },
  { kind: "article", pattern: /^(?:arts?\b|articles?\b|artículos?\b|ст(?=[.\s\d])|статьи|статья|المواد|المادتان|المادة)\.?\s*/i, one: "art.", many: "arts." },
];

/** "第12段", "第4–5页", "第7条": the Chinese forms, read as their English equivalents. */
const CHINESE = /^第\s*(.+?)\s*(段|页|条)$/;
const CHINESE_KINDS: Record<string, string> = { 段: "para.", 页: "p.", 条: "art." };

/** What joins a list of numbers in the six languages: "and", "et", "y", "и", "و", "和", commas ("،", "、"). */
const LIST_SEPARATOR = /\s*[,،、]\s*(?:(?:and|et|y|и)\s+)?|\s+(?:and|et|y|и)\s+|\s*和\s*|\s+و\s*/;

/**
 * One number a pinpoint may hold: "186.60", "12", "27 (d)", "34(b)(ii)", "2 bis", or a page in
 * small roman numerals ("iv"). Anything else after "para." ("HC letter, annex item 19") is not a
 * number, and the pinpoint is kept as written rather than turned into "paras. HC letter and …".
 */
const NUMBER = String.raw`(?:\d+(?:\.\d+)*[a-z]?(?:\s+(?:bis|ter|quater))?|x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*\([a-z0-9]{1,6}\))*`;
/** A number or a range of them: "12", "12-14", "186.60–186.63". */
const NUMBER_OR_RANGE = new RegExp(String.raw`^(?=[\dixv])${NUMBER}(?:\s*[-\u2010\u2011\u2013]\s*(?=[\dixv])${NUMBER})?$`);

/** Whether every item of a pinpoint's list is a real number ("12", "186.60", "12–14", "34(b)"). */
function allNumbers(items: string[]): boolean {
  return items.length > 0 && items.every((item) => NUMBER_OR_RANGE.test(item.trim()) && /\d|^[ivx]+$/.test(item.trim()));
}

/** "27(d)" → "27 (d)" and "31-36" → "31–36": the UN's spacing and its en dash in ranges. */
function tidyNumber(value: string, issues: string[]): string {
  let out = value.trim();
  if (/\d\(/.test(out)) {
    issues.push("Put a space before a subparagraph letter: “27 (d)”.");
    out = out.replace(/(\d)\(/g, "$1 (");
  }
  if (/\d\s*[-\u2010\u2011]\s*\d/.test(out)) out = out.replace(/(\d)\s*[-\u2010\u2011]\s*(\d)/g, "$1–$2");
  return out;
}

/** "A, B and C" from a list, as UN footnotes join several paragraphs. */
function joinList(items: string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Normalises a pinpoint to UN style (docs/domain.md §4b): "para 186.60" → "para. 186.60";
 * "para. 186.60; para. 186.63" → "paras. 186.60 and 186.63"; "pages 9 and 10" → "pp. 9 and 10";
 * "paras. 31-36" → "paras. 31–36". Anything it does not recognise is kept as typed ("Principle
 * 1(3)", "Basis of Review"): a pinpoint is never refused.
 */
export function normalisePinpoint(input: string): Pinpoint {
  const issues: string[] = [];
  const raw = input.trim().replace(/[.。]$/, "");
  // Bare numbers (a pinpoint field holding just "26") are paragraphs in UN practice.
  const parts = raw
    .split(/\s*[;؛；]\s*/)
    .map((part) => part.replace(CHINESE, (_, numbers: string, kind: string) => `${CHINESE_KINDS[kind]} ${numbers}`))
    .map((part) => (/^\d/.test(part) ? `para. ${part}` : part));
  const kinds = parts.map((part) => KINDS.find((k) => k.pattern.test(part)));
  const first = kinds[0];
  const asWritten: Pinpoint = { kind: "other", text: raw, numbers: [], issues: [] };
  if (!first || kinds.some((k) => k !== first)) return asWritten;
  const numbers: string[] = [];
  for (const part of parts) {
    const label = part.match(first.pattern)![0];
    // "15 and 46", "3, 25, 26, and 62": one list, whatever joined it.
    const items = part.slice(label.length).split(LIST_SEPARATOR).filter(Boolean);
    if (!allNumbers(items)) return asWritten;
    // The full-stop advice is for the English abbreviations only ("para 12"); "الفقرة" has none to add.
    if (!label.includes(".") && /^[a-z]+\s*$/i.test(label) && !/^(?:paragraphs?|pages?|articles?)/i.test(label)) issues.push(`Write “${first.one}” with its full stop.`);
    if (/^pg/i.test(label)) issues.push("Write “p.” for a page, not “pg.”.");
    numbers.push(...items.map((n) => tidyNumber(n, issues)));
  }
  const plural = numbers.length > 1 || numbers.some((n) => n.includes("–"));
  return { kind: first.kind, text: `${plural ? first.many : first.one} ${joinList(numbers)}`, numbers, issues };
}

/** How many paragraphs (pages, articles) the numbers cover, for the language's plural: "12–14" is three. */
function countOf(numbers: readonly string[]): number {
  return numbers.reduce((sum, n) => {
    const range = /^(\d+)\s*–\s*(\d+)$/.exec(n);
    if (range) return sum + Math.max(2, Number(range[2]) - Number(range[1]) + 1);
    return sum + (n.includes("–") ? 3 : 1);
  }, 0);
}

/**
 * A pinpoint as a document in `language` prints it (locales/GLOSSARY.md): "para. 12" is "par. 12"
 * in French, "párr. 12" in Spanish, "п. 12" in Russian, "الفقرة 12" in Arabic and "第12段" in
 * Chinese; "paras. 12 and 13" becomes "párrs. 12 y 13", "الفقرتان 12 و13". A pinpoint kept as
 * written ("Principle 1(3)") is printed as written. English is exactly `normalisePinpoint`'s text.
 */
export function printedPinpoint(input: string | Pinpoint, language = "en"): string {
  const pinpoint = typeof input === "string" ? normalisePinpoint(input) : input;
  const text = printedText(language);
  if (pinpoint.kind === "other" || pinpoint.numbers.length === 0 || text.language === "en") return pinpoint.text;
  return text.t(`document.pinpoint.${pinpoint.kind}` as const, { count: countOf(pinpoint.numbers), numbers: text.list(pinpoint.numbers) });
}

/**
 * The pinpoint a library record's paragraph field gives a citation: "186.60" → "para. 186.60",
 * "15 and 46" → "paras. 15 and 46" ("par. 15 et 46" for a French draft: `language` is the
 * draft's; the stored pinpoint is read back in any of the six languages); a field that is not a paragraph number ("HC letter, annex item
 * 19", an annex or a letter) is kept as written, with no "para." put in front of it.
 */
export function paragraphPinpoint(paragraph: string, language = "en"): string {
  const field = paragraph.trim();
  if (!field) return "";
  const asParagraph = normalisePinpoint(/^\d/.test(field) ? `para. ${field}` : field);
  return asParagraph.kind === "paragraph" ? printedPinpoint(asParagraph, language) : field;
}
