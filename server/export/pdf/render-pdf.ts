import { coverHasContent, printedLabels, type ExportCover, type PrintedLabels } from "../../../core/export/export-cover";
import type { ExportDocument } from "../../../core/export/export-model";
import { LIST_STYLE_SPECS, type ListCounter, type ListStyle } from "../../../core/editor/list-styles";
import { compilePdf } from "./compiler";
import { listFontFiles, resolveFonts, scriptsIn } from "./fonts";

export interface PdfOptions {
  /** A table of contents with page numbers after the cover. */
  tableOfContents?: boolean;
  /** PDF/A-2b (archival) instead of plain PDF 1.7; both are tagged. */
  pdfA?: boolean;
}

/** What submission.typ reads from sys.inputs.doc; the template is the only consumer. */
export interface TemplateInput {
  model: ExportDocument;
  cover: ExportCover;
  /** The words printed around the data in the document's language; the page labels hold {page} and {total}. */
  labels: PrintedLabels;
  /** coverOnOwnPage: the model's PageLayout, for a cover that prints something. */
  options: { tableOfContents: boolean; coverOnOwnPage: boolean; listPatterns: Record<ListStyle, string> };
  /** Font families in fallback order, each one checked to be installed. */
  fonts: string[];
}

const TYPST_COUNTERS: Record<ListCounter, string> = { decimal: "1", "lower-alpha": "a", "upper-alpha": "A", "lower-roman": "i", "upper-roman": "I" };

/** Each list style as a Typst numbering pattern ("(a)", "1."), from the one table the editor and the DOCX read. */
const LIST_PATTERNS = Object.fromEntries(
  Object.entries(LIST_STYLE_SPECS).map(([style, spec]) => {
    const counter = TYPST_COUNTERS[spec.counter];
    return [style, spec.parenthesised ? `(${counter})` : `${counter}.`];
  }),
) as Record<ListStyle, string>;

// Read once per process, like the compiler's own font index: a font installed later needs a restart.
let fontFiles: string[] | null = null;

/**
 * A submission as an A4 PDF (issue 8): cover, running header, page numbers, hanging paragraph
 * numbers, footnotes on the page of their marker, optional contents page, tagged; PDF/A-2b on
 * request. Inputs and output are plain data, so the call can move into a worker unchanged.
 * Throws MissingFontError (fonts.ts) when a script in the text has no installed font, and
 * PdfCompileError (compiler.ts) when Typst fails.
 */
export async function renderPdf(model: ExportDocument, cover: ExportCover, options: PdfOptions = {}): Promise<Uint8Array> {
  fontFiles ??= listFontFiles();
  const labels = printedLabels(cover, model.language);
  const fonts = resolveFonts(fontFiles, scriptsIn(model, cover, Object.values(labels)));
  const coverOnOwnPage = model.layout?.coverOnOwnPage === true && coverHasContent(cover);
  const input: TemplateInput = { model, cover, labels, options: { tableOfContents: options.tableOfContents === true, coverOnOwnPage, listPatterns: LIST_PATTERNS }, fonts: fonts.families };
  return compilePdf(JSON.stringify(input), { fontDirs: fonts.dirs, pdfA: options.pdfA === true });
}
