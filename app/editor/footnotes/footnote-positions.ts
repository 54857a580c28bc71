import type { Node as PMNode } from "@tiptap/pm/model";

export interface FootnoteEntry {
  /** The note's id, with its occurrence when a paste duplicated it: stable while the note moves. */
  key: string;
  pos: number;
  number: number;
  node: PMNode;
}

/** Every footnote in reading order, keyed so a pane entry follows its note when text moves. */
export function footnoteEntries(doc: PMNode): FootnoteEntry[] {
  const entries: FootnoteEntry[] = [];
  const seen = new Map<string, number>();
  doc.descendants((node, pos) => {
    if (node.type.name !== "footnote") return true;
    const id = String(node.attrs.id ?? "note");
    const occurrence = seen.get(id) ?? 0;
    seen.set(id, occurrence + 1);
    entries.push({ key: `${id}#${occurrence}`, pos, number: entries.length + 1, node });
    return false;
  });
  return entries;
}

export function findFootnote(doc: PMNode, key: string): FootnoteEntry | undefined {
  return footnoteEntries(doc).find((entry) => entry.key === key);
}
