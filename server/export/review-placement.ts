import { Slice, type Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { relativePositionToAbsolutePosition } from "@tiptap/y-tiptap";
import { fromBase64 } from "lib0/buffer";
import * as Y from "yjs";
import { findQuote, type YBodyBinding } from "../../core/comments/anchors";
import type { CommentView, ThreadView } from "../../core/comments/contract";
import type { CoverOrganisationRecord } from "../../core/export/export-cover";
import { COMMENT_MARK, DELETION_MARK, INSERTION_MARK, reviewSchema, type ExportComment } from "../../core/export/review-marks";

/**
 * Where the open suggestions and open comment threads of a review copy (issue 20) go in the
 * text: each thread's anchor resolved to ProseMirror positions, then the suggestions written as
 * insertion and deletion marks (the proposed slice placed right after the text it replaces, as
 * Word shows a replacement) and the threads as comment marks, on a copy of the draft in the
 * review schema. The export model reads that copy like any draft. Pure: the caller reads the
 * stored Y.Doc and the thread views (review-copy.ts).
 */

/** A thread that belongs in the review copy, and its text's place in the draft as read. */
export interface ThreadRange {
  thread: ThreadView;
  from: number;
  /** Equal to `from` for a suggestion that only inserts. */
  to: number;
}

/** What placement made, and what it had to leave out (counted for the audit, never the text). */
export interface ReviewPlacement {
  /** The draft with the review marks, in reviewSchema. */
  doc: PMNode;
  comments: ExportComment[];
  /** Every name a tracked change is signed with, once each (the disclosure check reads them). */
  authors: string[];
  /** Open suggestions placed as tracked changes, and comment threads placed as comments. */
  placed: { suggestions: number; threads: number };
  /**
   * Left out: `detached`, a thread whose text is gone; `stale`, a suggestion whose text was
   * changed since (the card asks for a refresh); `overlapping`, a suggestion inside another's
   * range (Word cannot delete text twice); `unreadable`, a slice the schema refuses.
   */
  left: { detached: number; stale: number; overlapping: number; unreadable: number };
}

type Organisations = ReadonlyArray<Pick<CoverOrganisationRecord, "id" | "name" | "acronym" | "confidential">>;

/**
 * The name a change or comment is signed with: the person, then their organisation when it is
 * not confidential (decision 011: a confidential organisation is never named outside its
 * workspace). An organisation no longer in the workspace is not named either: nothing says it
 * was not confidential.
 */
export function printedAuthor(name: string, organisationId: string | null, organisations: Organisations): string {
  const person = name.trim() || "—";
  const organisation = organisationId ? organisations.find((o) => o.id === organisationId) : undefined;
  if (!organisation || organisation.confidential) return person;
  return `${person} (${organisation.acronym.trim() || organisation.name})`;
}

/** Word's w:date is an xsd:dateTime: to the second, in UTC. */
const wordDate = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");

const bare = (text: string) => text.replace(/\s+/g, "");

/**
 * Whether the accepted text between `from` and `to` is still what the suggestion deletes.
 * Whitespace and block breaks are not compared, and a note's words inside the range may or may
 * not have been counted by whoever stored `deleted`: either reading is accepted.
 */
function stillReads(doc: PMNode, from: number, to: number, deleted: string): boolean {
  let outsideNotes = "";
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name === "footnote") return false;
    if (node.isText) outsideNotes += node.text!.slice(Math.max(0, from - pos), to - pos);
    return true;
  });
  const wanted = bare(deleted);
  return bare(doc.textBetween(from, to)) === wanted || bare(outsideNotes) === wanted;
}

function positionOf(binding: YBodyBinding, encoded: string): number | null {
  const mapping = binding.mapping as Parameters<typeof relativePositionToAbsolutePosition>[3];
  try {
    return relativePositionToAbsolutePosition(binding.doc, binding.body, Y.decodeRelativePosition(fromBase64(encoded)), mapping);
  } catch {
    return null;
  }
}

/**
 * The threads a review copy carries, placed in `doc` (the body `binding` maps): open
 * suggestions, and open comment threads. A comment thread whose anchor collapsed falls back to
 * its quote, as the side column does; a suggestion may be empty (a pure insertion) but not
 * inverted. Returned in text order, with how many were left out because their text is gone.
 */
export function threadRanges(binding: YBodyBinding, doc: PMNode, threads: readonly ThreadView[]): { ranges: ThreadRange[]; detached: number } {
  const ranges: ThreadRange[] = [];
  let detached = 0;
  for (const thread of threads) {
    const suggestion = thread.suggestion;
    if (suggestion ? suggestion.state !== "open" : thread.status !== "open") continue;
    const from = positionOf(binding, thread.anchor.start);
    const to = positionOf(binding, thread.anchor.end);
    const inText = from !== null && to !== null && (suggestion ? from <= to : from < to) && to <= doc.content.size;
    if (inText) ranges.push({ thread, from, to });
    else if (!suggestion && findQuote(doc, thread.anchor.quote)) ranges.push({ thread, ...findQuote(doc, thread.anchor.quote)! });
    else detached += 1;
  }
  ranges.sort((a, b) => a.from - b.from || a.to - b.to);
  return { ranges, detached };
}

/** A thread's remarks as Word comments: the first standing one opens, the others reply to it. */
function threadComments(comments: readonly CommentView[], nextId: number): ExportComment[] {
  const shown = comments.filter((c) => !c.deleted && c.body.trim());
  return shown.map((c, i) => ({
    id: nextId + i,
    ...(i > 0 ? { parentId: nextId } : {}),
    author: c.authorName.trim() || "—",
    date: wordDate(c.createdAt),
    text: c.body,
  }));
}

/**
 * Writes `ranges` (text order, positions in `doc`) into a review-schema copy of `doc`. Each
 * suggestion marks the accepted text between its anchors as deleted and inserts its slice right
 * after, marked as inserted; later positions are mapped through the earlier insertions. A
 * suggestion that starts inside an earlier one's range is left out, and so is a stale one. Each
 * thread with comments (a suggestion's discussion too) becomes a comment over its text, the
 * inserted text included.
 */
export function placeReview(doc: PMNode, ranges: readonly ThreadRange[], organisations: Organisations): ReviewPlacement {
  const schema = reviewSchema(doc.type.schema);
  const tr = new Transform(schema.nodeFromJSON(doc.toJSON()));
  const left = { detached: 0, stale: 0, overlapping: 0, unreadable: 0 };
  // Where each thread's text ended up, in the transform's coordinates after `steps` steps.
  const spans = new Map<ThreadRange, { from: number; to: number; steps: number }>();
  const authors = new Set<string>();
  let changeId = 0;
  let reached = 0;

  for (const range of ranges) {
    const suggestion = range.thread.suggestion;
    if (!suggestion) continue;
    if (range.from < reached) {
      left.overlapping += 1;
      continue;
    }
    if (!stillReads(doc, range.from, range.to, suggestion.deleted)) {
      left.stale += 1;
      continue;
    }
    let slice: Slice | null = null;
    try {
      slice = suggestion.insert ? Slice.fromJSON(schema, suggestion.insert) : null;
    } catch {
      left.unreadable += 1;
      continue;
    }
    const attrs = { id: ++changeId, author: printedAuthor(suggestion.authorName, suggestion.organisationId, organisations), date: wordDate(suggestion.updatedAt) };
    authors.add(attrs.author);
    // assoc 1: text inserted by the suggestion before, at this very place, stays before this one.
    const from = tr.mapping.map(range.from, 1);
    const to = tr.mapping.map(range.to, 1);
    if (to > from) tr.addMark(from, to, schema.marks[DELETION_MARK]!.create(attrs));
    let end = to;
    if (slice && slice.size > 0) {
      const before = tr.steps.length;
      tr.replace(to, to, slice);
      const inserted = tr.mapping.slice(before);
      end = inserted.map(to, 1);
      if (end > to) tr.addMark(inserted.map(to, -1), end, schema.marks[INSERTION_MARK]!.create(attrs));
    }
    reached = range.to;
    spans.set(range, { from, to: end, steps: tr.steps.length });
  }

  const comments: ExportComment[] = [];
  let threadsPlaced = 0;
  for (const range of ranges) {
    const span = spans.get(range);
    if (range.thread.suggestion && !span) continue;
    const later = tr.mapping.slice(span?.steps ?? 0);
    const from = later.map(span?.from ?? range.from, 1);
    const to = later.map(span?.to ?? range.to, -1);
    const remarks = threadComments(range.thread.comments, comments.length);
    if (remarks.length === 0 || to <= from) continue;
    comments.push(...remarks);
    tr.addMark(from, to, schema.marks[COMMENT_MARK]!.create({ id: remarks[0]!.id }));
    if (!range.thread.suggestion) threadsPlaced += 1;
  }
  return { doc: tr.doc, comments, authors: [...authors], placed: { suggestions: spans.size, threads: threadsPlaced }, left };
}

/** threadRanges then placeReview: the whole placement from the stored Y.Doc's binding. */
export function placeReviewThreads(binding: YBodyBinding, doc: PMNode, threads: readonly ThreadView[], organisations: Organisations): ReviewPlacement {
  const { ranges, detached } = threadRanges(binding, doc, threads);
  const placement = placeReview(doc, ranges, organisations);
  return { ...placement, left: { ...placement.left, detached } };
}
