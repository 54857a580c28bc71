import { mergeAttributes, Node } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote marker at the cursor, with the selected text (if any) as its note. */
      insertFootnote: (attrs?: { id?: string }) => ReturnType;
    };
  }
}

/** A new footnote's id: stable across collaboration, so the notes pane can follow a note as it moves. */
export function newFootnoteId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * A footnote: an inline node whose rich text is real child content, not an attribute, so two
 * people can edit one note at once (each keystroke is a Yjs change inside it). It is an atom in
 * the page (the cursor steps over the marker); its text is edited in a popover and in the notes
 * pane (app/editor). Its number is computed from its position (numbering.ts). Deleting the
 * marker deletes the note, in one undoable step.
 */
export const Footnote = Node.create({
  name: "footnote",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,
  // Text, line breaks and citations to library sources, with any mark; never a footnote in a footnote.
  content: "(text | hardBreak | citation)*",
  marks: "_",

  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-id"),
        renderHTML: (attrs) => (attrs.id ? { "data-id": attrs.id } : {}),
      },
    };
  },

  parseHTML() {
    return [{ tag: "span[data-footnote]" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes(HTMLAttributes, { "data-footnote": "", class: "footnote" }), 0];
  },

  addCommands() {
    return {
      insertFootnote:
        (attrs) =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.nodes[this.name]!;
          const { from, to, empty } = state.selection;
          const text = empty ? "" : state.doc.textBetween(from, to, " ");
          // The marker goes after the selection, as in Word; the selected words stay in the text.
          const node = type.create({ id: attrs?.id ?? newFootnoteId() }, text ? state.schema.text(text) : null);
          if (!type.validContent(node.content)) return false;
          if (dispatch) dispatch(tr.insert(to, node).scrollIntoView());
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return { "Mod-Alt-f": () => this.editor.commands.insertFootnote() };
  },
});
