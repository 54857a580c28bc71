/**
 * English plural rules from the platform (Intl.PluralRules), not `n === 1`: the same call will
 * serve the other UN languages when the interface is translated, and it already reads 1.5 and
 * -1 the way English does ("1.5 words", "-1 word"). One instance: building it costs more than
 * asking it.
 */
const ENGLISH = new Intl.PluralRules("en");

/** The noun's form for this number: "warning" for 1, "warnings" for 0, 2 or 1,200. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return ENGLISH.select(n) === "one" ? one : many;
}

/** "1 footnote", "1,200 footnotes": a number as English prose writes it, with its noun. */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en")} ${plural(n, one, many)}`;
}
