/**
 * The body: paragraphs, headings, quotations, lists and tables, in order. Paragraphs of the
 * document's main numbering (the decimal Word list most body paragraphs carry) become Caucus's
 * numbered paragraphs; every other Word list stays a list (lists.ts).
 */
import { cleanLang } from "../../../core/editor/language";
import { HEADING_LEVELS } from "../../../core/editor/numbering";
import { coverLineKind, type CoverLineKind } from "./cover";
import { dominantLang, readInline, type InlineContext, type Json } from "./inline";
import { ListBuilder } from "./lists";
import { readTable } from "./table";
import { NO_FORMAT, type RunFormat } from "./run-format";
import { indentOf, paragraphStyle, type Numbering, type Styles } from "./styles";
import { readsAsIndentedQuotation } from "./indented-quotes";
import { leadingText, paragraphMarkChange, withoutLeading, type PieceBlock } from "./tracked";
import { child, elements, isOn, val, type XmlElement } from "./xml";

export interface BodyCounts {
  headings: number;
  tables: number;
  lists: number;
  listsRestyled: number;
}

/** What the editor's schema offers that a Word file may use (documentSchema().nodes). */
export interface SchemaSupport {
  blockquote: boolean;
  rowspan: boolean;
}

export interface BodyContext {
  styles: Styles;
  numbering: Numbering;
  inline: InlineContext;
  /** The abstract list whose level-0 paragraphs are the document's numbered paragraphs, if any. */
  mainList: string | null;
  /** The least left indent (twips) at which an unnumbered top-level paragraph is an indented quotation (indented-quotes.ts). */
  quotationIndent: number;
  language: string | null;
  counts: BodyCounts;
  supports: SchemaSupport;
  /** Top-level heading index → characters of the typed label removed from its start (comment offsets). */
  labelsRemoved: Map<number, number>;
  /** The paragraph or table just read landed in the top-level block at this index: its own, or the list, quotation or table it joined (comment anchors). */
  placed: (index: number) => void;
  /** Top-level unnumbered paragraphs set like a cover line (centred, or Title/Subtitle), for cover.ts. */
  coverLines: Map<Json, CoverLineKind>;
  /**
   * A paragraph whose mark was a tracked insertion: before the change it was one paragraph with
   * the next, so its content (and its text's length, for comment offsets) opens the next one.
   */
  carried: { content: Json[]; length: number } | null;
}

export interface ParagraphInfo {
  heading: number | null;
  numId: string | null;
  ilvl: number;
  rtl: boolean;
  /** Its own left indent (`w:ind` on the paragraph), which places a list item's depth. */
  indent: number | null;
  /** The left indent it is set at, its own or its style's (twips); and its hanging indent. */
  leftIndent: number;
  hanging: number;
  quote: boolean;
  /** Centred, by its own `w:jc` or else its style's. */
  centred: boolean;
  titleStyle: "title" | "subtitle" | null;
  /** What the paragraph's style gives its text. */
  run: RunFormat;
}

export function paragraphInfo(p: XmlElement, styles: Styles): ParagraphInfo {
  const pPr = child(p, "w:pPr");
  const style = paragraphStyle(p, styles);
  const outline = val(child(pPr, "w:outlineLvl"));
  const numPr = child(pPr, "w:numPr");
  const own = indentOf(child(pPr, "w:ind"));
  const numId = numPr ? (val(child(numPr, "w:numId")) ?? null) : (style?.numId ?? null);
  const jc = val(child(pPr, "w:jc"));
  return {
    heading: style?.headingLevel ?? (outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : null),
    // numId 0 is Word's way of switching a style's numbering off for one paragraph.
    numId: numId === "0" ? null : numId,
    ilvl: numPr ? Number(val(child(numPr, "w:ilvl")) ?? 0) || 0 : (style?.ilvl ?? 0),
    rtl: isOn(child(pPr, "w:bidi")),
    indent: own.left,
    leftIndent: own.left ?? style?.indent.left ?? 0,
    hanging: own.hanging ?? style?.indent.hanging ?? 0,
    quote: style?.quote ?? false,
    centred: jc === undefined ? (style?.centred ?? false) : jc === "center",
    titleStyle: style?.titleStyle ?? null,
    run: style?.run ?? NO_FORMAT,
  };
}

/**
 * Removes a heading label the exporter or an author typed ("I.\t", "A.\t", "1.\t", "(a)\t") before the
 * title: Caucus numbers headings from the template. The label may span runs (LibreOffice writes
 * the tab as its own run). Returns how many characters went, so comment offsets can follow.
 */
export function stripHeadingLabel(content: Json[]): { content: Json[]; removed: number } {
  // Without the marks of tracked changes (tracked.ts), which withoutLeading takes off with the label.
  const match = /^(?:(?:[IVXLCDM]+|[A-Z]|\d+(?:\.\d+)*)\.?|\([a-z]{1,3}\))\t+/.exec(leadingText(content));
  if (!match) return { content, removed: 0 };
  return { content: withoutLeading(content, match[0].length), removed: match[0].length };
}

/**
 * One paragraph's block, or null when it held only dropped objects. `offset` is where its text
 * starts within the top-level block (a quotation's later paragraphs continue its count);
 * `format` is what its style gives its text (none for headings and quotations, whose node is the
 * style); `removed` counts the label characters taken off a heading.
 */
function readParagraph(
  p: XmlElement,
  ctx: BodyContext,
  info: ParagraphInfo,
  offset: number,
  format: RunFormat,
  tracked: { joinable: boolean; numbered: boolean }
): { block: Json; removed: number } | { carried: true } | null {
  const inline = ctx.inline;
  inline.langs.clear();
  const carried = ctx.carried;
  ctx.carried = null;
  inline.offset = offset + (carried?.length ?? 0);
  inline.paragraphFormat = format;
  inline.comments?.paragraph();
  const before = inline.counts.fields + inline.counts.images + inline.counts.textBoxes;
  const insideField = inline.fields.length > 0;
  const content: Json[] = carried?.content ?? [];
  const pPr = child(p, "w:pPr");
  if (inline.track) {
    inline.track.block = pieceBlock(info, tracked.numbered);
    if (child(pPr, "w:pPrChange")) inline.track.registry.formatting += 1;
  }
  readInline(p, inline, content);
  if (inline.track?.paragraphEnd(content, paragraphMarkChange(pPr), tracked.joinable)) {
    ctx.carried = { content, length: inline.offset - offset };
    return { carried: true };
  }
  const dropped = inline.counts.fields + inline.counts.images + inline.counts.textBoxes !== before;
  // A paragraph left empty only because its field result or picture was dropped was never the author's text.
  if (!content.length && (insideField || dropped || inline.fields.length > 0)) return null;
  const attrs: Json = {};
  const lang = cleanLang(dominantLang(inline));
  if (lang && lang.split("-")[0]!.toLowerCase() !== (ctx.language ?? "").split("-")[0]!.toLowerCase()) attrs.lang = lang;
  if (info.rtl) attrs.dir = "rtl";
  if (info.heading) {
    ctx.counts.headings += 1;
    const label = stripHeadingLabel(content);
    return { block: { type: "heading", attrs: { ...attrs, level: Math.min(HEADING_LEVELS.length, info.heading) }, content: label.content }, removed: label.removed };
  }
  return { block: { type: "paragraph", attrs: { ...attrs, numbered: false }, content }, removed: 0 };
}

/** The block a tracked insertion written in this paragraph proposes (tracked.ts): a new numbered paragraph is numbered. */
function pieceBlock(info: ParagraphInfo, numbered: boolean): PieceBlock {
  const attrs: Json = info.rtl ? { dir: "rtl" } : {};
  return info.heading ? { type: "heading", attrs: { ...attrs, level: Math.min(HEADING_LEVELS.length, info.heading) } } : { type: "paragraph", attrs: { ...attrs, numbered } };
}

/** Whether a paragraph's content can open `next`, the next element of its container (only another paragraph). */
const joinsNext = (next: XmlElement | undefined) => next?.name === "w:p";

/** Elements that hold or are blocks; bookmarks, section properties and the like between paragraphs are not. */
const BLOCKS = new Set(["w:p", "w:tbl", "w:sdt", "w:customXml", "w:ins", "w:moveTo"]);
const isBlock = (node: XmlElement) => BLOCKS.has(node.name);

/** The blocks of the body, a table cell or a content control. */
export function readBlocks(container: XmlElement, ctx: BodyContext, topLevel: boolean): Json[] {
  const out: Json[] = [];
  const lists = new ListBuilder(out);
  // The quotation being read, so consecutive quote paragraphs make one blockquote; `length` is its text so far.
  let quote: { node: Json & { content: Json[] }; length: number } | null = null;
  const placed = () => {
    if (topLevel) ctx.placed(out.length - 1);
  };
  const visit = (node: XmlElement, next: XmlElement | undefined) => {
    if (node.name === "w:p") {
      const info = paragraphInfo(node, ctx.styles);
      const level = info.numId && !info.heading ? ctx.numbering.level(info.numId, info.ilvl) : null;
      const main = topLevel && !info.heading && info.ilvl === 0 && info.numId !== null && ctx.mainList !== null && ctx.numbering.abstractOf(info.numId) === ctx.mainList;
      const listed = level !== null && !main && level.format !== "none";
      // Quotation styles and indented excerpts become the editor's blockquote. Recommendation
      // nodes are not made from them: a recommendation is a frozen copy of a library record (its
      // id, symbol, paragraph, recommending States), which a quoted paragraph does not identify,
      // so a quoted recommendation stays quoted text for the author to link to the library.
      const indented = topLevel && readsAsIndentedQuotation(node, info, ctx.quotationIndent);
      const quoted = ctx.supports.blockquote && (info.quote || indented) && !info.heading && !main && !listed;
      const joining = quoted && quote !== null && out[out.length - 1] === quote.node ? quote : null;
      const read = readParagraph(node, ctx, info, joining?.length ?? 0, info.heading || quoted ? NO_FORMAT : info.run, { joinable: joinsNext(next), numbered: main });
      if (!read || "carried" in read) return;
      const block = read.block;
      if (topLevel && read.removed) ctx.labelsRemoved.set(out.length, read.removed);
      if (main) (block.attrs as Json).numbered = true;
      if (listed) {
        const numId = info.numId!;
        lists.add(block, { numId, abstract: ctx.numbering.abstractOf(numId) ?? numId, restarts: ctx.numbering.restarts(numId, info.ilvl) }, info.ilvl, level, info.indent);
        // The open list is always the last top-level block, whether the item began it or joined it.
        placed();
        return;
      }
      lists.close();
      if (quoted) {
        const current = joining ?? { node: { type: "blockquote", content: [] as Json[] }, length: 0 };
        if (!joining) out.push(current.node);
        current.node.content.push(block);
        current.length = ctx.inline.offset;
        quote = current;
        // A comment in a quotation's later paragraph is anchored at the blockquote, its offset counted from the quotation's start.
        placed();
        return;
      }
      // Only an unnumbered paragraph can be a cover line: a numbered one is the submission's own text.
      const coverKind = topLevel && !main && level === null ? coverLineKind(info) : null;
      if (coverKind) ctx.coverLines.set(block, coverKind);
      out.push(block);
      placed();
    } else if (node.name === "w:tbl") {
      lists.close();
      const readCell = (tc: XmlElement) => {
        ctx.inline.track?.boundary();
        const blocks = readBlocks(tc, ctx, false);
        ctx.inline.track?.boundary();
        return blocks;
      };
      const table = readTable(node, { supportsRowspan: ctx.supports.rowspan, readCell });
      if (table) {
        ctx.counts.tables += 1;
        out.push(table);
        placed();
      }
    } else if (node.name === "w:sdt" || node.name === "w:customXml" || node.name === "w:ins" || node.name === "w:moveTo") {
      const inner = elements(child(node, "w:sdtContent") ?? node).filter(isBlock);
      inner.forEach((element, i) => visit(element, inner[i + 1] ?? next));
    }
  };
  const nodes = elements(container).filter(isBlock);
  nodes.forEach((node, i) => visit(node, nodes[i + 1]));
  ctx.counts.lists += lists.lists;
  ctx.counts.listsRestyled += lists.restyled;
  return out;
}
