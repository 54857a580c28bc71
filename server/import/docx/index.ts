/**
 * The DOCX reader (issue 9): a Word file in, a Caucus document (ProseMirror JSON of the editor's
 * schema), its language, the cover block it opened with (taken out of the body: Caucus keeps the
 * cover in a form beside it) and a report of what was converted, dropped or left for later out.
 */
import { documentSchema } from "../../../core/editor";
import { readBlocks, type BodyContext } from "./body";
import { findMainList } from "./main-list";
import { quotationIndentOf } from "./indented-quotes";
import { DEFAULT_LIMITS, DocxImportError, type DocxLimits } from "./errors";
import { newContext, type Counts, type Json } from "./inline";
import { applyManualNumbering } from "./manual";
import { Comments, type ImportedComment } from "./comments";
import { takeCover, type ImportedCover } from "./cover";
import { footnoteIds, noteContent, noteMap, readRels } from "./notes";
import { readNumbering, readStyles } from "./styles";
import { ChangeStream, takeMarkers, TrackedChanges, type InsertedPiece } from "./tracked";
import { unzipDocx } from "./unzip";
import { child, parseXml } from "./xml";

export { DocxImportError, DEFAULT_LIMITS, type DocxLimits } from "./errors";
export { MAX_COMMENTS, type ImportedComment } from "./comments";
export { MAX_SUGGESTIONS, type InsertedPiece, type PieceBlock } from "./tracked";
export { looksLikeDocx } from "./unzip";
export type { ImportedCover } from "./cover";

export interface DocxImportReport {
  numberedParagraphs: number;
  /** Of those, paragraphs whose number was typed as text (now computed by Caucus). */
  manuallyNumberedParagraphs: number;
  footnotes: number;
  /** Endnotes, which became footnotes. */
  endnotesConverted: number;
  headings: number;
  tables: number;
  lists: number;
  /** Lists numbered or bulleted in a style the editor lacks ((A), 01, 02…; a check-mark bullet), now shown in the nearest one it has (A., 1., 2.; •). */
  listsRestyled: number;
  imagesDropped: number;
  textBoxesDropped: number;
  fieldsDropped: number;
  /**
   * Tracked changes read as suggestions (`DocxImport.suggestions`, at most MAX_SUGGESTIONS): the
   * body is the text as it was before them.
   */
  trackedChanges: number;
  /** Tracked changes accepted as Word accepts them (insertion kept, deletion made): those past MAX_SUGGESTIONS, and inserted paragraph breaks before a table or at a cell's end, which stay. */
  trackedChangesAccepted: number;
  /** Of `trackedChanges`, those with no place left in the body (in the cover block, or in a dropped field's result): the text before them is kept, the change is not. */
  trackedChangesLeftOut: number;
  /** Tracked formatting changes (w:rPrChange, w:pPrChange): the new formatting is kept, the change is not a suggestion. */
  formattingChanges: number;
  /** Paragraphs with text taken out of the cover block at the body's start, every line of them read into a cover field (DocxImport.cover). */
  coverLines: number;
  /** At most MAX_COMMENTS, the file's first. */
  comments: ImportedComment[];
  /** Comments past MAX_COMMENTS, left out. */
  commentsDropped: number;
}

/** A tracked change kept as a suggestion, where it stands in `DocxImport.doc`. */
export interface ImportedSuggestion {
  /** At most 200 characters; "" when Word names no author. */
  author: string;
  /** ISO 8601 between 1990 and 2100, or null. */
  date: string | null;
  /** ProseMirror positions in `doc` of the accepted text it would replace; equal for a pure insertion. */
  from: number;
  to: number;
  /** The proposed content, split at inserted paragraph breaks; [] for a pure deletion. */
  pieces: InsertedPiece[];
  /** Inside a footnote (or an endnote, now a footnote). */
  inNote: boolean;
}

export interface DocxImport {
  doc: Json;
  /** The tracked changes, in the order they were read (the body's, with each note's where its reference is). */
  suggestions: ImportedSuggestion[];
  /** The document's default language (styles.xml), or null when it names none. */
  language: string | null;
  /** The cover block before the first heading, read into the cover's fields; null when the file opens with none. */
  cover: ImportedCover | null;
  report: DocxImportReport;
}

export function readDocx(bytes: Uint8Array, limits: Partial<DocxLimits> = {}): DocxImport {
  try {
    return read(bytes, { ...DEFAULT_LIMITS, ...limits });
  } catch (error) {
    if (error instanceof DocxImportError) throw error;
    // A damaged file can fail in ways no check foresaw (a stack overflow on absurd nesting, say); the person still gets a sentence.
    throw new DocxImportError("import.word.unreadable");
  }
}

function read(bytes: Uint8Array, limits: DocxLimits): DocxImport {
  const parts = unzipDocx(bytes, limits);
  const xml = (name: string) => (parts[name] === undefined ? null : parseXml(parts[name]!, name));
  const document = xml("word/document.xml")!;
  const body = child(document, "w:body");
  if (!body) throw new DocxImportError("import.word.noBody");
  const styles = readStyles(xml("word/styles.xml"));
  const numbering = readNumbering(xml("word/numbering.xml"));
  const counts: Counts = { images: 0, textBoxes: 0, fields: 0 };
  const tracked = new TrackedChanges(limits.maxSuggestions);
  const footnotes = { notes: noteMap(xml("word/footnotes.xml"), "w:footnote"), rels: readRels(xml("word/_rels/footnotes.xml.rels")), used: 0 };
  const endnotes = { notes: noteMap(xml("word/endnotes.xml"), "w:endnote"), rels: readRels(xml("word/_rels/endnotes.xml.rels")), used: 0 };
  const footnoteId = footnoteIds();
  const note = (kind: "footnote" | "endnote", id: string, track: boolean): Json | null => {
    const source = kind === "footnote" ? footnotes : endnotes;
    const found = source.notes.get(id);
    if (!found) return null;
    // A note in inserted text is part of the proposed content, not of the accepted text's notes.
    if (track) source.used += 1;
    return { type: "footnote", attrs: { id: footnoteId() }, content: noteContent(found, source.rels, counts, styles, track ? new ChangeStream(tracked, true) : null) };
  };
  const comments = new Comments(xml("word/comments.xml"));
  const schema = documentSchema();
  const mainList = findMainList(body, styles, numbering);
  const stream = new ChangeStream(tracked, false);
  const context: BodyContext = {
    styles,
    numbering,
    inline: newContext(readRels(xml("word/_rels/document.xml.rels")), counts, note, comments, styles.characters, stream),
    mainList,
    quotationIndent: quotationIndentOf(body, styles, numbering, mainList),
    language: styles.language,
    counts: { headings: 0, tables: 0, lists: 0, listsRestyled: 0 },
    supports: { blockquote: schema.nodes.blockquote !== undefined, rowspan: schema.nodes.tableCell?.spec.attrs?.rowspan !== undefined },
    labelsRemoved: new Map(),
    placed: (index) => comments.placedAt(index),
    coverLines: new Map(),
    carried: null,
  };
  const blocks = readBlocks(body, context, true);
  stream.finish();
  const manual = applyManualNumbering(blocks);
  const cover = takeCover(blocks, context.coverLines);
  // Typed paragraph numbers and heading labels were taken off the start of different blocks,
  // none of them taken out with the cover (it has no numbered paragraph or heading); keyed by index in the final document.
  const removed = new Map<number, number>();
  for (const [index, characters] of [...manual, ...context.labelsRemoved]) {
    const at = cover.place(index);
    if (at !== null) removed.set(at, characters);
  }
  if (!blocks.length) blocks.push({ type: "paragraph", attrs: { numbered: false } });
  let doc: Json;
  let positions: ReturnType<typeof takeMarkers>["positions"];
  try {
    const node = schema.nodeFromJSON({ type: "doc", content: blocks });
    node.check();
    // The tracked changes' marks out, their positions noted.
    const taken = takeMarkers(node, schema);
    taken.doc.check();
    positions = taken.positions;
    // Through the schema and back: adjacent runs with the same marks come out as one text node.
    doc = taken.doc.toJSON() as Json;
  } catch {
    throw new DocxImportError("import.word.notConvertible");
  }
  const suggestions: ImportedSuggestion[] = [];
  for (const change of tracked.changes) {
    const at = positions.get(change.id);
    if (!at || at.from === null) continue;
    const to = change.deletes ? (at.to ?? at.from) : at.from;
    if (to < at.from) continue;
    suggestions.push({ author: change.author, date: change.date, from: at.from, to, pieces: change.pieces, inNote: change.inNote });
  }
  return {
    doc,
    language: styles.language,
    cover: cover.cover,
    suggestions,
    report: {
      numberedParagraphs: blocks.filter((b) => b.type === "paragraph" && (b.attrs as Json).numbered === true).length,
      manuallyNumberedParagraphs: manual.size,
      footnotes: footnotes.used,
      endnotesConverted: endnotes.used,
      headings: context.counts.headings,
      tables: context.counts.tables,
      lists: context.counts.lists,
      listsRestyled: context.counts.listsRestyled,
      imagesDropped: counts.images,
      textBoxesDropped: counts.textBoxes,
      fieldsDropped: counts.fields,
      trackedChanges: tracked.changes.length,
      trackedChangesAccepted: tracked.overLimit + tracked.marksAccepted,
      trackedChangesLeftOut: tracked.changes.length - suggestions.length,
      formattingChanges: tracked.formatting,
      coverLines: cover.lines,
      comments: comments.list(xml("word/commentsExtended.xml"), removed, cover.place),
      commentsDropped: comments.dropped,
    },
  };
}
