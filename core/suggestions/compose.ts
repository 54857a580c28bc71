import { Slice, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import { ReplaceStep, type Step } from "@tiptap/pm/transform";
import { concatSlices, dropLastCharacter } from "./slices";

/**
 * Suggesting mode turns what a person types into suggestions instead of edits (decision 022).
 * The editor's transaction is not applied; this module reads what it would have changed and
 * says which suggestion of this person's that makes, so typing on, Backspace and Delete grow or
 * shrink one suggestion as they would grow or shrink text, and a replacement is one suggestion.
 */

export interface Range {
  from: number;
  to: number;
}

/** What an edit would have done: replace the accepted text [from, to) with `insert`. */
export interface ProposedChange extends Range {
  insert: Slice;
}

/** One of this person's open suggestions, where it stands in the document now. */
export interface OwnSuggestion {
  id: string;
  range: Range;
  insert: Slice;
}

export type Composition =
  | { kind: "create"; range: Range; insert: Slice; cursor: number }
  | { kind: "update"; id: string; range: Range; insert: Slice; cursor: number }
  /** Nothing is left of the suggestion: it is withdrawn. */
  | { kind: "remove"; id: string; cursor: number }
  /** Nothing to record: the cursor only moves (Backspace over text already struck through). */
  | { kind: "move"; cursor: number };

/**
 * The change a transaction would have made, from its steps: one replace step is taken as it is
 * (typing "a" next to an "a" stays where it was typed), anything else (lists wrapped, marks) as
 * the difference between the documents before and after.
 */
export function proposedChange(before: PMNode, after: PMNode, steps: readonly Step[]): ProposedChange | null {
  const only = steps.length === 1 ? steps[0] : undefined;
  if (only instanceof ReplaceStep) {
    const { from, to, slice } = only;
    return from === to && slice.size === 0 ? null : { from, to, insert: slice };
  }
  const start = before.content.findDiffStart(after.content);
  if (start === null) return null;
  let { a: endA, b: endB } = before.content.findDiffEnd(after.content)!;
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  return { from: start, to: endA, insert: after.slice(start, endB) };
}

const touches = (a: Range, b: Range) => a.from <= b.to && b.from <= a.to;

/**
 * Which suggestion the change makes or changes. `head` is the cursor before the change: a
 * deletion that ends at it was Backspace, one that starts at it was Delete.
 */
export function compose(schema: Schema, change: ProposedChange, own: readonly OwnSuggestion[], head: number): Composition {
  const { from, to, insert } = change;
  const deleting = insert.size === 0;
  if (from === to) {
    // Typing: on at the end of one's own suggestion, or a new insertion here.
    const extended = own.find((s) => s.range.to === from);
    if (extended) return { kind: "update", id: extended.id, range: extended.range, insert: concatSlices(schema, extended.insert, insert), cursor: from };
    return { kind: "create", range: { from, to: from }, insert, cursor: from };
  }
  if (!deleting) return { kind: "create", range: { from, to }, insert, cursor: to };

  const backspace = head === to;
  // Backspace right after one's own proposed words takes their last character back.
  const typedHere = backspace ? own.find((s) => s.range.to === to && s.insert.size > 0) : undefined;
  if (typedHere) {
    const shorter = dropLastCharacter(schema, typedHere.insert);
    if (shorter.size === 0 && typedHere.range.from === typedHere.range.to) return { kind: "remove", id: typedHere.id, cursor: to };
    return { kind: "update", id: typedHere.id, range: typedHere.range, insert: shorter, cursor: to };
  }
  const struck = own.find((s) => s.insert.size === 0 && s.range.from < s.range.to && touches(s.range, change));
  if (struck) {
    // Inside text already struck through: the cursor steps over it, as over a deleted word.
    if (from >= struck.range.from && to <= struck.range.to) return { kind: "move", cursor: backspace ? struck.range.from : struck.range.to };
    const range = { from: Math.min(from, struck.range.from), to: Math.max(to, struck.range.to) };
    return { kind: "update", id: struck.id, range, insert: Slice.empty, cursor: backspace ? range.from : range.to };
  }
  return { kind: "create", range: { from, to }, insert: Slice.empty, cursor: backspace ? from : to };
}

/**
 * The accepted text of a range as a suggestion records it and later compares it: a suggestion
 * whose text has since been changed by someone else is stale, and cannot be accepted as it is.
 */
export function acceptedText(doc: PMNode, range: Range): string {
  return doc.textBetween(range.from, range.to, "\n", (leaf) => (leaf.type.name === "hardBreak" ? "\n" : ""));
}
