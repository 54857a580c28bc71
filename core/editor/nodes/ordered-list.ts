import OrderedList from "@tiptap/extension-ordered-list";

/**
 * How an ordered list counts. UN documents write sub-paragraphs as (a), (b) and, one level
 * down, (i), (ii); "decimal" is for plain 1., 2. lists inside a paragraph's text.
 */
export const LIST_STYLES = ["decimal", "lower-alpha", "lower-roman", "upper-alpha"] as const;
export type ListStyle = (typeof LIST_STYLES)[number];

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    unOrderedList: {
      setListStyle: (style: ListStyle) => ReturnType;
    };
  }
}

export const UnOrderedList = OrderedList.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      listStyle: {
        default: "lower-alpha",
        parseHTML: (element) => {
          const style = element.getAttribute("data-list-style");
          if (LIST_STYLES.includes(style as ListStyle)) return style;
          // HTML's own type attribute, as Word and Google Docs paste it; a bare <ol> counts 1, 2, 3.
          return { a: "lower-alpha", i: "lower-roman", A: "upper-alpha" }[element.getAttribute("type") ?? ""] ?? "decimal";
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
