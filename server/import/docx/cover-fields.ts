/**
 * The cover's fields read from its lines, by the English labels our exporter prints
 * (server/export/docx/docx-cover.ts) and the shapes NGO title pages share: "UPR, 4th cycle",
 * "State under review: Ghana", "Joint submission by:" and one organisation a line,
 * "Contact: …", a date. A line none of these claims stays in the body (cover.ts).
 */
import { MECHANISMS } from "../../../core/un/mechanisms";

/** What the reader found in the file's cover block; empty strings where it says nothing. */
export interface ImportedCover {
  /** The Title-style paragraph's text, else the first line no other field took. */
  title: string;
  /** "4th cycle" from "UPR, 4th cycle": what follows the mechanism. */
  session: string;
  /** As written ("Ghana"), after "State under review:". */
  stateUnderReview: string;
  organisations: string[];
  contact: string;
  /** "2026-11-27" when the line names day, month and year (as the cover form stores it); else as written. */
  date: string;
  /** The lines taken out of the body, in order: the lines of the cover's paragraphs whose every line a field took. */
  lines: string[];
}

export interface CoverLine {
  kind: "title" | "subtitle" | "centred";
  /** The paragraph's text, one entry per line (split at line breaks). */
  texts: string[];
}

/** Treaty bodies and the UPR by abbreviation and by the full name the exporter prints; longest first, so no name is cut at a shorter one. */
const MECHANISM_PREFIXES = MECHANISMS.filter((m) => m.id !== "SP")
  .flatMap((m) => [m.id, m.name])
  .map((prefix) => prefix.toLowerCase())
  .sort((a, b) => b.length - a.length);

/** The session of a "UPR, 4th cycle" line ("" when it names none), or null when the line is not one. */
function sessionOf(line: string): string | null {
  const lower = line.toLowerCase();
  // Matched as a prefix, not split at the first comma: "Committee on Economic, Social and Cultural Rights" has one of its own.
  const prefix = MECHANISM_PREFIXES.find((p) => lower === p || lower.startsWith(`${p},`));
  return prefix === undefined ? null : line.slice(prefix.length + 1).trim();
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH},?\\s+(\\d{4})$`, "i");
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, "i");
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Dates whose day cannot be told from the month (10/11/2026) or that name no day: recognised, kept as written. */
const OTHER_DATE = new RegExp(`^(?:\\d{1,2}[./]\\d{1,2}[./]\\d{4}|${MONTH},?\\s+\\d{4})$`, "i");

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const monthNumber = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** The date a line consists of, or null when the line is anything more than a date. */
export function dateOf(line: string): string | null {
  let match = DAY_MONTH_YEAR.exec(line);
  if (match) return isoDate(Number(match[3]), monthNumber(match[2]!), Number(match[1]));
  match = MONTH_DAY_YEAR.exec(line);
  if (match) return isoDate(Number(match[3]), monthNumber(match[1]!), Number(match[2]));
  match = ISO.exec(line);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  return OTHER_DATE.test(line) ? line : null;
}

const STATE = /^state under review\s*:\s*(.*)$/i;
const CONTACT = /^contact\s*:\s*(.*)$/i;
/** The label alone, or with a colon and the first organisation: a title "Joint submission by X on Y" is not a label. */
const SUBMITTED_BY = /^(?:joint submission|submitted) by(?:\s*:\s*(.*)|\s*)$/i;

type Field = "stateUnderReview" | "contact" | "session" | "date" | "submittedBy";

/** The field a line is plainly a line of, with its value; null for any other line (a title, an organisation). */
function classify(line: string): { field: Field; value: string } | null {
  const state = STATE.exec(line);
  if (state) return { field: "stateUnderReview", value: state[1]!.trim() };
  const contact = CONTACT.exec(line);
  if (contact) return { field: "contact", value: contact[1]!.trim() };
  const submitted = SUBMITTED_BY.exec(line);
  if (submitted) return { field: "submittedBy", value: submitted[1]?.trim() ?? "" };
  const session = sessionOf(line);
  if (session !== null) return { field: "session", value: session };
  const date = dateOf(line);
  return date === null ? null : { field: "date", value: date };
}

/** The cover's fields from its lines, in order; the first line of each field wins. */
export function readCoverFields(found: CoverLine[]): ImportedCover {
  return readCover(found).cover;
}

/**
 * The cover's fields, and which lines (in `cover.lines`' order) a field took: the title's, a
 * field's own, the "Submitted by:" label and its organisations. A line none took (a subtitle,
 * "Submission to the Universal Periodic Review of Ghana") is the author's text, not the cover's.
 */
export function readCover(found: CoverLine[]): { cover: ImportedCover; taken: boolean[] } {
  const lines = found.flatMap((line) => line.texts);
  const cover: ImportedCover = { title: "", session: "", stateUnderReview: "", organisations: [], contact: "", date: "", lines };
  const claimed = new Set<number>();
  const seen = new Set<Field>();
  for (let i = 0; i < lines.length; i++) {
    const line = classify(lines[i]!);
    if (!line) continue;
    claimed.add(i);
    if (line.field === "submittedBy") {
      if (line.value) cover.organisations.push(line.value);
      // One organisation a line, until a line that is plainly another field.
      while (i + 1 < lines.length && classify(lines[i + 1]!) === null) {
        i += 1;
        claimed.add(i);
        cover.organisations.push(lines[i]!);
      }
    } else if (!seen.has(line.field)) {
      seen.add(line.field);
      cover[line.field] = line.value;
    }
  }
  const unclaimed = lines.findIndex((_, i) => !claimed.has(i));
  const title = titleLines(found) ?? (unclaimed < 0 ? [] : [unclaimed]);
  cover.title = title.map((i) => lines[i]!).join(" ");
  for (const i of title) claimed.add(i);
  return { cover, taken: lines.map((_, i) => claimed.has(i)) };
}

/** The lines of the Title-style paragraphs, when the cover has any: a title split over consecutive Title paragraphs is one title. */
function titleLines(found: CoverLine[]): number[] | null {
  const start = found.findIndex((line) => line.kind === "title");
  if (start < 0) return null;
  const end = found.findIndex((line, i) => i > start && line.kind !== "title");
  const first = found.slice(0, start).reduce((n, line) => n + line.texts.length, 0);
  const count = found.slice(start, end < 0 ? found.length : end).reduce((n, line) => n + line.texts.length, 0);
  return Array.from({ length: count }, (_, i) => first + i);
}
