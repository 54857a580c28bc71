import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { findQuote, resolveAnchor, type YBodyBinding } from "../../../core/comments/anchors";
import type { ThreadView } from "../../../core/comments/contract";
import { resolveSuggestionRange } from "../../../core/suggestions/anchors";

export type ThreadRange = { from: number; to: number } | null;

interface HighlightState {
  threads: readonly ThreadView[];
  activeId: string | null;
  /** Where each thread's text is now; null = its text was deleted (the thread is detached). */
  ranges: ReadonlyMap<string, ThreadRange>;
  decorations: DecorationSet;
}

type Meta = { threads: readonly ThreadView[] } | { activeId: string | null };

export const commentHighlightsKey = new PluginKey<HighlightState>("commentHighlights");

/** The editor's Y.Doc binding (y-prosemirror), once it exists. */
function bindingOf(state: EditorState): YBodyBinding | null {
  const sync = ySyncPluginKey.getState(state) as { doc: YBodyBinding["doc"]; type: YBodyBinding["body"]; binding: { mapping: YBodyBinding["mapping"] } | null } | undefined;
  return sync?.binding ? { doc: sync.doc, body: sync.type, mapping: sync.binding.mapping } : null;
}

/** Each thread's range: its anchor, or else its quoted words where they stand alone now. */
function resolveAll(state: EditorState, threads: readonly ThreadView[]): Map<string, ThreadRange> {
  const binding = bindingOf(state);
  if (!binding) return new Map(threads.map((thread) => [thread.id, null]));
  // A suggestion's range may be empty (a proposed insertion is a place, not words).
  return new Map(
    threads.map((thread) => [
      thread.id,
      thread.suggestion ? resolveSuggestionRange(binding, thread.anchor) : (resolveAnchor(binding, thread.anchor) ?? findQuote(state.doc, thread.anchor.quote)),
    ]),
  );
}

function decorate(state: EditorState, threads: readonly ThreadView[], ranges: ReadonlyMap<string, ThreadRange>, activeId: string | null): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of threads) {
    const range = ranges.get(thread.id);
    // Suggestions are drawn by their own plugin (suggestion-marks.ts), struck through and underlined.
    if (!range || thread.status !== "open" || thread.suggestion) continue;
    const className = thread.id === activeId ? "comment-highlight is-active" : "comment-highlight";
    decorations.push(Decoration.inline(range.from, range.to, { class: className, "data-thread-id": thread.id }, { threadId: thread.id }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/**
 * Our own edits move ranges with the transaction's mapping (the Y.Doc and y-prosemirror's node
 * mapping catch up only after the view updates); edits from others arrive as y-sync
 * transactions, after which the anchors are resolved again from the Y.Doc. Both keep text typed
 * at the start of a range inside it and text typed at its end outside, as Yjs positions do.
 */
function apply(tr: Transaction, value: HighlightState, _old: EditorState, state: EditorState): HighlightState {
  const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
  const threads = meta && "threads" in meta ? meta.threads : value.threads;
  const activeId = meta && "activeId" in meta ? meta.activeId : value.activeId;
  let ranges = value.ranges;
  if ((meta && "threads" in meta) || tr.getMeta(ySyncPluginKey)) ranges = resolveAll(state, threads);
  else if (tr.docChanged) {
    const suggestions = new Set(threads.filter((thread) => thread.suggestion).map((thread) => thread.id));
    ranges = new Map(
      [...value.ranges].map(([id, range]) => {
        if (!range) return [id, null];
        const from = tr.mapping.map(range.from, -1);
        const to = tr.mapping.map(range.to, -1);
        return [id, from < to || (from === to && suggestions.has(id)) ? { from, to } : null];
      }),
    );
  } else if (!meta) return value;
  return { threads, activeId, ranges, decorations: decorate(state, threads, ranges, activeId) };
}

/** Highlights of open comment threads over their text; commenting never writes into the Y.Doc. */
export const CommentHighlights = Extension.create({
  name: "commentHighlights",
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null, ranges: new Map(), decorations: DecorationSet.empty }),
          apply,
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});

export function showThreads(editor: Editor, threads: readonly ThreadView[]): void {
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { threads } satisfies Meta).setMeta("addToHistory", false));
}

export function setActiveThread(editor: Editor, activeId: string | null): void {
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { activeId } satisfies Meta).setMeta("addToHistory", false));
}

/** Each thread's current range (null: detached), as the highlights show them. */
export function threadRanges(state: EditorState): ReadonlyMap<string, ThreadRange> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}

/** The binding to anchor a new thread against (null until the document is bound). */
export { bindingOf };
