import { Document, Header, PageBreak, Packer, Paragraph, TableOfContents, TextRun, type FileChild, type ISectionOptions } from "docx";
import { coverHasContent, printedLabels, type ExportCover } from "../../../core/export/export-cover";
import type { ExportDocument } from "../../../core/export/export-model";
import { renderBlocks } from "./docx-blocks";
import { coverParagraphs, pageFooter, runningHeader, shortTitle, type CoverSetting } from "./docx-cover";
import { inlineChildren, xmlText } from "./docx-inline";
import { NumberingPlan } from "./docx-numbering";
import { ReviewRendering } from "./docx-review";
import { blockLanguage, documentStyles, INDENT } from "./docx-styles";

export interface DocxOptions {
  /** Insert a Word table of contents field after the cover; Word refreshes it when the file opens. */
  tableOfContents?: boolean;
  /** The running header; the cover title (cut to one line) when not given. */
  shortTitle?: string;
}

/**
 * What docProps/core.xml says about who made the file. docx writes "Un-named" for a missing
 * creator or last editor; we name the tool instead, never a person: submissions of coalitions
 * whose members work under surveillance are posted publicly, metadata included.
 */
export const DOCX_AUTHOR = "Caucus";

function footnotes(model: ExportDocument, setting: CoverSetting, review: ReviewRendering): Record<string, { children: Paragraph[] }> {
  const notes: Record<string, { children: Paragraph[] }> = {};
  for (const note of model.footnotes) {
    const children = inlineChildren(note.content, { rtl: setting.rtl, language: setting.language, notes: false, review });
    notes[note.number] = { children: [new Paragraph({ style: "FootnoteText", bidirectional: setting.rtl || undefined, children: [new TextRun(" "), ...children] })] };
  }
  return notes;
}

function tableOfContents(setting: CoverSetting): FileChild[] {
  return [
    new Paragraph({ bidirectional: setting.rtl || undefined, keepNext: true, children: [new TextRun({ text: setting.labels.contents, bold: true, rightToLeft: setting.rtl || undefined, language: setting.language })] }),
    new TableOfContents(setting.labels.contents, { hyperlink: true, headingStyleRange: "1-3" }),
    // The contents have a page of their own, as in the PDF: the text starts on the next page.
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/**
 * The submission as a Word file (issue 8), the artefact OHCHR and the committees ask for: cover
 * block, optional table of contents, body paragraphs numbered 1., 2., 3. by one Word list,
 * (a)/(i) subparagraphs, headings labelled as the template numbers them, tables, native
 * footnotes (links inside them work), Arabic paragraphs right to left, runs tagged with their
 * language (the document's through the style defaults), header with the short title and footer
 * with "Page X of Y". The model is read as data only: no text from it becomes a field, a style
 * name or markup.
 */
export async function renderDocx(model: ExportDocument, cover: ExportCover, options: DocxOptions = {}): Promise<Buffer> {
  const lang = blockLanguage(null, model.language);
  // Runs in the document's language take their tag from the styles' defaults.
  // The cover's labels, "Contents" and "Page X of Y" in the document's language (core/un/printed.ts).
  const setting: CoverSetting = { rtl: model.dir === "rtl", labels: printedLabels(cover, model.language) };
  const numbering = new NumberingPlan(lang);
  // A review copy's tracked changes and comments; a clean model has none, and nothing is written.
  const review = new ReviewRendering(model);
  const body = renderBlocks(model.blocks, { numbering, indent: INDENT, lang, dir: model.dir, documentLang: lang, review });
  const notes = footnotes(model, setting, review);
  const document = new Document({
    title: xmlText(cover.title),
    creator: DOCX_AUTHOR,
    lastModifiedBy: DOCX_AUTHOR,
    styles: documentStyles(lang),
    // Read once the body is rendered: rendering is what creates the lists.
    numbering: numbering.definitions(),
    footnotes: notes,
    comments: review.commentsOption(),
    features: options.tableOfContents ? { updateFields: true } : undefined,
    sections: sections(model, cover, setting, [...(options.tableOfContents ? tableOfContents(setting) : []), ...body], options.shortTitle),
  });
  return Packer.toBuffer(document);
}

/**
 * The pages as the model lays them out (PageLayout): a cover on a page of its own is a section
 * without header or footer, and the body's section counts its pages from 1 ("Page X"); a cover
 * on the first page is that page's top, which has the page number but
 * not the running header (the title is printed right under it).
 */
function sections(model: ExportDocument, cover: ExportCover, setting: CoverSetting, body: FileChild[], title?: string): ISectionOptions[] {
  const header = runningHeader(title ?? shortTitle(cover.title), setting);
  const coverLines = coverParagraphs(cover, setting);
  if (model.layout?.coverOnOwnPage && coverHasContent(cover)) {
    return [
      { children: coverLines },
      { properties: { page: { pageNumbers: { start: 1 } } }, headers: { default: header }, footers: { default: pageFooter(setting, { total: false }) }, children: body },
    ];
  }
  const footer = pageFooter(setting);
  return [{ properties: { titlePage: true }, headers: { default: header, first: new Header({ children: [] }) }, footers: { default: footer, first: footer }, children: [...coverLines, ...body] }];
}
