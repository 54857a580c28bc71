/** Case, spacing, curly quotes and dash variants do not make a quotation wrong. */
function fold(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[“”«»]/g, '"')
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

// An ellipsis marks words left out; square brackets mark words the writer put in.
const GAP = /\s*(?:\[[^\]]*\]|…|\.\.\.)\s*/;

/**
 * Whether `quote` is a faithful quotation of `original`: its pieces between omission marks ("…",
 * "...", "[…]") and editorial insertions ("[the State]") appear in the original, in order. A
 * quotation may start or stop mid-sentence, so outer punctuation is not compared.
 */
export function quoteFits(quote: string, original: string): boolean {
  const key = `${quote}\u0000${original}`;
  let fits = checked.get(key);
  if (fits === undefined) {
    if (checked.size >= CHECKED_MAX) checked.clear();
    fits = compare(quote, original);
    checked.set(key, fits);
  }
  return fits;
}

// The same quotations are compared again after every keystroke elsewhere: remember the answers.
const checked = new Map<string, boolean>();
const CHECKED_MAX = 2000;

function compare(quote: string, original: string): boolean {
  const text = fold(original);
  let from = 0;
  for (const piece of fold(quote).split(GAP)) {
    const words = piece.replace(/^[\s.,;:'"]+|[\s.,;:'"]+$/g, "");
    if (!words) continue;
    const at = text.indexOf(words, from);
    if (at < 0) return false;
    from = at + words.length;
  }
  return true;
}
