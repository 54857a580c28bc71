import { Schema, type Mark } from "@tiptap/pm/model";

/**
 * What a review copy (issue 20) adds to the text it exports: open suggestions as tracked
 * changes and open comment threads as comment ranges. Placement (server/export/review-placement.ts)
 * writes them as marks on a copy of the draft in `reviewSchema`, so the one export model reads
 * them where it reads bold and links, in the body and inside footnotes alike. The editor's schema
 * never has these marks: a clean export cannot carry them.
 */

/** Text a suggestion would insert (Word's w:ins) or delete (w:del). */
export interface TrackedChange {
  kind: "insertion" | "deletion";
  /** The suggestion's number in this export: runs of one suggestion share it. */
  id: number;
  /** As it may be printed: the person, and their organisation only when it is not confidential. */
  author: string;
  /** ISO 8601, to the second. */
  date: string;
}

/** One remark of a comment thread, as a Word comment; replies name the comment they answer. */
export interface ExportComment {
  /** Word's comment id: runs carrying it in `comments` are the commented text. */
  id: number;
  /** The thread's opening comment's id, for a reply; a reply covers the same text as it. */
  parentId?: number;
  author: string;
  date: string;
  text: string;
}

export const INSERTION_MARK = "reviewInsertion";
export const DELETION_MARK = "reviewDeletion";
export const COMMENT_MARK = "reviewComment";

const CHANGE_ATTRS = { id: {}, author: {}, date: {} };

let cached: { base: Schema; review: Schema } | null = null;

/**
 * The document schema with the review marks added. Comment marks stack (several threads can
 * cover one word); a run is inserted or deleted by one suggestion at most (placement never
 * lets two overlap).
 */
export function reviewSchema(base: Schema): Schema {
  if (cached?.base === base) return cached.review;
  const review = new Schema({
    nodes: base.spec.nodes,
    marks: base.spec.marks.append({
      [INSERTION_MARK]: { attrs: CHANGE_ATTRS, excludes: DELETION_MARK, inclusive: false },
      [DELETION_MARK]: { attrs: CHANGE_ATTRS, excludes: INSERTION_MARK, inclusive: false },
      [COMMENT_MARK]: { attrs: { id: {} }, excludes: "", inclusive: false },
    }),
  });
  cached = { base, review };
  return review;
}

/**
 * What a text node's review marks say, as the export model's run fields; {} for a clean
 * document, so a clean model has no trace of them (not even an undefined key).
 */
export function reviewOf(marks: readonly Mark[]): { change?: TrackedChange; comments?: number[] } {
  const out: { change?: TrackedChange; comments?: number[] } = {};
  for (const mark of marks) {
    const name = mark.type.name;
    if (name === INSERTION_MARK || name === DELETION_MARK) {
      const { id, author, date } = mark.attrs as { id: number; author: string; date: string };
      out.change = { kind: name === INSERTION_MARK ? "insertion" : "deletion", id, author, date };
    } else if (name === COMMENT_MARK) (out.comments ??= []).push(Number(mark.attrs.id));
  }
  return out;
}
