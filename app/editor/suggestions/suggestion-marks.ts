import { Extension } from "@tiptap/core";
import type { Node as PMNode, Slice } from "@tiptap/pm/model";
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { resolveSuggestionRange } from "../../../core/suggestions/anchors";
import { acceptedText, proposedChange, type ProposedChange, type Range } from "../../../core/suggestions/compose";
import type { SuggestionAnchor } from "../../../core/suggestions/contract";
import { PARAGRAPH_BREAK, slicePieces } from "../../../core/suggestions/slices";
import { bindingOf } from "../comments/comment-highlights";

/** One open suggestion as the page shows it: the server's, or this person's being typed. */
export interface SuggestionItem {
  /** The thread's id, or a local key until the server has stored it. */
  id: string;
  anchor: SuggestionAnchor;
  deleted: string;
  insert: Slice;
  authorName: string;
  color: string;
  mine: boolean;
}

export type EditorMode = "editing" | "suggesting" | "viewing";

interface MarksState {
  items: readonly SuggestionItem[];
  /** Where each suggestion is now (null: its place is gone). */
  ranges: ReadonlyMap<string, Range | null>;
  /** Suggestions whose accepted text someone else has changed since: Accept waits for a refresh. */
  stale: ReadonlySet<string>;
  decorations: DecorationSet;
}

export const suggestionMarksKey = new PluginKey<MarksState>("suggestionMarks");
/** A transaction that applies accepted suggestions: it passes in Suggesting mode too. */
export const APPLYING_SUGGESTIONS = "caucus:applyingSuggestions";

function resolveAll(state: EditorState, items: readonly SuggestionItem[]) {
  const binding = bindingOf(state);
  const ranges = new Map<string, Range | null>();
  const stale = new Set<string>();
  for (const item of items) {
    const range = binding ? resolveSuggestionRange(binding, item.anchor) : null;
    ranges.set(item.id, range);
    if (!range || (item.deleted !== "" && acceptedText(state.doc, range) !== item.deleted)) stale.add(item.id);
  }
  return { ranges, stale };
}

/** The proposed words, drawn where they would go: paragraph breaks as ¶, notes as a marker. */
function insertWidget(item: SuggestionItem, isStale: boolean): HTMLElement {
  const span = document.createElement("span");
  span.className = isStale ? "suggestion-insert is-stale" : "suggestion-insert";
  span.dataset.suggestionId = item.id;
  span.style.setProperty("--suggestion-color", item.color);
  span.title = item.authorName;
  for (const piece of slicePieces(item.insert)) {
    if (piece.kind === "text") span.append(piece.text);
    else if (piece.kind === "break") span.append(` ${PARAGRAPH_BREAK} `);
    else {
      const note = document.createElement("sup");
      note.className = "suggestion-note";
      note.textContent = "*";
      note.title = piece.text;
      span.append(note);
    }
  }
  return span;
}

/** Decorations for the suggestions inside [from, to], with positions made relative to `offset` (a note's own view). */
function decorationsWithin(items: readonly SuggestionItem[], ranges: ReadonlyMap<string, Range | null>, stale: ReadonlySet<string>, from: number, to: number, offset: number): Decoration[] {
  const decorations: Decoration[] = [];
  for (const item of items) {
    const range = ranges.get(item.id);
    if (!range || range.from < from || range.to > to) continue;
    const isStale = stale.has(item.id);
    const style = `--suggestion-color: ${item.color}`;
    if (range.from < range.to) {
      decorations.push(
        Decoration.inline(range.from - offset, range.to - offset, { class: isStale ? "suggestion-delete is-stale" : "suggestion-delete", style, "data-suggestion-id": item.id }),
      );
    }
    if (item.insert.size > 0) {
      // Before the cursor at that place (side -1): typing on appears after the proposed words.
      decorations.push(
        Decoration.widget(range.to - offset, () => insertWidget(item, isStale), { side: -1, key: `${item.id}:${item.insert.content.toString()}:${isStale}`, ignoreSelection: true }),
      );
    }
  }
  return decorations;
}

function decorate(doc: PMNode, items: readonly SuggestionItem[], ranges: ReadonlyMap<string, Range | null>, stale: ReadonlySet<string>): DecorationSet {
  return DecorationSet.create(doc, decorationsWithin(items, ranges, stale, 0, doc.content.size, 0));
}

interface Placed {
  item: SuggestionItem;
  range: Range;
}

/** Each marks state's placed suggestions by start, built once: a note finds its own by binary search. */
const BY_START = new WeakMap<MarksState, Placed[]>();
function placedByStart(marks: MarksState): Placed[] {
  let placed = BY_START.get(marks);
  if (!placed) {
    placed = [];
    for (const item of marks.items) {
      const range = marks.ranges.get(item.id);
      if (range) placed.push({ item, range });
    }
    placed.sort((a, b) => a.range.from - b.range.from);
    BY_START.set(marks, placed);
  }
  return placed;
}

/** The placed suggestions that lie inside [start, end]. */
function placedWithin(marks: MarksState, start: number, end: number): Placed[] {
  const placed = placedByStart(marks);
  let low = 0;
  let high = placed.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (placed[middle]!.range.from < start) low = middle + 1;
    else high = middle;
  }
  const found: Placed[] = [];
  for (let i = low; i < placed.length && placed[i]!.range.from <= end; i++) if (placed[i]!.range.to <= end) found.push(placed[i]!);
  return found;
}

/**
 * The suggestions inside one footnote, for the note's own small view (note-editor.ts), which
 * starts at `start` in the page: the page's decorations do not reach into a node view's editor.
 */
export function suggestionDecorationsIn(state: EditorState, start: number, end: number): Decoration[] {
  const marks = suggestionMarksKey.getState(state);
  if (!marks || marks.items.length === 0) return [];
  const within = placedWithin(marks, start, end);
  if (within.length === 0) return [];
  return decorationsWithin(
    within.map((p) => p.item),
    marks.ranges,
    marks.stale,
    start,
    end,
    start,
  );
}

function apply(tr: Transaction, value: MarksState, _old: EditorState, state: EditorState): MarksState {
  const items = (tr.getMeta(suggestionMarksKey) as { items: readonly SuggestionItem[] } | undefined)?.items;
  if (!items && !tr.docChanged) return value;
  const next = items ?? value.items;
  const { ranges, stale } = resolveAll(state, next);
  return { items: next, ranges, stale, decorations: decorate(state.doc, next, ranges, stale) };
}

export interface SuggestionMarksOptions {
  mode: () => EditorMode;
  /** What an edit in Suggesting mode would have changed, and where the cursor was. */
  propose: (change: ProposedChange, head: number) => void;
}

/**
 * Open suggestions drawn over the text (struck through, proposed words underlined in the
 * author's colour), and Suggesting mode itself: an edit is not applied but handed to `propose`,
 * so nothing this person types in that mode reaches the Y.Doc. Viewing refuses edits outright.
 */
export const SuggestionMarks = Extension.create<SuggestionMarksOptions>({
  name: "suggestionMarks",
  addOptions: () => ({ mode: () => "editing", propose: () => undefined }),
  addProseMirrorPlugins() {
    const { options } = this;
    return [
      new Plugin<MarksState>({
        key: suggestionMarksKey,
        state: {
          init: () => ({ items: [], ranges: new Map(), stale: new Set(), decorations: DecorationSet.empty }),
          apply,
        },
        props: { decorations: (state) => suggestionMarksKey.getState(state)?.decorations },
        filterTransaction(tr, state) {
          if (!tr.docChanged || tr.getMeta(ySyncPluginKey) || tr.getMeta(APPLYING_SUGGESTIONS)) return true;
          const mode = options.mode();
          if (mode === "editing") return true;
          if (mode === "suggesting") {
            const change = proposedChange(state.doc, tr.doc, tr.steps);
            const head = state.selection.head;
            // After this dispatch has returned: proposing dispatches transactions of its own.
            if (change) queueMicrotask(() => options.propose(change, head));
          }
          return false;
        },
      }),
    ];
  },
});

/** Draws these suggestions; with `cursor`, puts the caret there in the same transaction (one per keystroke). */
export function showSuggestions(view: { state: EditorState; dispatch: (tr: Transaction) => void }, items: readonly SuggestionItem[], cursor?: number): void {
  const tr = view.state.tr.setMeta(suggestionMarksKey, { items }).setMeta("addToHistory", false);
  if (cursor !== undefined) tr.setSelection(TextSelection.create(tr.doc, Math.min(cursor, tr.doc.content.size)));
  view.dispatch(tr);
}

export function suggestionState(state: EditorState): MarksState | undefined {
  return suggestionMarksKey.getState(state);
}
