import Paragraph from "@tiptap/extension-paragraph";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    unParagraph: {
      /** Numbers the paragraphs in the selection (UN style, in the margin) or stops numbering them. */
      setParagraphNumbered: (numbered: boolean) => ReturnType;
    };
  }
}

/**
 * A body paragraph. Top-level paragraphs are numbered 1., 2., 3. … through the document, as OHCHR
 * cites them ("JS2, para. 43"). Only whether a paragraph is numbered is stored, never its number:
 * numbers are computed (numbering.ts), so two people inserting paragraphs at once never collide.
 */
export const UnParagraph = Paragraph.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      numbered: {
        default: true,
        parseHTML: (element) => element.getAttribute("data-numbered") !== "false",
        renderHTML: (attrs) => (attrs.numbered === false ? { "data-numbered": "false" } : {}),
      },
    };
  },
  addCommands() {
    return {
      ...this.parent?.(),
      setParagraphNumbered:
        (numbered) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { numbered }),
    };
  },
});
