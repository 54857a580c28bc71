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
import { unzipDocx } from "./unzip";
import { child, parseXml } from "./xml";

export { DocxImportError, DEFAULT_LIMITS, type DocxLimits } from "./errors";
export { MAX_COMMENTS, type ImportedComment } from "./comments";
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
  /** Tracked changes were present and accepted: insertions kept, deletions dropped. */
  trackedChangesAccepted: boolean;
  /** Paragraphs with text taken out of the cover block at the body's start, every line of them read into a cover field (DocxImport.cover). */
  coverLines: number;
  /** At most MAX_COMMENTS, the file's first. */
  comments: ImportedComment[];
  /** Comments past MAX_COMMENTS, left out. */
  commentsDropped: number;
}

export interface DocxImport {
  doc: Json;
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
  const counts: Counts = { images: 0, textBoxes: 0, fields: 0, trackedChanges: false };
  const footnotes = { notes: noteMap(xml("word/footnotes.xml"), "w:footnote"), rels: readRels(xml("word/_rels/footnotes.xml.rels")), used: 0 };
  const endnotes = { notes: noteMap(xml("word/endnotes.xml"), "w:endnote"), rels: readRels(xml("word/_rels/endnotes.xml.rels")), used: 0 };
  const footnoteId = footnoteIds();
  const note = (kind: "footnote" | "endnote", id: string): Json | null => {
    const source = kind === "footnote" ? footnotes : endnotes;
    const found = source.notes.get(id);
    if (!found) return null;
    source.used += 1;
    return { type: "footnote", attrs: { id: footnoteId() }, content: noteContent(found, source.rels, counts, styles) };
  };
  const comments = new Comments(xml("word/comments.xml"));
  const schema = documentSchema();
  const mainList = findMainList(body, styles, numbering);
  const context: BodyContext = {
    styles,
    numbering,
    inline: newContext(readRels(xml("word/_rels/document.xml.rels")), counts, note, comments, styles.characters),
    mainList,
    quotationIndent: quotationIndentOf(body, styles, numbering, mainList),
    language: styles.language,
    counts: { headings: 0, tables: 0, lists: 0, listsRestyled: 0 },
    supports: { blockquote: schema.nodes.blockquote !== undefined, rowspan: schema.nodes.tableCell?.spec.attrs?.rowspan !== undefined },
    labelsRemoved: new Map(),
    placed: (index) => comments.placedAt(index),
    coverLines: new Map(),
  };
  const blocks = readBlocks(body, context, true);
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
  try {
    const node = schema.nodeFromJSON({ type: "doc", content: blocks });
    node.check();
    // Through the schema and back: adjacent runs with the same marks come out as one text node.
    doc = node.toJSON() as Json;
  } catch {
    throw new DocxImportError("import.word.notConvertible");
  }
  return {
    doc,
    language: styles.language,
    cover: cover.cover,
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
      trackedChangesAccepted: counts.trackedChanges,
      coverLines: cover.lines,
      comments: comments.list(xml("word/commentsExtended.xml"), removed, cover.place),
      commentsDropped: comments.dropped,
    },
  };
}
