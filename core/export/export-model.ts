import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import { citationDisplays } from "../citations/citation-display";
import { isAllowedLink } from "../editor/extensions";
import { directionOf } from "../editor/language";
import { isBulletStyle, isListStyle, type BulletStyle, type ListStyle as OrderedListStyle } from "../editor/list-styles";
import { computeNumbering, headingLevel, type HeadingLevel, type HeadingNumbering } from "../editor/numbering";
import { recommendationProvenance } from "../library/recommendation-attributes";
import { MECHANISMS } from "../un/mechanisms";
import { reviewOf, type ExportComment, type TrackedChange } from "./review-marks";

export type { ExportComment, TrackedChange } from "./review-marks";

/**
 * The submission as every exporter reads it (issue 8): blocks with their computed numbers, inline
 * runs with their marks, footnotes numbered in reading order with citations already written out
 * UN style ("Ibid." computed). DOCX and PDF are both built from this one model, so they cannot
 * disagree about a number or a note. Pure data: no markup of any format, no user string is ever
 * interpreted (exporters place text as text).
 */

export interface RunMarks {
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  superscript?: true;
  subscript?: true;
  /** http, https or mailto only; any other link is dropped and its text kept. */
  link?: string;
}

export type Inline =
  /**
   * `change` and `comments` appear only in a review copy (core/export/review-marks.ts): the
   * suggestion that inserts or deletes this text, and the comment threads covering it.
   */
  | { kind: "text"; text: string; marks: RunMarks; change?: TrackedChange; comments?: number[] }
  | { kind: "break" }
  /** A footnote marker: the note with this number in `ExportDocument.footnotes`. */
  | { kind: "note"; number: number };

/** Language and direction a block carries itself (an Arabic quotation in an English text). */
export interface BlockLanguage {
  lang: string | null;
  dir: "ltr" | "rtl" | null;
}

export type Block =
  | ({ kind: "heading"; level: HeadingLevel; label: string; content: Inline[] } & BlockLanguage)
  /** `number` is the paragraph's number as OHCHR cites it ("para. 43"); null when unnumbered. */
  | ({ kind: "paragraph"; number: number | null; content: Inline[] } & BlockLanguage)
  /** `bullet` is the marker of a bulleted list (style "bullet"), null for a numbered one. */
  | { kind: "list"; style: ListStyle; bullet: BulletStyle | null; start: number; items: Block[][] }
  | ({ kind: "quote"; blocks: Block[] } & BlockLanguage)
  | { kind: "table"; rows: TableRow[] }
  /**
   * A recommendation quoted from the library. `quote` is its frozen text with its note marker
   * right after it, where UN documents put the reference to a quotation; `provenance` is the
   * caption under it ("Recommendation 186.60 (Ghana), A/HRC/25/5, supported"), which carries no
   * marker. Exporters print the two in this order and move nothing (decision 016).
   */
  | { kind: "recommendation"; quote: Inline[]; provenance: string };

/** "bullet", or how a numbered list counts (core/editor/list-styles.ts). */
export type ListStyle = "bullet" | OrderedListStyle;

export interface TableRow {
  cells: Array<{ header: boolean; colspan: number; rowspan: number; blocks: Block[] }>;
}

export interface Footnote {
  number: number;
  content: Inline[];
}

/**
 * How the pages are laid out, decided here once for every format (decision 016). With
 * `coverOnOwnPage`, the cover is alone on the first page, which has no running header or page
 * number, and the page count starts on the next page; without it, the text starts under the cover
 * block on the first page, which is page 1 and shows its number but no running header.
 */
export interface PageLayout {
  coverOnOwnPage: boolean;
}

export interface ExportDocument {
  language: string;
  dir: "ltr" | "rtl";
  /** Always set by exportModel; a model built by hand (a test) without it has the cover on the first page. */
  layout?: PageLayout;
  blocks: Block[];
  footnotes: Footnote[];
  /** A review copy's comments (issue 20), each thread's opening comment then its replies; absent from a clean export. */
  comments?: ExportComment[];
}

/**
 * Whether a submission to this mechanism has a cover page of its own (decision 016): treaty-body
 * reports do (a title page is what committees receive from NGOs and what OHCHR posts); UPR and
 * special-procedure submissions start their text on the first page under the cover block, as the
 * accepted submissions do: the names of every co-submitting organisation "at the beginning of the
 * submission", every page counted against a tight word limit. Unknown or none: the first page.
 */
export function coverOnOwnPage(mechanism: string | null | undefined): boolean {
  return MECHANISMS.find((m) => m.id === mechanism)?.kind === "treaty";
}

function marksOf(marks: readonly Mark[]): RunMarks {
  const out: RunMarks = {};
  for (const mark of marks) {
    const name = mark.type.name;
    if (name === "bold" || name === "italic" || name === "underline" || name === "strike" || name === "superscript" || name === "subscript") out[name] = true;
    else if (name === "link" && typeof mark.attrs.href === "string" && isAllowedLink(mark.attrs.href)) out.link = mark.attrs.href.trim();
  }
  return out;
}

const language = (node: PMNode): BlockLanguage => ({
  lang: node.attrs.lang ? String(node.attrs.lang) : null,
  dir: node.attrs.dir === "rtl" || node.attrs.dir === "ltr" ? node.attrs.dir : null,
});

class ModelBuilder {
  readonly footnotes: Footnote[] = [];
  private readonly numbering;
  private readonly citations;

  constructor(private readonly doc: PMNode, headingNumbering: HeadingNumbering, language: string) {
    this.numbering = computeNumbering(doc, headingNumbering);
    // Notes print in the document's language: "Ibid., par. 55" in a French submission.
    this.citations = citationDisplays(doc, language);
  }

  /** A textblock's (or a note's) inline content; notes met on the way are numbered and kept. */
  inline(node: PMNode): Inline[] {
    const runs: Inline[] = [];
    node.forEach((child) => {
      if (child.isText) runs.push({ kind: "text", text: child.text ?? "", marks: marksOf(child.marks), ...reviewOf(child.marks) });
      else if (child.type.name === "hardBreak") runs.push({ kind: "break" });
      else if (child.type.name === "footnote") runs.push(this.note(child));
      else if (child.type.name === "citation") runs.push({ kind: "text", text: String(child.attrs.label ?? ""), marks: {}, ...reviewOf(child.marks) });
    });
    return runs;
  }

  /** A note's content with its citations as the reader sees them ("Ibid., para. 55"). */
  private note(footnote: PMNode): Inline {
    const number = this.footnotes.length + 1;
    const displays = this.citations.get(String(footnote.attrs.id ?? "")) ?? [];
    let citation = 0;
    const content: Inline[] = [];
    footnote.forEach((child) => {
      if (child.isText) content.push({ kind: "text", text: child.text ?? "", marks: marksOf(child.marks), ...reviewOf(child.marks) });
      else if (child.type.name === "hardBreak") content.push({ kind: "break" });
      else if (child.type.name === "citation") content.push({ kind: "text", text: displays[citation++] ?? String(child.attrs.label ?? ""), marks: {}, ...reviewOf(child.marks) });
    });
    this.footnotes.push({ number, content });
    return { kind: "note", number };
  }

  blocks(parent: PMNode, topLevel: boolean): Block[] {
    const blocks: Block[] = [];
    parent.forEach((node, offset) => {
      const block = this.block(node, topLevel ? offset : null);
      if (block) blocks.push(block);
    });
    return blocks;
  }

  /** One block; `offset` is its position when it is a top-level block (numbers are keyed by it). */
  private block(node: PMNode, offset: number | null): Block | null {
    switch (node.type.name) {
      case "heading":
        return {
          kind: "heading",
          level: headingLevel(node),
          label: offset === null ? "" : (this.numbering.headings.get(offset) ?? ""),
          content: this.inline(node),
          ...language(node),
        };
      case "paragraph":
        return { kind: "paragraph", number: offset === null ? null : (this.numbering.paragraphs.get(offset) ?? null), content: this.inline(node), ...language(node) };
      case "bulletList":
      case "orderedList": {
        const bulleted = node.type.name === "bulletList";
        const style: ListStyle = bulleted ? "bullet" : isListStyle(node.attrs.listStyle) ? node.attrs.listStyle : "decimal";
        const bullet = bulleted ? (isBulletStyle(node.attrs.bulletStyle) ? node.attrs.bulletStyle : "disc") : null;
        const items: Block[][] = [];
        node.forEach((item) => items.push(this.blocks(item, false)));
        return { kind: "list", style, bullet, start: Number(node.attrs.start) || 1, items };
      }
      case "blockquote":
        return { kind: "quote", blocks: this.blocks(node, false), ...language(node) };
      case "table": {
        const rows: TableRow[] = [];
        node.forEach((row) => {
          const cells: TableRow["cells"] = [];
          row.forEach((cell) =>
            cells.push({ header: cell.type.name === "tableHeader", colspan: Number(cell.attrs.colspan) || 1, rowspan: Number(cell.attrs.rowspan) || 1, blocks: this.blocks(cell, false) }),
          );
          rows.push({ cells });
        });
        return { kind: "table", rows };
      }
      case "recommendation":
        return {
          kind: "recommendation",
          quote: [{ kind: "text", text: String(node.attrs.text ?? ""), marks: {} }, ...this.inline(node)],
          provenance: recommendationProvenance(node.attrs),
        };
      default:
        return null;
    }
  }
}

/**
 * Reads a draft's canonical document (core/editor schema) into the export model: paragraph and
 * heading numbers from computeNumbering, footnotes numbered in reading order (the same order the
 * editor numbers them), citations formatted with "Ibid." where it applies, in the document's
 * language (`language`, the cover's: "Ibid., párr. 55" in Spanish).
 */
export function exportModel(doc: PMNode, options: { language: string; headingNumbering: HeadingNumbering; mechanism?: string | null }): ExportDocument {
  const builder = new ModelBuilder(doc, options.headingNumbering, options.language);
  const blocks = builder.blocks(doc, true);
  const layout = { coverOnOwnPage: coverOnOwnPage(options.mechanism) };
  return { language: options.language, dir: directionOf(options.language), layout, blocks, footnotes: builder.footnotes };
}
