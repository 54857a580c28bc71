/**
 * What must not be printed, as the disclosure rules search for it: the names and acronyms of the
 * workspace's confidential organisations, and the placeholders of the templates' starter content.
 */
export type DisclosureTerm =
  | { kind: "name" | "acronym"; text: string; organisation: string }
  | { kind: "placeholder"; text: string };

/** A term with the expression that finds it. */
export interface TermPattern {
  term: DisclosureTerm;
  pattern: RegExp;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Words are whole: no letter or digit may touch a match. Acronyms also must not touch a slash,
// so that a confidential "CRC" is not found in every symbol such as CRC/C/GHA/CO/5.
const WORD_EDGE = "[\\p{L}\\p{N}]";
const ACRONYM_EDGE = "[\\p{L}\\p{N}/]";

/** The words of a text, any spacing between them, straight and curly apostrophes alike. */
function spaced(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => escape(word).replace(/['’]/g, "['’]"))
    .join("\\s+");
}

const whole = (body: string, edge: string, flags: string) => new RegExp(`(?<!${edge})(?:${body})(?!${edge})`, flags);

/**
 * The expression for a term.
 *
 * Names of two words or more are found in any case ("HIDDEN DEFENDERS COLLECTIVE" in a heading
 * is still the name), as the issue asks. An acronym, and a name of a single word, is found only
 * as written or in capitals: "HDC" and "FoE" are names, but many acronyms are also ordinary
 * words in lower case ("care", "hope", "act", "we"), and a check that flagged every "hope" in a
 * submission would be switched off in people's heads the first night. A one-letter acronym
 * cannot be told from "A" or "I" at all, so it is not searched (its name still is).
 */
export function termPattern(term: DisclosureTerm): TermPattern | null {
  const text = term.text.trim();
  if (!text) return null;
  if (term.kind === "placeholder") return { term, pattern: new RegExp(spaced(text), "giu") };
  const singleWord = !/\s/.test(text);
  if (term.kind === "name" && !singleWord) return { term, pattern: whole(spaced(text), WORD_EDGE, "giu") };
  if (term.kind === "acronym" && [...text].length < 2) return null;
  const forms = [...new Set([text, text.toUpperCase()])].map(spaced).join("|");
  return { term, pattern: whole(forms, term.kind === "acronym" ? ACRONYM_EDGE : WORD_EDGE, "gu") };
}

/** Every match of the patterns in a text, in order of where it starts. */
export function findTerms(text: string, patterns: readonly TermPattern[]): Array<{ term: DisclosureTerm; start: number; end: number }> {
  const found: Array<{ term: DisclosureTerm; start: number; end: number }> = [];
  for (const { term, pattern } of patterns) {
    for (const match of text.matchAll(pattern)) found.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start || a.end - b.end);
}
