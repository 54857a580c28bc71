import { baseKeymap, toggleMark } from "@tiptap/pm/commands";
import { keymap } from "@tiptap/pm/keymap";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, type Command, type Transaction } from "@tiptap/pm/state";
import { StepMap } from "@tiptap/pm/transform";
import { insertCitation } from "../../../core/editor/nodes/citation";
import { Decoration, DecorationSet, EditorView, type NodeView } from "@tiptap/pm/view";
import { suggestionDecorationsIn } from "../suggestions/suggestion-marks";

export interface NoteEditorOptions {
  /** The page's view: every keystroke in the note becomes a step there, so Yjs carries it. */
  outer: EditorView;
  /** Where the footnote node sits in the page now, or undefined once it is gone. */
  getPos: () => number | undefined;
  editable: () => boolean;
  /** The page's own undo and redo (Yjs: only this person's changes). */
  undo: () => void;
  redo: () => void;
  onEscape?: () => void;
  label: string;
  /** How each citation in this note reads now (UN style, "Ibid." computed from the notes before). */
  citationTexts?: () => string[] | undefined;
}

/** A citation shows its computed reading ("Ibid., para. 55"), which is never stored. */
class CitationView implements NodeView {
  readonly dom = document.createElement("cite");

  constructor(
    private node: PMNode,
    decorations: readonly Decoration[],
  ) {
    this.dom.setAttribute("data-citation", "");
    this.render(decorations);
  }

  private render(decorations: readonly Decoration[]): void {
    const display = (decorations[0]?.spec as { display?: string } | undefined)?.display;
    this.dom.textContent = display ?? String(this.node.attrs.label ?? "");
    this.dom.title = String(this.node.attrs.label ?? "");
  }

  update(node: PMNode, decorations: readonly Decoration[]): boolean {
    if (node.type !== this.node.type) return false;
    this.node = node;
    this.render(decorations);
    return true;
  }
}

const FROM_PAGE = "caucus:noteFromPage";

/**
 * Edits one footnote's content in its own small ProseMirror view (the pattern of ProseMirror's
 * footnote example): the note's steps are offset into the page's document and dispatched there,
 * so the Collaboration binding sends them to everyone; changes from the page (a co-author typing
 * in the same note) come back through update(). Used by the popover and by the notes pane.
 */
export class NoteEditor {
  readonly view: EditorView;

  constructor(mount: HTMLElement, node: PMNode, private readonly options: NoteEditorOptions) {
    const { schema } = options.outer.state;
    const mark = (name: string): Command => (schema.marks[name] ? toggleMark(schema.marks[name]) : () => false);
    const hardBreak: Command = (state, dispatch) => {
      const type = state.schema.nodes.hardBreak;
      if (!type) return false;
      dispatch?.(state.tr.replaceSelectionWith(type.create()).scrollIntoView());
      return true;
    };
    const run = (action: () => void): Command => () => {
      action();
      return true;
    };
    this.view = new EditorView(mount, {
      state: EditorState.create({
        doc: node,
        plugins: [
          keymap({
            "Mod-z": run(options.undo),
            "Mod-y": run(options.redo),
            "Shift-Mod-z": run(options.redo),
            "Mod-b": mark("bold"),
            "Mod-i": mark("italic"),
            "Mod-u": mark("underline"),
            // A note is one run of text: Enter breaks the line instead of splitting the node.
            Enter: hardBreak,
            "Shift-Enter": hardBreak,
            Escape: run(() => options.onEscape?.()),
          }),
          keymap(baseKeymap),
        ],
      }),
      editable: options.editable,
      decorations: (state) => this.noteDecorations(state.doc),
      nodeViews: { citation: (node, _view, _getPos, decorations) => new CitationView(node, decorations) },
      attributes: { class: "note-editor", role: "textbox", "aria-multiline": "true", "aria-label": options.label },
      dispatchTransaction: (tr) => this.dispatchInner(tr),
    });
  }

  private noteDecorations(doc: PMNode): DecorationSet | null {
    const texts = this.options.citationTexts?.();
    const pos = this.options.getPos();
    // Open suggestions inside this note, drawn here as on the page.
    const decorations: Decoration[] = pos === undefined ? [] : suggestionDecorationsIn(this.options.outer.state, pos + 1, pos + 1 + doc.content.size);
    if (!texts) return decorations.length > 0 ? DecorationSet.create(doc, decorations) : null;
    let index = 0;
    doc.forEach((child, offset) => {
      if (child.type.name !== "citation") return;
      const display = texts[index++];
      if (display) decorations.push(Decoration.node(offset, offset + child.nodeSize, {}, { display }));
    });
    return DecorationSet.create(doc, decorations);
  }

  /**
   * Cites a source where this note's cursor is, separated from the text before it as a note is
   * written (core insertCitation); the step reaches the page like a keystroke.
   */
  cite(citation: PMNode): void {
    this.view.dispatch(insertCitation(this.view.state, citation));
    this.view.focus();
  }

  /** Replaces the note's whole content (a typed reference turned into a citation). */
  replaceContent(nodes: PMNode[]): void {
    const { doc } = this.view.state;
    this.view.dispatch(this.view.state.tr.replaceWith(0, doc.content.size, nodes));
  }

  private dispatchInner(tr: Transaction): void {
    const { state, transactions } = this.view.state.applyTransaction(tr);
    this.view.updateState(state);
    if (tr.getMeta(FROM_PAGE)) return;
    const pos = this.options.getPos();
    if (pos === undefined) return;
    const outerTr = this.options.outer.state.tr;
    const offset = StepMap.offset(pos + 1);
    for (const transaction of transactions) for (const step of transaction.steps) outerTr.step(step.map(offset)!);
    if (!outerTr.docChanged) return;
    const before = this.options.outer.state.doc;
    this.options.outer.dispatch(outerTr);
    // The page refused the change (Suggesting turns it into a suggestion; Viewing refuses it):
    // the note shows the page's text again, with the suggestion drawn over it.
    const now = this.options.outer.state.doc;
    if (now === before) {
      const node = now.nodeAt(pos);
      if (node?.type.name === "footnote") this.update(node);
    }
  }

  /** Brings in the page's version of the note (someone else typed in it), keeping this cursor. */
  update(node: PMNode): void {
    const state = this.view.state;
    const start = node.content.findDiffStart(state.doc.content);
    if (start === null) {
      // Same text, but the page changed: a citation may now read "Ibid." (or stop to).
      this.setEditable();
      return;
    }
    let { a: endA, b: endB } = node.content.findDiffEnd(state.doc.content)!;
    const overlap = start - Math.min(endA, endB);
    if (overlap > 0) {
      endA += overlap;
      endB += overlap;
    }
    this.view.dispatch(state.tr.replace(start, endB, node.slice(start, endA)).setMeta(FROM_PAGE, true));
  }

  /** Re-reads whether the page is editable and how citations read (both change with the page). */
  setEditable(): void {
    this.view.setProps({ editable: this.options.editable });
  }

  focus(): void {
    this.view.focus();
  }

  destroy(): void {
    this.view.destroy();
  }
}
