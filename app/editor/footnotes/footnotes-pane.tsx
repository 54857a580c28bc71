import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, useState } from "react";
import { findFootnote, footnoteEntries, type FootnoteEntry } from "./footnote-positions";
import { citationTextsOf } from "./citation-picker";
import { documentLanguageOf } from "./footnote-view";
import { NoteEditor } from "./note-editor";
import { suggestionState } from "../suggestions/suggestion-marks";
import { useT } from "../../i18n/i18n-provider";

/** The pane's notes by key, refreshed once per transaction rather than once per note. */
class PaneRegistry {
  private readonly notes = new Map<string, NoteEditor>();
  private entries = new Map<string, FootnoteEntry>();

  constructor(private readonly editor: Editor) {}

  private seenDoc: unknown = null;
  private seenEditable: boolean | null = null;
  private seenSuggestions: unknown = null;

  refresh = () => {
    // Most transactions only move a caret: nothing a note shows has changed, and asking ~400 note
    // views to redraw on each (as on every keystroke in Suggesting mode) would cost more than typing.
    const { state, isEditable } = this.editor;
    const suggestions = suggestionState(state);
    if (state.doc === this.seenDoc && isEditable === this.seenEditable && suggestions === this.seenSuggestions) return;
    this.seenEditable = isEditable;
    this.seenSuggestions = suggestions;
    for (const note of this.notes.values()) note.setEditable();
    if (this.editor.state.doc === this.seenDoc) return;
    this.seenDoc = this.editor.state.doc;
    this.entries = new Map(footnoteEntries(this.editor.state.doc).map((entry) => [entry.key, entry]));
    for (const [key, note] of this.notes) {
      const entry = this.entries.get(key);
      if (entry) note.update(entry.node);
    }
  };

  position(key: string): number | undefined {
    // The cached position is from the last transaction; check it still holds this note.
    const cached = this.entries.get(key);
    if (cached && this.editor.state.doc.nodeAt(cached.pos)?.type.name === "footnote") return cached.pos;
    return findFootnote(this.editor.state.doc, key)?.pos;
  }

  add(key: string, note: NoteEditor): void {
    this.notes.set(key, note);
  }

  remove(key: string): void {
    this.notes.delete(key);
  }
}

/**
 * All the draft's notes in order under the page, each editable in place: the same NoteEditor as
 * the popover, so a note typed here appears in the popover (and at every co-author's) at once.
 */
export function FootnotesPane({ editor }: { editor: Editor }) {
  const { t } = useT();
  const [registry] = useState(() => new PaneRegistry(editor));
  const notes = useEditorState({
    editor,
    selector: ({ editor: e }) => footnoteEntries(e.state.doc).map((n) => n.key).join("|"),
  });
  useEffect(() => {
    registry.refresh();
    editor.on("transaction", registry.refresh);
    return () => {
      editor.off("transaction", registry.refresh);
    };
  }, [editor, registry]);
  const keys = notes ? notes.split("|") : [];
  return (
    <section className="footnotes-pane" aria-labelledby="footnotes-heading">
      <h2 id="footnotes-heading">{t("editor.footnotes.heading")}</h2>
      {keys.length === 0 ? (
        <p className="muted small">{t("editor.footnotes.empty")}</p>
      ) : (
        <ol className="footnotes-list">
          {keys.map((key, index) => (
            <PaneNote key={key} editor={editor} registry={registry} noteKey={key} number={index + 1} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PaneNote({ editor, registry, noteKey, number }: { editor: Editor; registry: PaneRegistry; noteKey: string; number: number }) {
  const { t, number: formatNumber } = useT();
  const mount = useRef<HTMLDivElement>(null);
  const label = t("editor.footnotes.text", { n: formatNumber(number) });
  useEffect(() => {
    const found = findFootnote(editor.state.doc, noteKey);
    if (!mount.current || !found) return;
    const note = new NoteEditor(mount.current, found.node, {
      outer: editor.view,
      getPos: () => registry.position(noteKey),
      editable: () => editor.isEditable,
      undo: () => editor.commands.undo(),
      redo: () => editor.commands.redo(),
      label,
      citationTexts: () => citationTextsOf(editor.state.doc, found.node.attrs.id, documentLanguageOf(editor)),
    });
    registry.add(noteKey, note);
    return () => {
      registry.remove(noteKey);
      note.destroy();
    };
  }, [editor, registry, noteKey]); // eslint-disable-line react-hooks/exhaustive-deps -- the label follows through the DOM below
  useEffect(() => {
    mount.current?.querySelector(".note-editor")?.setAttribute("aria-label", label);
  }, [label]);
  return (
    <li className="footnote-entry" value={number}>
      <div ref={mount} />
    </li>
  );
}
