import { initProseMirrorDoc, prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { BODY_FIELD, canonicalDocument, documentSchema } from "../../core/editor";
import { readDocx, type DocxImport, type DocxImportReport } from "./docx";
import { placeComments, type PlacedThread } from "./comment-anchors";
import { placeSuggestions, type PlacedSuggestion } from "./suggestion-anchors";
import { withTemplateSections } from "./template-sections";
import type { Template } from "../../templates";

/** A Word file made into a draft's first body, ready to store: nothing here touches the database. */
export interface WordDraft {
  /**
   * The Y.Doc's state with the body read from the file. The cover is not in it: it is decided
   * with the form (server/import/word-cover.ts) and merged in as its own update, so the draft row and the
   * cover map are written from the same validated values.
   */
  state: Uint8Array;
  /** Canonical JSON and plain text of the body, stored beside the state as a new draft's are. */
  content: Record<string, unknown>;
  text: string;
  /** The language written in the file (styles.xml), when it names one. */
  language: string | null;
  /** The cover block the file opens with (title, State, session…), taken out of the body. */
  cover: DocxImport["cover"];
  report: Omit<DocxImportReport, "comments">;
  /** The file's comments as threads (a comment and its replies), anchored in `state`. */
  threads: PlacedThread[];
  /** The file's tracked changes as suggestions, anchored in `state` (report.trackedChangesLeftOut counts those that could not be). */
  suggestions: PlacedSuggestion[];
}

/**
 * Reads a .docx and builds the body it becomes: through the editor's schema, headings that
 * carry a template section's title marked as that section (so the structure checks see them),
 * and the file's comments and tracked changes anchored in the new Y.Doc. `importerName`: the
 * importing member's name, whose own tracked changes are marked theirs. Runs in the worker pool.
 */
export function buildWordDraft(bytes: Uint8Array, template: Template, importerName: string | null = null): WordDraft {
  const imported = readDocx(bytes);
  const schema = documentSchema();
  const doc = prosemirrorJSONToYDoc(schema, withTemplateSections(imported.doc, template), BODY_FIELD);
  try {
    const fragment = doc.getXmlFragment(BODY_FIELD);
    const { doc: pmDoc, mapping } = initProseMirrorDoc(fragment, schema);
    const threads = placeComments({ doc, body: fragment, mapping }, pmDoc, imported.report.comments);
    const suggestions = placeSuggestions({ doc, body: fragment, mapping }, pmDoc, imported.suggestions, importerName);
    const { json, text } = canonicalDocument(doc);
    const { comments: _read, ...read } = imported.report;
    const report = { ...read, trackedChangesLeftOut: read.trackedChangesLeftOut + suggestions.leftOut };
    return { state: Y.encodeStateAsUpdate(doc), content: json, text, language: imported.language, cover: imported.cover, report, threads, suggestions: suggestions.placed };
  } finally {
    doc.destroy();
  }
}
