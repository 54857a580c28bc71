import { KNOWN_SERIES } from "./symbol-series";

// A series in capitals, then segments after slashes (or the backslashes of a slip), a space
// allowed around a slash and after "Add."; a segment runs to the end of its word, so a typo such
// as "CHNMAC" is read whole and judged, never trimmed to a valid-looking "CHN".
const SEPARATOR = String.raw`\s?[/\\]\s?`;
const SEGMENT = String.raw`(?:(?:Add|Corr|Rev|Amend)\.?\s\d+|[A-Za-z0-9*](?:[A-Za-z0-9.*\u2010-\u2014-]*[A-Za-z0-9*])?)`;
const CANDIDATE = new RegExp(String.raw`(?<![A-Za-z0-9/\\._%=-])[A-Z]{1,6}(?:${SEPARATOR}${SEGMENT})+`, "g");

/** A word that is an address: its path holds symbol-like strings ("…/EN/HRBodies/…", "…/UNDOC/GEN/G05/…"). */
const URL_LIKE = /:\/\/|^\(?www\.|@|^\(?[\w-]+(?:\.[\w-]+)+\//i;

function wordAround(text: string, index: number): string {
  const start = text.lastIndexOf(" ", index) + 1;
  const end = text.indexOf(" ", index);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * Whether a slash-separated string reads as a UN symbol rather than prose ("HIV/AIDS", "TV/radio",
 * "N/A", "A/B"): a known series with a number or two slashes, or any series with both.
 */
function symbolLike(candidate: string): boolean {
  const series = candidate.startsWith("E/C.12") ? "E/C.12" : candidate.split(/\s?[/\\]/)[0]!;
  const slashes = (candidate.match(/[/\\]/g) ?? []).length;
  const digit = /\d/.test(candidate);
  return KNOWN_SERIES.has(series) ? digit || slashes >= 2 : digit && slashes >= 2;
}

/** Everything in running text written like a UN symbol, as written, with where it starts; addresses left out. */
export function scanSymbolLike(text: string): Array<{ index: number; text: string }> {
  const found: Array<{ index: number; text: string }> = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = match[0];
    if (!symbolLike(candidate) || URL_LIKE.test(wordAround(text, match.index))) continue;
    found.push({ index: match.index, text: candidate });
  }
  return found;
}
