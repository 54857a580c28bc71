import { initProseMirrorDoc, prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD, canonicalDocument, documentSchema, writeCover, type Cover } from "../../core/editor";
import { readDocx, type DocxImportReport } from "./docx";
import { placeComments, type PlacedThread } from "./comment-anchors";
import { withTemplateSections } from "./template-sections";
import type { Template } from "../../templates";

/** A Word file made into a draft's first state, ready to store: nothing here touches the database. */
export interface WordDraft {
  /** The Y.Doc's full state: the body read from the file and the cover from the form. */
  state: Uint8Array;
  /** Canonical JSON and plain text of the body, stored beside the state as a new draft's are. */
  content: Record<string, unknown>;
  text: string;
  /** The language written in the file (styles.xml), when it names one. */
  language: string | null;
  report: Omit<DocxImportReport, "comments">;
  /** The file's comments as threads (a comment and its replies), anchored in `state`. */
  threads: PlacedThread[];
}

/**
 * Reads a .docx and builds the draft it becomes: the body through the editor's schema, headings
 * that carry a template section's title marked as that section (so the structure checks see
 * them), the cover, and the file's comments anchored in the new Y.Doc. Runs in the worker pool.
 */
export function buildWordDraft(bytes: Uint8Array, template: Template, cover: Partial<Cover>): WordDraft {
  const imported = readDocx(bytes);
  const schema = documentSchema();
  const body = withTemplateSections(imported.doc, template);
  const doc = prosemirrorJSONToYDoc(schema, body, BODY_FIELD);
  try {
    const language = cover.language || imported.language?.split("-")[0]?.toLowerCase() || "en";
    writeCover(doc, { ...cover, language: (template.languages as readonly string[]).includes(language) ? language : "en", mechanism: template.mechanism });
    const fragment = doc.getXmlFragment(BODY_FIELD);
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
    const threads = placeComments({ doc, body: fragment, mapping }, pmDoc, imported.report.comments);
    const { json, text } = canonicalDocument(doc);
    const { comments: _read, ...report } = imported.report;
    return { state: Y.encodeStateAsUpdate(doc), content: json, text, language: imported.language, report, threads };
  } finally {
    doc.destroy();
  }
}
