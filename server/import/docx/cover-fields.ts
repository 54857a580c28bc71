/**
 * The cover's fields read from its lines, by the English labels our exporter prints
 * (server/export/docx/docx-cover.ts) and the shapes NGO title pages share: "UPR, 4th cycle",
 * "State under review: Ghana", "Joint submission by:" and one organisation a line, "BY HUMAN
 * RIGHTS IN CHINA", "Contact: …", e-mail, web, telephone and address lines, a date. Every line
 * lands in a field: the title, else the subtitle (cover.ts).
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
  /** "Contact: …", then e-mail, web, telephone and address lines, joined with "; " (at most CONTACT_LENGTH characters). */
  contact: string;
  /** "2026-11-27" when the line names day, month and year (as the cover form stores it); else as written. */
  date: string;
  /** Subtitle-style lines and every other line no field took, joined with " · ". */
  subtitle: string;
  /** The lines taken out of the body, in order. */
  lines: string[];
  /** Where each of `lines` went, by field name (for the import report). */
  fields: CoverFieldName[];
}

export type CoverFieldName = "title" | "subtitle" | "session" | "stateUnderReview" | "organisations" | "contact" | "date";

/** What the cover form takes as a contact (core/schemas/draft.ts); contact lines past it go to the subtitle. */
export const CONTACT_LENGTH = 200;

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

/** A by-line without a label: "BY HUMAN RIGHTS IN CHINA", "Prepared by the Ghana Rights Network" (not "A report by X on Y": a title). */
const BY_LINE = /^(?:submitted |prepared |presented |written )?by\s+(\S.{0,150})$/i;
const EMAIL = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const WEB = /(?:https?:\/\/|\bwww\.)\S+/i;
/** A labelled number ("Tel: …", "Fax …") or an international one ("+41 22 917 9000"); a bare "2017-2022" is not. */
const PHONE = /^(?:tel|telephone|phone|fax|mobile)\b|^\+\d[\d\s().-]{6,}$/i;
/** Street words, a P.O. box, or a postcode as Europe ("1211 Geneva"), the US (", NY 10123") and the UK write it; a title with a year in it is none. */
const ADDRESS = /\b(?:street|st\.|road|rd\.|avenue|ave\.|boulevard|lane|floor|suite|building|rue|chemin|route de|postfach|c\/o)(?:\s|,|$)|\bp\.?\s?o\.?\s+box\b|^\d{4,5}\s+\p{L}|,\s*[A-Z]{2}\s+\d{5}\b|\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b/iu;

/** A line that says how to reach the authors: an e-mail, a web address, a telephone number, a postal address. */
export function isContactLine(line: string): boolean {
  return EMAIL.test(line) || WEB.test(line) || PHONE.test(line) || ADDRESS.test(line);
}

type Field = "stateUnderReview" | "contact" | "session" | "date" | "submittedBy" | "by" | "reach";

/** The field a line is plainly a line of, with its value; null for any other line (a title, an organisation). */
export function classify(line: string): { field: Field; value: string } | null {
  const state = STATE.exec(line);
  if (state) return { field: "stateUnderReview", value: state[1]!.trim() };
  const contact = CONTACT.exec(line);
  if (contact) return { field: "contact", value: contact[1]!.trim() };
  const submitted = SUBMITTED_BY.exec(line);
  if (submitted) return { field: "submittedBy", value: submitted[1]?.trim() ?? "" };
  const by = BY_LINE.exec(line);
  if (by) return { field: "by", value: by[1]!.trim() };
  const session = sessionOf(line);
  if (session !== null) return { field: "session", value: session };
  const date = dateOf(line);
  if (date !== null) return { field: "date", value: date };
  return isContactLine(line) ? { field: "reach", value: line } : null;
}

/**
 * The cover's fields from its lines, in order; the first line of each field wins. Every line
 * lands somewhere (`fields` says where): the title's, a field's own, the "Submitted by:" label
 * and its organisations, a by-line's organisation, the contact lines; a line none of these takes
 * ("Submission to the Universal Periodic Review of Ghana") is the subtitle.
 */
export function readCoverFields(found: CoverLine[]): ImportedCover {
  const lines = found.flatMap((line) => line.texts);
  const cover: ImportedCover = { title: "", session: "", stateUnderReview: "", organisations: [], contact: "", date: "", subtitle: "", lines, fields: [] };
  const fields = new Map<number, CoverFieldName>();
  const seen = new Set<Field>();
  const contact: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = classify(lines[i]!);
    if (!line) continue;
    if (line.field === "submittedBy") {
      fields.set(i, "organisations");
      if (line.value) cover.organisations.push(line.value);
      // One organisation a line, until a line that is plainly another field.
      while (i + 1 < lines.length && classify(lines[i + 1]!) === null) {
        i += 1;
        fields.set(i, "organisations");
        cover.organisations.push(lines[i]!);
      }
    } else if (line.field === "by") {
      fields.set(i, "organisations");
      cover.organisations.push(line.value);
    } else if (line.field === "contact" || line.field === "reach") {
      // The labelled contact first, then the other ways to reach the authors, while they fit the form's field.
      const value = line.value;
      const joined = [...contact, value].join("; ");
      if (value && joined.length <= CONTACT_LENGTH) {
        if (line.field === "contact") contact.unshift(value);
        else contact.push(value);
        fields.set(i, "contact");
      } else fields.set(i, value ? "subtitle" : "contact");
    } else if (!seen.has(line.field)) {
      seen.add(line.field);
      cover[line.field] = line.value;
      fields.set(i, line.field);
    } else {
      // A second date or session line: kept, as the subtitle.
      fields.set(i, "subtitle");
    }
  }
  const unclaimed = lines.findIndex((_, i) => !fields.has(i));
  const title = titleLines(found) ?? (unclaimed < 0 ? [] : [unclaimed]);
  cover.title = title.map((i) => lines[i]!).join(" ");
  for (const i of title) fields.set(i, "title");
  // Whatever is left (a Subtitle-style line, "Submission to the Universal Periodic Review") is the subtitle, in order.
  for (let i = 0; i < lines.length; i++) if (!fields.has(i)) fields.set(i, "subtitle");
  cover.subtitle = lines.filter((_, i) => fields.get(i) === "subtitle").join(" · ");
  cover.contact = contact.join("; ");
  cover.fields = lines.map((_, i) => fields.get(i)!);
  return cover;
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
