import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { Node as PMNode } from "@tiptap/pm/model";
import { computeNumbering, NO_HEADING_NUMBERING, type HeadingNumbering } from "./numbering";

export interface NumberingOptions {
  /** The template's heading style per level; none by default. */
  headingNumbering: HeadingNumbering;
}

export const numberingKey = new PluginKey<DecorationSet>("numbering");

function decorate(doc: PMNode, headingNumbering: HeadingNumbering): DecorationSet {
  const numbering = computeNumbering(doc, headingNumbering);
  const decorations: Decoration[] = [];
  const at = (pos: number, attrs: Record<string, string>) => {
    const node = doc.nodeAt(pos);
    if (node) decorations.push(Decoration.node(pos, pos + node.nodeSize, attrs));
  };
  for (const [pos, n] of numbering.paragraphs) at(pos, { "data-number": String(n) });
  for (const [pos, label] of numbering.headings) if (label) at(pos, { "data-label": label });
  for (const [pos, n] of numbering.footnotes) at(pos, { "data-footnote-number": String(n) });
  return DecorationSet.create(doc, decorations);
}

/**
 * Shows the computed numbers in the page: paragraph numbers in the margin, heading labels and
 * footnote markers, as data attributes that the stylesheet prints. Recomputed in one pass over
 * the document on every change to it (bench/editor.ts measures the cost).
 */
export const NumberingDecorations = Extension.create<NumberingOptions>({
  name: "numberingDecorations",
  addOptions() {
    return { headingNumbering: NO_HEADING_NUMBERING };
  },
  addProseMirrorPlugins() {
    const { headingNumbering } = this.options;
    return [
      new Plugin<DecorationSet>({
        key: numberingKey,
        state: {
          init: (_, state) => decorate(state.doc, headingNumbering),
          apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc, headingNumbering) : previous),
        },
        props: {
          decorations: (state) => numberingKey.getState(state),
        },
      }),
    ];
  },
});
