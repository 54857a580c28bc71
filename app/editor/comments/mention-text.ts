/** The "@na" being typed just before the caret, if any. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const match = /(?:^|\s)@([\p{L}\p{M}' -]{0,40})$/u.exec(text.slice(0, caret));
  if (!match) return null;
  return { start: caret - match[1]!.length - 1, query: match[1]!.toLowerCase() };
}

/**
 * The text with "@Name" written over what was typed from `start` (the "@") to the caret, and
 * where the caret goes: after one space. The space is added only when the text after the caret
 * does not already start with one, so a mention chosen mid-sentence leaves no double space.
 * `addedSpace` says whether it was added (a space typed right after is then taken as that one).
 */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number; addedSpace: boolean } {
  const after = text.slice(caret);
  const addedSpace = !/^\s/u.test(after);
  const before = `${text.slice(0, start)}@${name}${addedSpace ? " " : ""}`;
  return { text: before + after, caret: before.length + (addedSpace ? 0 : 1), addedSpace };
}
