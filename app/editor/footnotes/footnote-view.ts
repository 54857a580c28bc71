import type { Editor } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import type { NodeView } from "@tiptap/pm/view";
import { Footnote, newFootnoteId } from "../../../core/editor/nodes/footnote";
import type { LibraryApi } from "../library/library-api";
import { citationTextsOf, citationTools } from "./citation-picker";
import { NoteEditor } from "./note-editor";
import type { Translator } from "../../../core/i18n/translator";

/**
 * The footnote marker in the page: a superscript number (from the numbering decorations) that
 * opens the note in a popover, edited in place with its own small view. Deleting the marker
 * deletes the note: it is one node.
 */
class FootnoteView implements NodeView {
  readonly dom: HTMLElement;
  private readonly marker: HTMLButtonElement;
  private popover: HTMLElement | null = null;
  private note: NoteEditor | null = null;
  /** Closes the popover when someone clicks anywhere else on the page. */
  private readonly closeOnOutsideClick = (event: MouseEvent) => {
    if (!this.dom.contains(event.target as Node)) this.close();
  };

  constructor(
    private node: PMNode,
    private readonly editor: Editor,
    private readonly getPos: () => number | undefined,
    private readonly storage: FootnoteStorage,
  ) {
    this.dom = document.createElement("sup");
    this.dom.className = "footnote-ref";
    this.dom.setAttribute("data-footnote", "");
    this.marker = document.createElement("button");
    this.marker.type = "button";
    this.marker.className = "footnote-marker";
    this.marker.contentEditable = "false";
    this.marker.setAttribute("aria-haspopup", "dialog");
    this.marker.setAttribute("aria-expanded", "false");
    this.marker.addEventListener("mousedown", (event) => event.preventDefault());
    this.marker.addEventListener("click", () => (this.popover ? this.close() : this.open()));
    this.dom.append(this.marker);
    this.syncLabel();
    // A note inserted here by this person opens at once, ready for its text.
    if (storage.openId !== null && storage.openId === node.attrs.id) {
      storage.openId = null;
      queueMicrotask(() => this.open());
    }
  }

  /** The number comes from the decoration on `dom`; the button's name follows it for screen readers. */
  private syncLabel(): void {
    queueMicrotask(() => {
      const number = this.dom.getAttribute("data-footnote-number") ?? "";
      this.marker.textContent = number;
      this.marker.setAttribute("aria-label", this.storage.i18n.t("editor.footnotes.marker", { n: number }));
    });
  }

  open(): void {
    if (this.popover) return;
    this.popover = document.createElement("div");
    this.popover.className = "footnote-popover";
    this.popover.setAttribute("role", "dialog");
    this.popover.setAttribute("aria-label", this.storage.i18n.t("editor.footnotes.marker", { n: this.dom.getAttribute("data-footnote-number") ?? "" }));
    this.dom.append(this.popover);
    this.marker.setAttribute("aria-expanded", "true");
    document.addEventListener("mousedown", this.closeOnOutsideClick, true);
    this.note = new NoteEditor(this.popover, this.node, {
      outer: this.editor.view,
      getPos: this.getPos,
      editable: () => this.editor.isEditable,
      undo: () => this.editor.commands.undo(),
      redo: () => this.editor.commands.redo(),
      onEscape: () => {
        this.close();
        this.editor.commands.focus();
      },
      label: this.storage.i18n.t("editor.footnotes.text", { n: this.dom.getAttribute("data-footnote-number") ?? "" }),
      citationTexts: () => citationTextsOf(this.editor.state.doc, this.node.attrs.id, this.storage.documentLanguage()),
    });
    if (this.editor.isEditable && this.storage.library) this.popover.append(citationTools(this.note, this.editor.schema, this.storage.library, this.storage.i18n));
    if (this.editor.isEditable) this.note.focus();
  }

  close(): void {
    document.removeEventListener("mousedown", this.closeOnOutsideClick, true);
    this.note?.destroy();
    this.note = null;
    this.popover?.remove();
    this.popover = null;
    this.marker.setAttribute("aria-expanded", "false");
  }

  update(node: PMNode): boolean {
    if (!node.sameMarkup(this.node)) return false;
    this.node = node;
    this.note?.update(node);
    this.syncLabel();
    return true;
  }

  selectNode(): void {
    this.dom.classList.add("ProseMirror-selectednode");
  }

  deselectNode(): void {
    this.dom.classList.remove("ProseMirror-selectednode");
  }

  /** Events inside the popover belong to the note's own view, not the page's. */
  stopEvent(event: Event): boolean {
    return Boolean(this.popover?.contains(event.target as Node)) || event.target === this.marker;
  }

  ignoreMutation(): boolean {
    return true;
  }

  destroy(): void {
    this.close();
  }
}

interface FootnoteStorage {
  /** The id of the note this tab just inserted, whose popover should open when it renders. */
  openId: string | null;
  /** The workspace's library, for citing sources from a note; null where there is none. */
  library: LibraryApi | null;
  /** The person's translator: a node view is plain DOM, outside React's context. */
  i18n: FootnoteI18n;
  /** The draft's language now (its cover's), which citations are read in: "Ibid., par. 55". */
  documentLanguage: () => string;
}

/** What the marker, popover and citation tools say, in the person's language. */
export type FootnoteI18n = Pick<Translator, "t" | "text">;

interface FootnoteOptions {
  library: LibraryApi | null;
  i18n: FootnoteI18n;
  documentLanguage: () => string;
}

/** Until configured (the editor always passes its translator), ids stand in for words. */
const UNTRANSLATED: FootnoteI18n = { t: (id) => id, text: (m) => m.id };

/** The draft's language as the footnote extension knows it (its cover's); English before it is configured. */
export function documentLanguageOf(editor: Editor): string {
  const storage = (editor.storage as unknown as Record<string, Partial<FootnoteStorage> | undefined>)[FootnoteWithPopover.name];
  return storage?.documentLanguage?.() ?? "en";
}

/** The document's footnote with the browser's marker and popover attached (schema unchanged). */
export const FootnoteWithPopover = Footnote.extend<FootnoteOptions, FootnoteStorage>({
  addOptions() {
    return { library: null, i18n: UNTRANSLATED, documentLanguage: () => "en" };
  },
  addStorage() {
    return { openId: null, library: this.options.library, i18n: this.options.i18n, documentLanguage: this.options.documentLanguage };
  },
  addCommands() {
    const parent = this.parent?.();
    return {
      ...parent,
      insertFootnote: (attrs) => (props) => {
        const id = attrs?.id ?? newFootnoteId();
        const done = parent!.insertFootnote!({ id })(props);
        if (done && props.dispatch) this.storage.openId = id;
        return done;
      },
    };
  },
  addNodeView() {
    return ({ node, editor, getPos }) => new FootnoteView(node, editor, getPos as () => number | undefined, this.storage);
  },
});
