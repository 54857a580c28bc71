/**
 * The body: paragraphs, headings, lists and tables, in order. Paragraphs of the document's main
 * numbering (the decimal Word list most body paragraphs carry) become Caucus's numbered
 * paragraphs; every other Word list stays a list (lists.ts).
 */
import { cleanLang } from "../../../core/editor/language";
import { dominantLang, readInline, type InlineContext, type Json } from "./inline";
import { ListBuilder } from "./lists";
import type { Numbering, Styles } from "./styles";
import { child, elements, isOn, val, type XmlElement } from "./xml";

export interface BodyCounts {
  headings: number;
  tables: number;
  lists: number;
}

export interface BodyContext {
  styles: Styles;
  numbering: Numbering;
  inline: InlineContext;
  /** The abstract list whose level-0 paragraphs are the document's numbered paragraphs, if any. */
  mainList: string | null;
  language: string | null;
  counts: BodyCounts;
  /** Index of the top-level block being read (comment anchors). */
  onTopLevel: (index: number) => void;
}

interface ParagraphInfo {
  heading: number | null;
  numId: string | null;
  ilvl: number;
  rtl: boolean;
  indent: number | null;
}

export function paragraphInfo(p: XmlElement, styles: Styles): ParagraphInfo {
  const pPr = child(p, "w:pPr");
  const style = styles.byId.get(val(child(pPr, "w:pStyle")) ?? "");
  const outline = val(child(pPr, "w:outlineLvl"));
  const numPr = child(pPr, "w:numPr");
  const ind = child(pPr, "w:ind");
  const left = val(ind, "w:left") ?? val(ind, "w:start");
  const numId = numPr ? (val(child(numPr, "w:numId")) ?? null) : (style?.numId ?? null);
  return {
    heading: style?.headingLevel ?? (outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : null),
    // numId 0 is Word's way of switching a style's numbering off for one paragraph.
    numId: numId === "0" ? null : numId,
    ilvl: numPr ? Number(val(child(numPr, "w:ilvl")) ?? 0) || 0 : (style?.ilvl ?? 0),
    rtl: isOn(child(pPr, "w:bidi")),
    indent: left === undefined ? null : Number(left) || 0,
  };
}

/** The abstract list numbering most top-level body paragraphs at level 0 with "1." or "1)" labels. */
export function findMainList(body: XmlElement, styles: Styles, numbering: Numbering): string | null {
  const counts = new Map<string, number>();
  for (const p of elements(body)) {
    if (p.name !== "w:p") continue;
    const info = paragraphInfo(p, styles);
    if (!info.numId || info.ilvl !== 0 || info.heading) continue;
    const level = numbering.level(info.numId, 0);
    const abstract = numbering.abstractOf(info.numId);
    if (!level || abstract === null || level.format !== "decimal" || !/^%1[.)]?$/.test(level.text)) continue;
    counts.set(abstract, (counts.get(abstract) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 1;
  for (const [abstract, n] of counts) if (n > most) [best, most] = [abstract, n];
  return best;
}

/**
 * Removes a heading label the exporter or an author typed ("I.\t", "A.\t", "1.\t") before the
 * title: Caucus numbers headings from the template. The label may span runs (LibreOffice writes
 * the tab as its own run).
 */
export function stripHeadingLabel(content: Json[]): Json[] {
  let leading = "";
  for (const node of content) {
    if (node.type !== "text") break;
    leading += node.text as string;
  }
  const match = /^(?:[IVXLCDM]+|[A-Z]|\d+(?:\.\d+)*)\.?\t+/.exec(leading);
  if (!match) return content;
  let remove = match[0].length;
  const out: Json[] = [];
  for (const node of content) {
    if (remove > 0 && node.type === "text") {
      const text = node.text as string;
      if (text.length > remove) out.push({ ...node, text: text.slice(remove) });
      remove -= Math.min(remove, text.length);
    } else out.push(node);
  }
  return out;
}

function readParagraph(p: XmlElement, ctx: BodyContext, info: ParagraphInfo): Json | null {
  const inline = ctx.inline;
  inline.langs.clear();
  inline.offset = 0;
  inline.comments?.paragraph();
  const before = inline.counts.fields + inline.counts.images + inline.counts.textBoxes;
  const insideField = inline.fields.length > 0;
  const content: Json[] = [];
  readInline(p, inline, content);
  const dropped = inline.counts.fields + inline.counts.images + inline.counts.textBoxes !== before;
  // A paragraph left empty only because its field result or picture was dropped was never the author's text.
  if (!content.length && (insideField || dropped || inline.fields.length > 0)) return null;
  const attrs: Json = {};
  const lang = cleanLang(dominantLang(inline));
  if (lang && lang.split("-")[0]!.toLowerCase() !== (ctx.language ?? "").split("-")[0]!.toLowerCase()) attrs.lang = lang;
  if (info.rtl) attrs.dir = "rtl";
  if (info.heading) {
    ctx.counts.headings += 1;
    return { type: "heading", attrs: { ...attrs, level: Math.min(3, info.heading) }, content: stripHeadingLabel(content) };
  }
  return { type: "paragraph", attrs: { ...attrs, numbered: false }, content };
}

function readTable(tbl: XmlElement, ctx: BodyContext): Json | null {
  const rows: Json[] = [];
  for (const tr of elements(tbl)) {
    if (tr.name !== "w:tr") continue;
    const header = isOn(child(child(tr, "w:trPr"), "w:tblHeader"));
    const cells: Json[] = [];
    for (const tc of elements(tr)) {
      if (tc.name !== "w:tc") continue;
      const blocks = readBlocks(tc, ctx, false);
      const span = Number(val(child(child(tc, "w:tcPr"), "w:gridSpan")) ?? 1) || 1;
      cells.push({ type: header ? "tableHeader" : "tableCell", attrs: span > 1 ? { colspan: span } : {}, content: blocks.length ? blocks : [{ type: "paragraph", attrs: { numbered: false } }] });
    }
    if (cells.length) rows.push({ type: "tableRow", content: cells });
  }
  if (!rows.length) return null;
  ctx.counts.tables += 1;
  return { type: "table", content: rows };
}

/** The blocks of the body, a table cell or a content control. */
export function readBlocks(container: XmlElement, ctx: BodyContext, topLevel: boolean): Json[] {
  const out: Json[] = [];
  const lists = new ListBuilder(out);
  const visit = (node: XmlElement) => {
    if (topLevel) ctx.onTopLevel(out.length);
    if (node.name === "w:p") {
      const info = paragraphInfo(node, ctx.styles);
      const block = readParagraph(node, ctx, info);
      if (!block) return;
      const level = info.numId && !info.heading ? ctx.numbering.level(info.numId, info.ilvl) : null;
      const main = topLevel && info.ilvl === 0 && info.numId !== null && ctx.mainList !== null && ctx.numbering.abstractOf(info.numId) === ctx.mainList;
      if (main) (block.attrs as Json).numbered = true;
      if (level && !main && level.format !== "none") {
        const numId = info.numId!;
        return lists.add(block, { numId, abstract: ctx.numbering.abstractOf(numId) ?? numId, restarts: ctx.numbering.restarts(numId, info.ilvl) }, info.ilvl, level, info.indent);
      }
      lists.close();
      out.push(block);
    } else if (node.name === "w:tbl") {
      lists.close();
      const table = readTable(node, ctx);
      if (table) out.push(table);
    } else if (node.name === "w:sdt" || node.name === "w:customXml" || node.name === "w:ins" || node.name === "w:moveTo") {
      for (const inner of elements(child(node, "w:sdtContent") ?? node)) visit(inner);
    }
  };
  for (const node of elements(container)) visit(node);
  ctx.counts.lists += lists.lists;
  return out;
}
