/**
 * "3 days ago", "2 minutes ago", "now": approximate on purpose (the Account page and a sign-in
 * notification need no more), in the reader's language and digits via Intl.RelativeTimeFormat.
 */
const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["second", 60],
  ["minute", 60],
  ["hour", 24],
  ["day", 7],
  ["week", 4.35],
  ["month", 12],
  ["year", Number.POSITIVE_INFINITY],
];

export function relativeTime(tag: string, when: Date | string, now: Date = new Date()): string {
  const format = new Intl.RelativeTimeFormat(tag, { numeric: "auto" });
  let amount = (new Date(when).getTime() - now.getTime()) / 1000;
  // Within a minute is "now": a clock a few seconds off between server and browser says the same.
  if (Math.abs(amount) < 60) return format.format(0, "second");
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), "year");
}
