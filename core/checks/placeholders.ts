/**
 * How a template marks text still to be written: an instruction in square brackets, such as
 * "[Organisation]" or "[A specific, measurable action.]". Templates write their starter content
 * with `placeholder()`, the pre-flight checks learn the placeholders by reading that content
 * back with `placeholdersIn()` (templates/placeholders.ts), and the structure rules read a
 * block holding only placeholders as unwritten: one convention, defined here.
 */
export const PLACEHOLDER_PATTERN = /\[[^[\]\n]+\]/g;

/** An instruction as a template writes it into starter content: "[Organisation]". */
export function placeholder(instruction: string): string {
  // A bracket or line break inside would cut the placeholder where the checks read it back.
  if (!instruction.trim() || /[[\]\n]/.test(instruction)) throw new Error(`Not a placeholder instruction: “${instruction}”.`);
  return `[${instruction}]`;
}

/** The placeholders written in a text, in order, repeats included. */
export function placeholdersIn(text: string): string[] {
  return text.match(PLACEHOLDER_PATTERN) ?? [];
}

/** A text with its placeholders taken out: what the writer has actually written so far. */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_PATTERN, "");
}
