import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { inlinePastedFootnotes } from "../../core/editor/paste";

/** Footnotes pasted from Word or Google Docs arrive as Caucus footnotes (core/editor/paste.ts). */
export const PasteFootnotes = Extension.create({
  name: "pasteFootnotes",
  addProseMirrorPlugins() {
    const parser = new DOMParser();
    return [
      new Plugin({
        key: new PluginKey("pasteFootnotes"),
        props: { transformPastedHTML: (html) => inlinePastedFootnotes(html, parser) },
      }),
    ];
  },
});
