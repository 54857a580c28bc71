import { CommentRangeEnd, CommentRangeStart, CommentReference, DeletedTextRun, ExternalHyperlink, FootnoteReferenceRun, InsertedTextRun, TextRun, type IRunOptions, type ParagraphChild } from "docx";
import type { Inline, RunMarks, TrackedChange } from "../../../core/export/export-model";
import type { ReviewRendering } from "./docx-review";
import type { LanguageOptions } from "./docx-styles";

/** How the runs of one paragraph are set: its direction and language, and any formatting it imposes. */
export interface RunSetting {
  rtl: boolean;
  /** Left out for text in the document's language: the document defaults already tag it. */
  language?: LanguageOptions;
  /** Table header cells are bold; recommendation provenance lines are italic. */
  bold?: boolean;
  italics?: boolean;
  /** Whether note markers become footnote references (never inside a footnote itself). */
  notes: boolean;
  /** A review copy's comment ranges and revision ids (docx-review.ts); absent, changes and comments are not written. */
  review?: ReviewRendering;
}

// docx already drops the C0 controls XML 1.0 forbids, but not U+FFFE and U+FFFF, which are not
// XML characters either (Word refuses the file); a lone surrogate would turn into a U+FFFD box.
// Text pasted from PDFs and old Word files does carry them.
const NOT_XML = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text as Word may hold it: characters XML cannot carry are dropped; nothing is interpreted. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "");
}

/** A run, or in a review copy the suggestion's w:ins or w:del around it, signed and dated. */
function textRun(text: string, marks: RunMarks, setting: RunSetting, link: boolean, change?: TrackedChange): ParagraphChild {
  const options = runOptions(text, marks, setting, link);
  if (!change || !setting.review) return new TextRun(options);
  const revision = { id: setting.review.revisionId(), author: xmlText(change.author), date: change.date };
  return change.kind === "insertion" ? new InsertedTextRun({ ...options, ...revision }) : new DeletedTextRun({ ...options, ...revision });
}

function runOptions(text: string, marks: RunMarks, setting: RunSetting, link: boolean): IRunOptions {
  return {
    text: xmlText(text),
    bold: marks.bold || setting.bold ? true : undefined,
    italics: marks.italic || setting.italics ? true : undefined,
    underline: marks.underline ? {} : undefined,
    strike: marks.strike,
    superScript: marks.superscript,
    subScript: marks.subscript,
    rightToLeft: setting.rtl || undefined,
    language: setting.language,
    style: link ? "Hyperlink" : undefined,
  };
}

/**
 * A paragraph's inline content as docx children: text runs with their marks, a line break, a
 * footnote reference for each note marker (its id is the model's note number, so Word's own
 * footnote numbering, counted in document order, gives the same numbers), and consecutive runs
 * with the same link gathered into one external hyperlink (a relationship of the part they
 * are in: the document, or the footnotes for links in notes).
 */
export function inlineChildren(inlines: readonly Inline[], setting: RunSetting): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  let link: { href: string; runs: ParagraphChild[] } | null = null;
  const closeLink = () => {
    if (link) children.push(new ExternalHyperlink({ link: xmlText(link.href), children: link.runs }));
    link = null;
  };
  for (const inline of inlines) {
    const href = inline.kind === "text" ? inline.marks.link : undefined;
    if (link && link.href !== href) closeLink();
    // A review copy's comment ranges open and close around whole runs, outside any hyperlink.
    const starts = setting.review?.starts.get(inline);
    if (starts) {
      closeLink();
      children.push(...starts.map((id) => new CommentRangeStart(id)));
    }
    if (inline.kind === "text" && href) {
      link ??= { href, runs: [] };
      link.runs.push(textRun(inline.text, inline.marks, setting, true, inline.change));
    } else if (inline.kind === "text") children.push(textRun(inline.text, inline.marks, setting, false, inline.change));
    else if (inline.kind === "break") children.push(new TextRun({ break: 1 }));
    else if (setting.notes) children.push(new FootnoteReferenceRun(inline.number));
    const ends = setting.review?.ends.get(inline);
    if (ends) {
      closeLink();
      for (const id of ends) children.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
    }
  }
  closeLink();
  return children;
}
