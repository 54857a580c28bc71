import BulletList from "@tiptap/extension-bullet-list";
import { isBulletStyle, type BulletStyle } from "../list-styles";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    unBulletList: {
      /** Changes the marker of the bulleted list the cursor is in. */
      setBulletStyle: (style: BulletStyle) => ReturnType;
    };
  }
}

/** CSS `list-style-type` values a pasted list may carry, as the marker the editor has for them. */
const CSS_MARKERS: Record<string, BulletStyle> = { disc: "disc", circle: "circle", square: "square" };

/**
 * A bulleted list with the marker real submissions use (• o ▪ ➢ –), stored on the node so
 * every co-author and both exports show the same one.
 */
export const UnBulletList = BulletList.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      bulletStyle: {
        default: "disc",
        parseHTML: (element) => {
          const style = element.getAttribute("data-bullet-style");
          if (isBulletStyle(style)) return style;
          return CSS_MARKERS[element.style.listStyleType] ?? "disc";
        },
        renderHTML: (attrs) => ({ "data-bullet-style": attrs.bulletStyle }),
      },
    };
  },
  addCommands() {
    return {
      ...this.parent?.(),
      setBulletStyle:
        (style) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { bulletStyle: style }),
    };
  },
});
