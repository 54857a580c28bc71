import { Slice, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { documentSchema } from "../../core/editor";
import type { SliceJson } from "../../core/suggestions/contract";
import { ReviewRefusal } from "./refusal";

/**
 * Refuses (400) a suggested insert that does not fit the editor's schema: an unknown node or
 * mark, an attribute that does not validate, a node holding what it may not. What is stored is
 * then something an editor's client can always apply on accept.
 *
 * Slice.fromJSON alone checks names, not structure (NodeType.create does not check content),
 * and Node.check() cannot be used on a slice's open edges: a slice cut inside a list item holds
 * only part of what a whole one must. Closed nodes are checked whole; an open edge must be the
 * end (at the start edge) or the beginning (at the end edge) of some valid content.
 */
export function checkSuggestedInsert(json: SliceJson | null): void {
  if (json === null) return;
  const schema = documentSchema();
  try {
    const slice = Slice.fromJSON(schema, json);
    const nodes: ProseMirrorNode[] = [];
    slice.content.forEach((node) => nodes.push(node));
    // A slice is placed among blocks or within text: never both at once, never a whole document.
    if (nodes.some((node) => node.isInline) && nodes.some((node) => !node.isInline)) throw new RangeError("inline and block nodes side by side");
    nodes.forEach((node, index) => checkNode(node, index === 0 ? slice.openStart : 0, index === nodes.length - 1 ? slice.openEnd : 0));
  } catch (error) {
    if (error instanceof ReviewRefusal) throw error;
    // The schema's own words (RangeError) are for developers: the person reads the catalogue's.
    throw new ReviewRefusal(400, "suggestions.refused.insertInvalid");
  }
}

function checkNode(node: ProseMirrorNode, openStart: number, openEnd: number): void {
  if (node.type === node.type.schema.topNodeType) throw new RangeError("a whole document");
  if (openStart === 0 && openEnd === 0) {
    node.check();
    return;
  }
  if (node.isLeaf) throw new RangeError(`open leaf ${node.type.name}`);
  const match = node.type.contentMatch;
  // Open at the start: some content can come before it. Open only at the end: it begins validly.
  const fits = openStart > 0 ? match.fillBefore(node.content, openEnd === 0) != null : match.matchFragment(node.content) != null;
  if (!fits) throw new RangeError(`invalid open content in ${node.type.name}`);
  node.forEach((child) => {
    if (!node.type.allowsMarks(child.marks)) throw new RangeError(`marks not allowed in ${node.type.name}`);
  });
  // Its attributes and marks as Node.check() checks them, on a copy with the least valid content.
  node.type.createAndFill(node.attrs, undefined, node.marks)?.check();
  const last = node.childCount - 1;
  node.forEach((child, _offset, index) => checkNode(child, index === 0 ? Math.max(openStart - 1, 0) : 0, index === last ? Math.max(openEnd - 1, 0) : 0));
}
