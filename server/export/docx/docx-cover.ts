import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun } from "docx";
import { PAGE_MARK, pageLabelParts, TOTAL_MARK, type ExportCover, type PrintedLabels } from "../../../core/export/export-cover";
import { printedText } from "../../../core/un/printed";
import { xmlText } from "./docx-inline";
import type { LanguageOptions } from "./docx-styles";

/** How the cover's paragraphs and the running header and footer are set. */
export interface CoverSetting {
  rtl: boolean;
  /** Left out when the document defaults already tag runs with the document's language. */
  language?: LanguageOptions;
  /** The words printed around the data, in the document's language (core/export/export-cover.ts). */
  labels: PrintedLabels;
}

/** "2026-11-27" → "27 November 2026" (the UN's order), "27 novembre 2026" in French…; any other text is printed as typed. */
export function coverDate(value: string, language = "en"): string {
  return printedText(language).date(value);
}

function line(text: string, setting: CoverSetting, options: { bold?: boolean; style?: string; after?: number } = {}): Paragraph {
  return new Paragraph({
    style: options.style,
    alignment: AlignmentType.CENTER,
    bidirectional: setting.rtl || undefined,
    spacing: options.after === undefined ? undefined : { after: options.after },
    children: [new TextRun({ text: xmlText(text), bold: options.bold, rightToLeft: setting.rtl || undefined, language: setting.language })],
  });
}

/**
 * The cover block printed above the first heading: title, mechanism and session, State under
 * review, the submitting organisations with their acronyms (confidential ones were already left
 * out by exportCover), contact and date. Empty fields print nothing, not an empty label.
 */
export function coverParagraphs(cover: ExportCover, setting: CoverSetting): Paragraph[] {
  const out: Paragraph[] = [];
  if (cover.title) out.push(line(cover.title, setting, { style: "Title" }));
  if (cover.subtitle) out.push(line(cover.subtitle, setting));
  const mechanism = [cover.mechanism, cover.session].filter(Boolean).join(", ");
  if (mechanism) out.push(line(mechanism, setting));
  const labels = setting.labels;
  if (cover.stateUnderReview) out.push(line(labels.stateUnderReview, setting, { bold: true }));
  if (cover.organisations.length > 0) {
    out.push(line(labels.organisations, setting, { after: 0 }));
    cover.organisations.forEach((name, i) => out.push(line(name, setting, { after: i === cover.organisations.length - 1 ? 120 : 0 })));
  }
  if (cover.contact) out.push(line(labels.contact, setting));
  if (cover.date) out.push(line(labels.date, setting, { after: 360 }));
  return out;
}

/** The running header: the short title, small and centred, on every page. */
export function runningHeader(shortTitle: string, setting: CoverSetting): Header {
  const run = new TextRun({ text: xmlText(shortTitle), size: 18, italics: true, rightToLeft: setting.rtl || undefined, language: setting.language });
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, bidirectional: setting.rtl || undefined, children: [run] })] });
}

/**
 * "Page X of Y" as Word PAGE and NUMPAGES fields, filled in by Word as it lays out the pages, with
 * the words around them in the document's language and its order ("第 X 页，共 Y 页"). After a
 * cover page of its own, "Page X" alone: NUMPAGES would count the cover, and SECTIONPAGES, which
 * would not, prints nothing in LibreOffice.
 */
export function pageFooter(setting: CoverSetting, options: { total?: boolean } = {}): Footer {
  const label = options.total === false ? setting.labels.page : setting.labels.pageOfTotal;
  const children = pageLabelParts(label).map((part) => (part === PAGE_MARK ? PageNumber.CURRENT : part === TOTAL_MARK ? PageNumber.TOTAL_PAGES : part));
  const run = new TextRun({ children, size: 18, rightToLeft: setting.rtl || undefined, language: setting.language });
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, bidirectional: setting.rtl || undefined, children: [run] })] });
}

/** A header line fits one line: a long title is cut at a word and marked with an ellipsis. */
export function shortTitle(title: string, max = 80): string {
  const clean = title.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}\u2026`;
}
