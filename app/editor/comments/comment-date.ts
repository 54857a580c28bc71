/**
 * How to write when a comment was written, as people read it beside the comment: "6 Dec, 14:05"
 * this year, "14 Mar 2025, 09:30" another year (in the reader's language: `date(iso, options)`).
 * Comments imported from a Word file are often from an earlier year (or a draft outlives a year
 * end); a date without its year would then mislead. The year is the reader's own (timeZone is for
 * tests; the browser's zone otherwise).
 */
export function commentDateOptions(iso: string, now: Date = new Date(), timeZone?: string): Intl.DateTimeFormatOptions {
  const years = yearFormat(timeZone);
  const yearOf = (d: Date) => years.format(d);
  const sameYear = yearOf(new Date(iso)) === yearOf(now);
  return { day: "numeric", month: "short", ...(sameYear ? {} : { year: "numeric" }), hour: "2-digit", minute: "2-digit", timeZone };
}

/** One year formatter per time zone: a panel of 500 cards would otherwise build 1,000 per render. */
const YEAR_FORMATS = new Map<string | undefined, Intl.DateTimeFormat>();
function yearFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  let format = YEAR_FORMATS.get(timeZone);
  if (!format) YEAR_FORMATS.set(timeZone, (format = new Intl.DateTimeFormat("en", { year: "numeric", timeZone })));
  return format;
}
