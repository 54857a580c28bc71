import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, Table, TableCell, TableRow, WidthType, type IParagraphOptions } from "docx";
import type { Block, BlockLanguage, Inline, TableRow as ModelRow } from "../../../core/export/export-model";
import { directionOf } from "../../../core/editor/language";
import { inlineChildren, xmlText, type RunSetting } from "./docx-inline";
import type { NumberingPlan } from "./docx-numbering";
import type { ReviewRendering } from "./docx-review";
import { blockLanguage, INDENT, languageTag } from "./docx-styles";

/** Where a block sits: the indent it starts at, the language and direction around it, the lists. */
export interface BlockContext {
  numbering: NumberingPlan;
  /** Left (leading, in RTL) indent of body text in twips. */
  indent: number;
  lang: string;
  dir: "ltr" | "rtl";
  /** The document's language, which the default run properties carry (runs in it need no tag of their own). */
  documentLang: string;
  /** Inside a table cell: text is not justified, header cells are bold. */
  cell?: { header: boolean };
  /** A review copy's comment ranges and revision ids (docx-review.ts). */
  review?: ReviewRendering;
}

type Output = Paragraph | Table;

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3, 4: HeadingLevel.HEADING_4 } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

/**
 * The language and direction a block is set in: its own, else (for direction) its language's,
 * else its context's. Runs are tagged only when their language is not the document's.
 */
function setting(block: Partial<BlockLanguage>, context: BlockContext): RunSetting & { lang: string } {
  const lang = blockLanguage(block.lang ?? null, context.lang);
  const dir = block.dir ?? (block.lang ? directionOf(lang) : context.dir);
  return { rtl: dir === "rtl", language: lang === context.documentLang ? undefined : languageTag(lang), lang, notes: true, bold: context.cell?.header || undefined, review: context.review };
}

function paragraph(content: readonly Inline[], run: RunSetting, options: IParagraphOptions, block: readonly Inline[] = content): Paragraph {
  // A review copy: the paragraph break a suggestion deletes is a deleted paragraph mark.
  const deleted = run.review?.deletedBreaks.get(block);
  const mark = deleted ? { run: { deletion: { id: run.review!.revisionId(), author: xmlText(deleted.author), date: deleted.date } } } : {};
  return new Paragraph({ ...options, ...mark, bidirectional: run.rtl || undefined, children: inlineChildren(content, run) });
}

const bodyAlignment = (context: BlockContext) => (context.cell ? undefined : AlignmentType.BOTH);

function heading(block: Extract<Block, { kind: "heading" }>, context: BlockContext): Paragraph {
  const run = setting(block, context);
  // The template's label as text ("I.", "A."): exactly the label the editor shows, and a TOC
  // entry reads "I. Background" without a numbering definition per heading level.
  const label: Inline[] = block.label ? [{ kind: "text", text: `${block.label}\t`, marks: {} }] : [];
  return paragraph([...label, ...block.content], run, {
    heading: HEADINGS[block.level],
    indent: block.label ? { left: INDENT, hanging: INDENT } : undefined,
  }, block.content);
}

function bodyParagraph(block: Extract<Block, { kind: "paragraph" }>, context: BlockContext): Paragraph {
  const run = setting(block, context);
  const alignment = bodyAlignment(context);
  if (block.number !== null) return paragraph(block.content, run, { numbering: context.numbering.paragraph(block.number), alignment });
  return paragraph(block.content, run, { indent: context.indent ? { left: context.indent } : undefined, alignment });
}

/** Each item's first paragraph carries the list's label; its later blocks hang under the text. */
function list(block: Extract<Block, { kind: "list" }>, context: BlockContext): Output[] {
  const indent = context.indent + INDENT;
  const numbering = context.numbering.list(block.style, block.bullet, block.start, indent);
  const inner: BlockContext = { ...context, indent };
  const out: Output[] = [];
  for (const item of block.items) {
    let labelled = false;
    for (const child of item) {
      if (!labelled && child.kind === "paragraph") {
        labelled = true;
        out.push(paragraph(child.content, setting(child, inner), { numbering, alignment: bodyAlignment(context) }));
      } else {
        out.push(...renderBlocks([child], inner));
      }
    }
  }
  return out;
}

function table(rows: readonly ModelRow[], context: BlockContext): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
    visuallyRightToLeft: context.dir === "rtl" || undefined,
    rows: rows.map(
      (row) =>
        new TableRow({
          // A row of header cells repeats at the top of each page the table runs onto.
          tableHeader: row.cells.length > 0 && row.cells.every((c) => c.header),
          children: row.cells.map((cell) => {
            const children = renderBlocks(cell.blocks, { ...context, indent: 0, cell: { header: cell.header } });
            return new TableCell({
              columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
              rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
              shading: cell.header ? { type: ShadingType.CLEAR, color: "auto", fill: "E7E6E6" } : undefined,
              // Word cannot open a cell without a paragraph, nor one that ends in a table.
              children: children.length === 0 || children.at(-1) instanceof Table ? [...children, new Paragraph({})] : children,
            });
          }),
        }),
    ),
  });
}

/** The quotation indented, with its note marker where the model put it; the caption under it in italics. */
function recommendation(block: Extract<Block, { kind: "recommendation" }>, context: BlockContext): Paragraph[] {
  const run = setting({}, context);
  const indent = { left: context.indent + INDENT, right: context.cell ? undefined : INDENT };
  return [
    paragraph(block.quote, run, { indent, keepNext: true, spacing: { after: 60 } }),
    paragraph([{ kind: "text", text: block.provenance, marks: {} }], { ...run, italics: true }, { indent }),
  ];
}

/** The export model's blocks as Word paragraphs and tables, in reading order (so notes number alike). */
export function renderBlocks(blocks: readonly Block[], context: BlockContext): Output[] {
  const out: Output[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        out.push(heading(block, context));
        break;
      case "paragraph":
        out.push(bodyParagraph(block, context));
        break;
      case "list":
        out.push(...list(block, context));
        break;
      case "quote": {
        const { lang, rtl } = setting(block, context);
        out.push(...renderBlocks(block.blocks, { ...context, indent: context.indent + INDENT, lang, dir: rtl ? "rtl" : "ltr" }));
        break;
      }
      case "table":
        out.push(table(block.rows, context));
        break;
      case "recommendation":
        out.push(...recommendation(block, context));
        break;
    }
  }
  return out;
}
