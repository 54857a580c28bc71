import { cellText } from "./import-values";
import type { Cell } from "./import-fields";

/**
 * Dates as UN documents, spreadsheets and Excel itself write them, to ISO days. The UN and most
 * of the world write the day first, so "04/12/2013" is 4 December.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30); // Excel's day 0, after its 1900 leap-year slip

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDay(year: number, month: number, day: number): string | undefined {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  if (year < 1900 || year > 2100 || !days || day < 1 || day > days) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

// An export holds a few hundred distinct dates over 100,000 rows.
const dateCache = new Map<string, string | undefined>();

/** ISO, "4 December 2013", "December 4, 2013", "04/12/2013" (day first), Excel serial or Date → "2013-12-04". */
export function parseDate(cell: Cell): string | undefined {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? undefined : isoDay(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  const value = cellText(cell);
  if (dateCache.has(value)) return dateCache.get(value);
  const date = parseDateText(value);
  if (dateCache.size > 10_000) dateCache.clear();
  dateCache.set(value, date);
  return date;
}

function parseDateText(value: string): string | undefined {
  // Serials from 10000 (1927) up: a bare four-digit number is a year, not a day.
  if (/^\d{5}(?:\.\d+)?$/.test(value)) {
    const date = new Date(EXCEL_EPOCH_MS + Math.floor(Number(value)) * 86_400_000);
    return isoDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(value);
  if (m) return isoDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(value);
  if (m) {
    const [first, second] = [Number(m[1]), Number(m[2])];
    // Day first, as the UN and most of the world write it; "12/31/2013" can only be month first.
    return second > 12 && first <= 12 ? isoDay(Number(m[3]), first, second) : isoDay(Number(m[3]), second, first);
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(value);
  if (m && monthNumber(m[2]!) > 0) return isoDay(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(value);
  if (m && monthNumber(m[1]!) > 0) return isoDay(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  return undefined;
}
