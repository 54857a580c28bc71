import { Plugin, type Transaction } from "@tiptap/pm/state";
import { TrailingNode } from "@tiptap/extensions";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

/**
 * A change this person made here, not one the collaboration binding applied: a co-author's edit,
 * the draft arriving from the server, an undo through Yjs all carry the binding's isChangeOrigin.
 */
export function isOwnEdit(tr: Transaction): boolean {
  return tr.docChanged && !tr.getMeta(ySyncPluginKey)?.isChangeOrigin;
}

/**
 * Tiptap's trailing paragraph (the caret can always get below a final list, table or heading),
 * added only after this person's own edits. Tiptap's adds it after any transaction while the
 * draft ends otherwise: every open page would append its own paragraph to a co-author's change,
 * and in Suggesting mode, where the page may not change the draft, the refused paragraph was
 * proposed, the proposal redrawn, and the paragraph appended again, forever: the page hung
 * whenever the draft reached it in more than one message (issue 23).
 */
export const OwnEditsTrailingNode = TrailingNode.extend({
  addProseMirrorPlugins() {
    return (this.parent?.() ?? []).map((plugin) => {
      const append = plugin.spec.appendTransaction;
      if (!append) return plugin;
      return new Plugin({
        ...plugin.spec,
        appendTransaction: (transactions, oldState, newState) => (transactions.some(isOwnEdit) ? append.call(plugin, transactions, oldState, newState) : undefined),
      });
    });
  },
});
