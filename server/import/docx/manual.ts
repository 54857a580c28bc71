/**
 * Numbers typed as text: "1." or "1)" at the start of body paragraphs that count up one by one.
 * Authors who never used Word's numbering still mean numbered paragraphs; the typed number is
 * removed because Caucus computes numbers itself.
 */
import type { Json } from "./inline";
import { leadingText, withoutLeading } from "./tracked";

const TYPED = /^(\d{1,4})[.)][\s\u00a0]+/;

function typedNumber(block: Json): { n: number; length: number } | null {
  if (block.type !== "paragraph" || (block.attrs as Json).numbered) return null;
  // Across runs, without the marks of tracked changes: "3" deleted and "4" inserted before ". Text" is still a typed number.
  const match = TYPED.exec(leadingText((block.content as Json[] | undefined) ?? []));
  return match ? { n: Number(match[1]), length: match[0].length } : null;
}

/**
 * Marks runs of two or more top-level paragraphs typed n., n+1., … as numbered; returns how many
 * characters were removed from the start of each such block, by block index.
 */
export function applyManualNumbering(blocks: Json[]): Map<number, number> {
  const candidates = blocks.flatMap((block, index) => {
    const typed = typedNumber(block);
    return typed ? [{ block, index, ...typed }] : [];
  });
  const accepted: typeof candidates = [];
  let run: typeof candidates = [];
  const finish = () => {
    if (run.length >= 2) accepted.push(...run);
    run = [];
  };
  for (const candidate of candidates) {
    if (run.length && candidate.n !== run[run.length - 1]!.n + 1) finish();
    run.push(candidate);
  }
  finish();
  const stripped = new Map<number, number>();
  for (const { block, index, length } of accepted) {
    stripped.set(index, length);
    block.content = withoutLeading(block.content as Json[], length);
    (block.attrs as Json).numbered = true;
  }
  return stripped;
}
