import { Extension } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";

/**
 * Which template section a heading opens (`data-section`), set when a draft is made from a
 * template. It survives renaming the heading, so the guidance panel, per-section word budgets
 * and the outline keep knowing where the cursor is.
 */
export const SectionHeading = Extension.create({
  name: "sectionHeading",
  addGlobalAttributes() {
    return [
      {
        types: ["heading"],
        attributes: {
          section: {
            default: null,
            // Kept off the next heading when Enter splits one: a section starts once.
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute("data-section"),
            renderHTML: (attrs) => (attrs.section ? { "data-section": attrs.section } : {}),
          },
        },
      },
    ];
  },
});

/** The template section the position is in: the section of the nearest heading before it. */
export function sectionAt(doc: PMNode, pos: number): string | null {
  let section: string | null = null;
  doc.forEach((node, offset) => {
    if (offset > pos) return;
    if (node.type.name === "heading" && node.attrs.section) section = String(node.attrs.section);
  });
  return section;
}
