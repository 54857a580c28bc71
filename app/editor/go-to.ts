import { Extension, type Editor } from "@tiptap/react";
import { NodeSelection, Plugin, PluginKey, type Selection } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/** How long the target of a "Go to" stays marked: long enough to find, short enough not to linger. */
export const GO_TO_MARK_MS = 1600;

const goToKey = new PluginKey<DecorationSet>("goToTarget");

/**
 * Marks the target of a "Go to" (a check's finding, an outline heading, a comment's words) with
 * a decoration, so the mark is ProseMirror's to draw and remove: a class written on the page's
 * DOM by hand would be read back as an edit or lost on the next redraw.
 */
export const GoToTarget = Extension.create({
  name: "goToTarget",
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: goToKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, marks) {
            const meta = tr.getMeta(goToKey) as { from: number; to: number; node: boolean } | null | undefined;
            if (meta === null) return DecorationSet.empty;
            if (meta) {
              const mark = meta.node ? Decoration.node(meta.from, meta.to, { class: "go-to-target" }) : Decoration.inline(meta.from, meta.to, { class: "go-to-target" });
              return DecorationSet.create(tr.doc, [mark]);
            }
            return marks.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => goToKey.getState(state) },
      }),
    ];
  },
});

/**
 * The element to bring into view for a position: the top-level block holding it, whose CSS
 * scroll-margin clears the sticky bars above the page (ProseMirror's own scrollIntoView knows
 * nothing of them and leaves the target under the toolbar).
 */
function blockElementAt(editor: Editor, pos: number): HTMLElement | null {
  const { view } = editor;
  const $pos = view.state.doc.resolve(Math.min(pos, view.state.doc.content.size));
  const start = $pos.depth > 0 ? $pos.before(1) : pos;
  const dom = view.nodeDOM(start);
  return dom instanceof HTMLElement ? dom : null;
}

let clearTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Moves the cursor to `selection`, scrolls its block clear of the sticky bars, and marks the
 * target briefly. Smooth scrolling and the fading mark give way to an instant jump and a plain
 * outline for people who ask their system for reduced motion (the CSS reads the same setting).
 */
export function goTo(editor: Editor, selection: Selection): void {
  editor.view.dispatch(editor.state.tr.setSelection(selection).setMeta(goToKey, markFor(selection)));
  // ProseMirror focuses without scrolling; the scroll is ours, below.
  editor.view.focus();
  const reduced = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  blockElementAt(editor, selection.from)?.scrollIntoView({ block: "start", behavior: reduced ? "auto" : "smooth" });
  clearTimeout(clearTimer);
  clearTimer = setTimeout(() => {
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(goToKey, null));
  }, GO_TO_MARK_MS);
}

/** What to mark: the selected node (a note's marker), the selected words, or the block of a bare cursor (a heading). */
function markFor(selection: Selection): { from: number; to: number; node: boolean } {
  if (selection instanceof NodeSelection) return { from: selection.from, to: selection.to, node: true };
  if (!selection.empty) return { from: selection.from, to: selection.to, node: false };
  const { $from } = selection;
  if ($from.depth === 0) return { from: selection.from, to: selection.from, node: false };
  return { from: $from.before(1), to: $from.after(1), node: true };
}
