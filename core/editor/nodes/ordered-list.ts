import OrderedList from "@tiptap/extension-ordered-list";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { isOwnEdit } from "../own-edits";
import { isListStyle, type ListStyle } from "../list-styles";

// How an ordered list counts (list-styles.ts). UN documents write sub-paragraphs as (a), (b)
// and, one level down, (i), (ii); the other styles are those real submissions use.
export { LIST_STYLES, type ListStyle } from "../list-styles";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    unOrderedList: {
      setListStyle: (style: ListStyle) => ReturnType;
    };
  }
}

/** What a list nested in a list of this style counts with: (a) → (i), as UN documents do. */
const NESTED_STYLE: Partial<Record<ListStyle, ListStyle>> = { "lower-alpha": "lower-roman" };

/** Positions of (a) lists sitting directly inside an item of another (a) list. */
function nestedAlphaLists(doc: PMNode): number[] {
  const found: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isTextblock) return false;
    if (node.type.name !== "orderedList" || node.attrs.listStyle !== "lower-alpha") return true;
    const $pos = doc.resolve(pos);
    if ($pos.depth >= 1 && $pos.parent.type.name === "listItem") {
      const outer = $pos.node($pos.depth - 1);
      if (outer.type.name === "orderedList" && outer.attrs.listStyle === "lower-alpha") found.push(pos);
    }
    return true;
  });
  return found;
}

/**
 * Indenting an item of an (a) list makes an (i) list, as UN sub-paragraphs do. Only for this
 * person's own edits: a change that arrived from a co-author was already made this way there.
 */
export function nestedListStylePlugin(): Plugin {
  return new Plugin({
    key: new PluginKey("nestedListStyle"),
    appendTransaction: (transactions: readonly Transaction[], _old, state) => {
      if (!transactions.some(isOwnEdit)) return null;
      const positions = nestedAlphaLists(state.doc);
      if (positions.length === 0) return null;
      const tr = state.tr;
      for (const pos of positions) tr.setNodeAttribute(pos, "listStyle", NESTED_STYLE["lower-alpha"]);
      return tr;
    },
  });
}

export const UnOrderedList = OrderedList.extend({
  addProseMirrorPlugins() {
    return [
      ...(this.parent?.() ?? []),
      nestedListStylePlugin(),
    ];
  },
  addAttributes() {
    return {
      ...this.parent?.(),
      listStyle: {
        default: "lower-alpha",
        parseHTML: (element) => {
          const style = element.getAttribute("data-list-style");
          if (isListStyle(style)) return style;
          // HTML's own type attribute, as Word and Google Docs paste it; a bare <ol> counts 1, 2, 3.
          return { a: "lower-alpha", i: "lower-roman", A: "upper-alpha", I: "upper-roman" }[element.getAttribute("type") ?? ""] ?? "decimal";
        },
        renderHTML: (attrs) => ({ "data-list-style": attrs.listStyle }),
      },
    };
  },
  addCommands() {
    return {
      ...this.parent?.(),
      setListStyle:
        (style) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { listStyle: style }),
    };
  },
});
