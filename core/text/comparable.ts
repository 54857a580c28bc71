/**
 * Text as two people would compare it by eye: Unicode-normalised (NFKC, so full-width and
 * compatibility forms match), runs of whitespace as one space, trimmed, case ignored. For matching
 * names typed in one place against names stored in another (a State, an organisation).
 */
export function comparable(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}
