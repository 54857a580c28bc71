/**
 * How deeply a JSON text nests, found by one pass over its characters (brackets outside strings)
 * before anything parses it: JSON.parse and what walks its result afterwards (copies, schema
 * checks, citation-js) recurse, and an array nested 50,000 deep overflowed the stack. This scan
 * keeps one counter, so it cannot.
 */

/** The library's readers need about six levels (a list, an item, its dates' parts); 64 is generous. */
export const MAX_JSON_DEPTH = 64;

/** The depth of the first bracket that passes `max`, counted from 1, or null when the text stays within it. */
export function jsonDepthPast(text: string, max: number = MAX_JSON_DEPTH): { depth: number; offset: number } | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c /* \ */) i++; // the escaped character cannot end the string
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      if (++depth > max) return { depth, offset: i };
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) depth--;
  }
  return null;
}
