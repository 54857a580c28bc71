import { diffArrays, diffWordsWithSpace } from "diff";
import { documentSchema } from "../editor/canonical";
import { NO_HEADING_NUMBERING, type HeadingNumbering } from "../editor/numbering";
import { forEachWordStart, countDocumentWords, type CountingRule } from "../checks/word-count";
import { message, type Message } from "../i18n/message";
import { documentBlocks, type BlockPlace, type BlockRole, type TextBlock } from "./blocks";
import type { Authorship } from "./contract";

/** One side of a comparison: a version's canonical body (ProseMirror JSON) and, if known, who wrote it. */
export interface CompareSide {
  doc: Record<string, unknown>;
  authorship?: Authorship | null;
}

export interface CompareOptions {
  /** The template's heading numbering, so headings are named as the page shows them ("II. Background"). */
  headingNumbering?: HeadingNumbering;
  /** Unchanged blocks shown around each change in the inline model (default 1); the rest collapse. */
  context?: number;
  /** What `words` counts: the template's rule, so each side reads as the status bar counts it (default: everything). */
  counts?: CountingRule;
}

export type PieceOp = "equal" | "insert" | "delete";

/**
 * A run of text in a change: kept, inserted or deleted. An inserted piece is split where its
 * writer changes; `author` is the user who wrote it (null: nobody can be named), absent when the
 * after side has no authorship.
 */
export interface ComparePiece {
  op: PieceOp;
  text: string;
  author?: string | null;
}

/** A changed block on one side: where it is, as a person finds it there. */
export interface ChangeSide {
  /** Its index in documentBlocks(that side's document): also its index in that side's Authorship. */
  blockIndex: number;
  topIndex: number;
  role: BlockRole;
  place: BlockPlace;
  section: string | null;
}

export type ChangeKind = "inserted" | "deleted" | "changed" | "moved";

export interface Change {
  kind: ChangeKind;
  /** null for an inserted block. */
  before: ChangeSide | null;
  /** null for a deleted block. */
  after: ChangeSide | null;
  /** The block's text from before to after (all equal for a moved block). */
  pieces: ComparePiece[];
  /** Who wrote the inserted text, each once, in order (null: nobody can be named); empty with no authorship. */
  authors: Array<string | null>;
  /** Counted words the change adds and removes (a word touched by an edit counts on both sides). */
  added: number;
  removed: number;
}

/**
 * The inline view: the after document's blocks in order, deleted blocks where they were, each
 * changed block with its pieces; unchanged blocks further than `context` from a change are
 * collapsed into one `unchanged` entry with their count.
 */
export type InlineEntry =
  | {
      type: "block";
      /** Index into `changes`, or null for an unchanged block shown as context. */
      change: number | null;
      kind: ChangeKind | "unchanged";
      role: BlockRole;
      /** Where the block is: after the change, or before it for a deleted block. */
      place: BlockPlace;
      pieces: ComparePiece[];
    }
  | { type: "unchanged"; count: number };

export interface Comparison {
  changes: Change[];
  /** Counted words added and removed over all changes. */
  totals: { added: number; removed: number };
  /** Each side's words, every part counted (body, headings, tables, footnotes). */
  words: { before: number; after: number };
  inline: InlineEntry[];
}

const ALL_PARTS = { footnotes: true, headings: true, tables: true };
/** Above this many pairs in one region of changed blocks, blocks are paired in order, not by likeness. */
const PAIRING_BUDGET = 2500;
const LIKENESS_MIN = 0.25;
const SPACE = /\s/;

/** The place as the interface names it: the checks' `checks.place.*` messages ("para. 12", "note 3"). */
export function placeMessage(place: BlockPlace): Message {
  switch (place.kind) {
    case "para":
      return message("checks.place.para", { n: place.n });
    case "note":
      return message("checks.place.note", { n: place.n });
    case "heading":
      return message("checks.place.heading", { text: place.text });
    case "block": {
      const { kind: _kind, ...values } = place;
      return message("checks.place.block", { kind: place.node, ...values });
    }
  }
}

const fingerprint = (block: TextBlock) => `${block.role === "note" ? "n" : block.role === "heading" ? "h" : "b"}\u0000${block.text}`;

const sideOf = (block: TextBlock, blockIndex: number): ChangeSide => ({ blockIndex, topIndex: block.topIndex, role: block.role, place: block.place, section: block.section });

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a text for likeness, a set: runs of letters and digits ("A/HRC/25/5," is a, hrc, 25, 5). */
function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** How alike two texts are: shared words over all words (Jaccard), 0–1. */
function likeness(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * The counted words of `text` that an edit touches: a word (as countWords counts it: from the
 * end of the previous one's run to the next space) counts when any of its characters is in
 * one of `ranges` (sorted, not overlapping).
 */
function wordsTouched(text: string, ranges: ReadonlyArray<readonly [number, number]>): number {
  if (ranges.length === 0) return 0;
  const starts: number[] = [];
  forEachWordStart(text, (start) => starts.push(start));
  let count = 0;
  let range = 0;
  let previousEnd = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    let from = start;
    while (from > previousEnd && !SPACE.test(text[from - 1]!)) from -= 1;
    let end = start + 1;
    const limit = starts[k + 1] ?? text.length;
    while (end < limit && !SPACE.test(text[end]!)) end += 1;
    previousEnd = end;
    while (range < ranges.length && ranges[range]![1] <= from) range += 1;
    if (range < ranges.length && ranges[range]![0] < end) count += 1;
  }
  return count;
}

/** Who wrote what in one block of one side: the author at an offset, by the block's runs. */
function authorsOf(authorship: Authorship | null | undefined, blockCount: number) {
  const usable = authorship && authorship.blocks.length === blockCount ? authorship : null;
  /** `text` (from `offset` in block `blockIndex`) as insert pieces, split where the writer changes. */
  return (blockIndex: number, offset: number, text: string): ComparePiece[] => {
    if (!usable) return [{ op: "insert", text }];
    const runs = usable.blocks[blockIndex] ?? [];
    const pieces: ComparePiece[] = [];
    let runStart = 0;
    let at = 0;
    for (const [client, length] of runs) {
      const runEnd = runStart + length;
      const from = Math.max(runStart, offset + at);
      const to = Math.min(runEnd, offset + text.length);
      if (from < to) {
        const author = usable.clients[client] ?? null;
        const piece = text.slice(from - offset, to - offset);
        const last = pieces[pieces.length - 1];
        if (last && last.author === author) last.text += piece;
        else pieces.push({ op: "insert", text: piece, author });
        at = to - offset;
      }
      runStart = runEnd;
      if (runStart >= offset + text.length) break;
    }
    // Runs shorter than the text (a malformed authorship): the rest by nobody.
    if (at < text.length) pieces.push({ op: "insert", text: text.slice(at), author: null });
    return pieces;
  };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && LETTER_OR_DIGIT.test(c);

/** Word edits a block's diff may find before the block is shown as rewritten (a 5,000-word paragraph rewritten would take seconds). */
const WORD_EDITS = 400;

/** A block rewritten beyond WORD_EDITS: its common words at both ends kept, the middle deleted and inserted whole. */
function rewritten(before: string, after: string): Array<{ op: PieceOp; text: string }> {
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && before[head] === after[head]) head += 1;
  // Back to the start of a word: a word half kept is a word changed.
  if (head < shortest) while (head > 0 && !SPACE.test(before[head - 1]!)) head -= 1;
  let tail = 0;
  while (tail < shortest - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail += 1;
  if (tail < shortest - head) while (tail > 0 && !SPACE.test(before[before.length - tail]!)) tail -= 1;
  const out: Array<{ op: PieceOp; text: string }> = [];
  if (head > 0) out.push({ op: "equal", text: before.slice(0, head) });
  if (before.length - tail > head) out.push({ op: "delete", text: before.slice(head, before.length - tail) });
  if (after.length - tail > head) out.push({ op: "insert", text: after.slice(head, after.length - tail) });
  if (tail > 0) out.push({ op: "equal", text: before.slice(before.length - tail) });
  return out;
}

/**
 * A word diff (jsdiff's diffWordsWithSpace) as a person wants to read it: edits separated only
 * by a space or a mark of punctuation read as one ("[-three journalists-]{+four reporters+}",
 * not four pieces), each edit deletion first, and punctuation both sides share at an edit's ends
 * kept as equal text ("A/HRC/25/5{+, para. 12+}.", not "[-.-]{+, para. 12.+}").
 */
function wordDiff(before: string, after: string): Array<{ op: PieceOp; text: string }> {
  const parts = diffWordsWithSpace(before, after, { maxEditLength: WORD_EDITS });
  if (!parts) return rewritten(before, after);
  const out: Array<{ op: PieceOp; text: string }> = [];
  let del = "";
  let ins = "";
  const equal = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last?.op === "equal") last.text += text;
    else out.push({ op: "equal", text });
  };
  const flush = () => {
    let head = 0;
    while (head < del.length && head < ins.length && del[head] === ins[head] && !isWordChar(del[head])) head += 1;
    let tail = 0;
    while (tail < del.length - head && tail < ins.length - head && del[del.length - 1 - tail] === ins[ins.length - 1 - tail] && !isWordChar(del[del.length - 1 - tail])) tail += 1;
    equal(del.slice(0, head));
    if (del.length - tail > head) out.push({ op: "delete", text: del.slice(head, del.length - tail) });
    if (ins.length - tail > head) out.push({ op: "insert", text: ins.slice(head, ins.length - tail) });
    equal(del.slice(del.length - tail));
    del = "";
    ins = "";
  };
  parts.forEach((part, k) => {
    if (part.added) ins += part.value;
    else if (part.removed) del += part.value;
    else if ((del || ins) && k + 1 < parts.length && part.value.length <= 2 && !LETTER_OR_DIGIT.test(part.value)) {
      // Between two edits (jsdiff never leaves two equal parts side by side).
      del += part.value;
      ins += part.value;
    } else {
      flush();
      equal(part.value);
    }
  });
  flush();
  return out;
}

/** A run of the alignment: a block the same on both sides, or blocks removed and added at one place. */
export type Aligned = { type: "equal"; before: number; after: number } | { type: "region"; removed: number[]; added: number[] };

/** Edits an array diff may find between two anchors before the gap is taken as one region. */
const GAP_EDITS = 200;

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

/**
 * Aligns two sides' blocks by their fingerprints, patience-style, so its cost grows with the
 * document, not with how different the two sides are: blocks whose text occurs once on each
 * side are anchors, the longest run of anchors in the same order on both sides is kept
 * (a longest increasing subsequence), and each gap between kept anchors is matched by its
 * common head and tail, then by an array diff bounded to GAP_EDITS edits; what is left of a gap
 * is one region of removed and added blocks, which compareDocuments pairs by likeness.
 */
export function alignBlocks(fb: readonly string[], fa: readonly string[]): Aligned[] {
  const out: Aligned[] = [];
  const region = (removed: number[], added: number[]) => {
    if (removed.length === 0 && added.length === 0) return;
    const last = out[out.length - 1];
    if (last?.type === "region") {
      last.removed.push(...removed);
      last.added.push(...added);
    } else out.push({ type: "region", removed, added });
  };
  const gap = (bFrom: number, bTo: number, aFrom: number, aTo: number) => {
    while (bFrom < bTo && aFrom < aTo && fb[bFrom] === fa[aFrom]) out.push({ type: "equal", before: bFrom++, after: aFrom++ });
    let tail = 0;
    while (bTo - tail > bFrom && aTo - tail > aFrom && fb[bTo - 1 - tail] === fa[aTo - 1 - tail]) tail += 1;
    const bEnd = bTo - tail;
    const aEnd = aTo - tail;
    const parts = bFrom < bEnd && aFrom < aEnd ? diffArrays(fb.slice(bFrom, bEnd), fa.slice(aFrom, aEnd), { maxEditLength: GAP_EDITS }) : undefined;
    if (parts) {
      let i = bFrom;
      let j = aFrom;
      for (const part of parts) {
        const count = part.count ?? part.value.length;
        if (part.removed) region(range(i, (i += count)), []);
        else if (part.added) region([], range(j, (j += count)));
        else for (let k = 0; k < count; k++) out.push({ type: "equal", before: i++, after: j++ });
      }
    } else region(range(bFrom, bEnd), range(aFrom, aEnd));
    for (let k = 0; k < tail; k++) out.push({ type: "equal", before: bEnd + k, after: aEnd + k });
  };

  // Anchors: fingerprints that occur exactly once on each side, in the after side's order.
  const once = (fingerprints: readonly string[]) => {
    const seen = new Map<string, number>();
    fingerprints.forEach((f, k) => seen.set(f, seen.has(f) ? -1 : k));
    return seen;
  };
  const onceBefore = once(fb);
  const onceAfter = once(fa);
  const anchors: Array<[number, number]> = [];
  fa.forEach((f, ai) => {
    const bi = onceBefore.get(f);
    if (bi !== undefined && bi >= 0 && onceAfter.get(f) === ai) anchors.push([bi, ai]);
  });
  // The longest subsequence of anchors increasing on the before side too (patience sorting).
  const tails: number[] = [];
  const previous = new Array<number>(anchors.length).fill(-1);
  anchors.forEach(([bi], k) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (anchors[tails[mid]!]![0] < bi) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[k] = tails[lo - 1]!;
    tails[lo] = k;
  });
  const kept: Array<[number, number]> = [];
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k >= 0; k = previous[k]!) kept.push(anchors[k]!);
  kept.reverse();

  let b = 0;
  let a = 0;
  for (const [bi, ai] of kept) {
    gap(b, bi, a, ai);
    out.push({ type: "equal", before: bi, after: ai });
    b = bi + 1;
    a = ai + 1;
  }
  gap(b, fb.length, a, fa.length);
  return out;
}

type Step = Extract<Aligned, { type: "equal" }> | { type: "change"; change: Change };

/**
 * Compares two versions of a draft as a person reads them: block by block (paragraphs,
 * headings, list items, cells, each footnote's text where its marker is: core/versions/blocks.ts),
 * then word by word inside a block that changed. Unchanged blocks are matched by their text
 * first (alignBlocks), so a long draft with a few edits costs little more than reading both
 * sides, and two very different versions cost no more than that plus their word diffs. Blocks removed and added at one place are paired by likeness into
 * "changed"; a block removed in one place and added unchanged in another is "moved". Changes
 * that only renumber (a paragraph inserted above) are no change; a changed block names its place
 * on both sides ("para. 12 → para. 13", "note 3 → note 4").
 */
export function compareDocuments(before: CompareSide, after: CompareSide, options: CompareOptions = {}): Comparison {
  const schema = documentSchema();
  const headingNumbering = options.headingNumbering ?? NO_HEADING_NUMBERING;
  const context = Math.max(0, options.context ?? 1);
  const beforeDoc = schema.nodeFromJSON(before.doc);
  const afterDoc = schema.nodeFromJSON(after.doc);
  const b = documentBlocks(beforeDoc, headingNumbering);
  const a = documentBlocks(afterDoc, headingNumbering);
  const insertPieces = authorsOf(after.authorship, a.length);

  const inserted = (j: number): Change => {
    const block = a[j]!;
    const pieces = block.text ? insertPieces(j, 0, block.text) : [];
    return { kind: "inserted", before: null, after: sideOf(block, j), pieces, authors: [], added: wordsTouched(block.text, [[0, block.text.length]]), removed: 0 };
  };
  const deleted = (i: number): Change => {
    const block = b[i]!;
    return { kind: "deleted", before: sideOf(block, i), after: null, pieces: block.text ? [{ op: "delete", text: block.text }] : [], authors: [], added: 0, removed: wordsTouched(block.text, [[0, block.text.length]]) };
  };
  const changed = (i: number, j: number): Change => {
    const from = b[i]!;
    const to = a[j]!;
    const pieces: ComparePiece[] = [];
    const removedRanges: Array<[number, number]> = [];
    const addedRanges: Array<[number, number]> = [];
    let atBefore = 0;
    let atAfter = 0;
    for (const part of wordDiff(from.text, to.text)) {
      if (part.op === "insert") {
        pieces.push(...insertPieces(j, atAfter, part.text));
        addedRanges.push([atAfter, atAfter + part.text.length]);
        atAfter += part.text.length;
      } else if (part.op === "delete") {
        pieces.push(part);
        removedRanges.push([atBefore, atBefore + part.text.length]);
        atBefore += part.text.length;
      } else {
        pieces.push(part);
        atBefore += part.text.length;
        atAfter += part.text.length;
      }
    }
    return { kind: "changed", before: sideOf(from, i), after: sideOf(to, j), pieces, authors: [], added: wordsTouched(to.text, addedRanges), removed: wordsTouched(from.text, removedRanges) };
  };

  const fb = b.map(fingerprint);
  const fa = a.map(fingerprint);
  const pairRegion = (rs: number[], as: number[]): Step[] => {
    const out: Step[] = [];
    const pairs: Array<[number, number]> = [];
    const noteOnly = (x: TextBlock, y: TextBlock) => (x.role === "note") === (y.role === "note");
    if (rs.length === 1 && as.length === 1) {
      // One block for one, in the same place: rewritten, however much.
      if (noteOnly(b[rs[0]!]!, a[as[0]!]!)) pairs.push([rs[0]!, as[0]!]);
    } else if (rs.length * as.length <= PAIRING_BUDGET) {
      const words = new Map<number, Set<string>>();
      const setOfAfter = (k: number) => {
        let set = words.get(k);
        if (!set) words.set(k, (set = wordSet(a[k]!.text)));
        return set;
      };
      let next = 0;
      for (const r of rs) {
        const mine = wordSet(b[r]!.text);
        let best = -1;
        let bestLikeness = LIKENESS_MIN;
        for (let k = next; k < as.length; k++) {
          if (!noteOnly(b[r]!, a[as[k]!]!)) continue;
          const value = likeness(mine, setOfAfter(as[k]!));
          if (value > bestLikeness || (best < 0 && value >= bestLikeness)) {
            best = k;
            bestLikeness = value;
          }
        }
        if (best >= 0) {
          pairs.push([r, as[best]!]);
          next = best + 1;
        }
      }
    } else {
      // Too many to try every pair: the k-th removed with the k-th added, when they are alike.
      for (let k = 0; k < Math.min(rs.length, as.length); k++) {
        const [r, s] = [b[rs[k]!]!, a[as[k]!]!];
        if (noteOnly(r, s) && likeness(wordSet(r.text), wordSet(s.text)) >= LIKENESS_MIN) pairs.push([rs[k]!, as[k]!]);
      }
    }
    let r = 0;
    let s = 0;
    for (const [pr, pa] of pairs) {
      while (rs[r]! < pr) out.push({ type: "change", change: deleted(rs[r++]!) });
      while (as[s]! < pa) out.push({ type: "change", change: inserted(as[s++]!) });
      // The same text (a repeated paragraph the alignment left in a region) is no change.
      out.push(fb[pr] === fa[pa] ? { type: "equal", before: pr, after: pa } : { type: "change", change: changed(pr, pa) });
      r += 1;
      s += 1;
    }
    while (r < rs.length) out.push({ type: "change", change: deleted(rs[r++]!) });
    while (s < as.length) out.push({ type: "change", change: inserted(as[s++]!) });
    return out;
  };

  const steps: Step[] = [];
  for (const part of alignBlocks(fb, fa)) {
    if (part.type === "equal") steps.push(part);
    else steps.push(...pairRegion(part.removed, part.added));
  }

  // A block deleted in one place and inserted with the same text in another moved.
  const deletedByText = new Map<string, Step[]>();
  for (const step of steps) {
    if (step.type === "change" && step.change.kind === "deleted" && b[step.change.before!.blockIndex]!.text.trim()) {
      const key = fb[step.change.before!.blockIndex]!;
      deletedByText.set(key, [...(deletedByText.get(key) ?? []), step]);
    }
  }
  const gone = new Set<Step>();
  if (deletedByText.size > 0) {
    for (const step of steps) {
      if (step.type !== "change" || step.change.kind !== "inserted") continue;
      const source = deletedByText.get(fa[step.change.after!.blockIndex]!)?.shift();
      if (!source || source.type !== "change") continue;
      gone.add(source);
      const text = a[step.change.after!.blockIndex]!.text;
      step.change = { kind: "moved", before: source.change.before, after: step.change.after, pieces: [{ op: "equal", text }], authors: [], added: 0, removed: 0 };
    }
  }

  // Changes a reader cannot see (a blank line added or removed) are left out.
  const visible = (change: Change) =>
    change.kind === "moved" || change.pieces.some((p) => p.op !== "equal") || (change.kind === "changed" && change.before!.role !== change.after!.role);
  const kept = steps.filter((step) => !gone.has(step) && (step.type === "equal" || visible(step.change)));

  const changes: Change[] = [];
  const inline: InlineEntry[] = [];
  const near = new Array<boolean>(kept.length).fill(false);
  kept.forEach((step, k) => {
    if (step.type !== "change") return;
    for (let d = Math.max(0, k - context); d <= Math.min(kept.length - 1, k + context); d++) near[d] = true;
  });
  let collapsed = 0;
  kept.forEach((step, k) => {
    if (step.type === "equal" && !near[k]) {
      collapsed += 1;
      return;
    }
    if (collapsed > 0) inline.push({ type: "unchanged", count: collapsed });
    collapsed = 0;
    if (step.type === "equal") {
      const block = a[step.after]!;
      inline.push({ type: "block", change: null, kind: "unchanged", role: block.role, place: block.place, pieces: block.text ? [{ op: "equal", text: block.text }] : [] });
      return;
    }
    const change = step.change;
    const seen = new Set<string | null>();
    for (const piece of change.pieces) if (piece.op === "insert" && piece.author !== undefined) seen.add(piece.author);
    change.authors = [...seen];
    changes.push(change);
    const side = (change.after ?? change.before)!;
    inline.push({ type: "block", change: changes.length - 1, kind: change.kind, role: side.role, place: side.place, pieces: change.pieces });
  });
  if (collapsed > 0) inline.push({ type: "unchanged", count: collapsed });

  return {
    changes,
    totals: changes.reduce((sum, c) => ({ added: sum.added + c.added, removed: sum.removed + c.removed }), { added: 0, removed: 0 }),
    words: { before: countDocumentWords(beforeDoc, options.counts ?? ALL_PARTS).counted, after: countDocumentWords(afterDoc, options.counts ?? ALL_PARTS).counted },
    inline,
  };
}
