import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { BODY_FIELD, documentExtensions } from "./extensions";
import { plainText } from "./plain-text";

let schema: Schema | undefined;

/** The ProseMirror schema of a Caucus document, built once from the one extension list. */
export function documentSchema(): Schema {
  schema ??= getSchema(documentExtensions());
  return schema;
}

export interface CanonicalDocument {
  /** ProseMirror JSON, as every reader outside the editor (checks, export, search) consumes it. */
  json: Record<string, unknown>;
  /** Plain text, blocks separated by blank lines, footnotes after the body: for search. */
  text: string;
}

/** Reads a draft's Y.Doc through the document schema into canonical JSON and plain text. */
export function canonicalDocument(doc: Y.Doc): CanonicalDocument {
  const root = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), documentSchema());
  const { blocks, notes } = plainText(root);
  return { json: root.toJSON() as Record<string, unknown>, text: [...blocks, ...notes].join("\n\n") };
}
