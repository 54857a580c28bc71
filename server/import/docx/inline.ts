/**
 * Runs to ProseMirror inline content: text with its marks, line breaks, links (http, https and
 * mailto only, as the editor allows), footnote and endnote markers, fields reduced to their result
 * text (page numbers and the like dropped), and images and text boxes dropped — each drop counted
 * for the report. Tracked changes are kept as suggestions (tracked.ts): deleted runs read as the
 * accepted text they were, inserted runs read aside into the change; where no change is tracked
 * (inside an inserted note) or past the file's limit, insertions are kept and deletions dropped.
 */
import { isAllowedLink } from "../../../core/editor/extensions";
import { formatMarks, layerCharacterStyle, NO_FORMAT, readRunFormat, type RunFormat } from "./run-format";
import { NONCHARACTERS, type ChangeStream } from "./tracked";
import { contains, elements, isOn, child, val, type XmlElement } from "./xml";

export type Json = Record<string, unknown>;

export interface Counts {
  images: number;
  textBoxes: number;
  fields: number;
}

interface Field {
  instr: string;
  result: boolean;
  keep: boolean;
  href: string | null;
}

/** Fields whose cached result is the field's own bookkeeping (a page number, a date), not the author's words. */
const DROP_RESULT = new Set(["PAGE", "NUMPAGES", "SECTIONPAGES", "PAGEREF", "TOC", "DATE", "TIME", "CREATEDATE", "SAVEDATE", "PRINTDATE", "FILENAME", "NUMWORDS", "NUMCHARS", "SECTION", "INDEX", "TA", "TC", "XE"]);

export interface InlineContext {
  rels: Map<string, string>;
  counts: Counts;
  /** A note's footnote node for a reference, or null inside a note (no notes in notes); `tracked`: its changes kept as suggestions (not inside inserted text). */
  note: ((kind: "footnote" | "endnote", id: string, tracked: boolean) => Json | null) | null;
  /** The tracked changes of this stream of text (the body, or a note), or null to accept them. */
  track: ChangeStream | null;
  /** Reading accepted text, a tracked deletion (accepted text too, inside a change) or a tracked insertion (the change's content). */
  mode: "accepted" | "deleted" | "inserted";
  /** Comment anchors and quotes, tracked in the body only. */
  comments: CommentTracker | null;
  fields: Field[];
  /** Characters of each language in the current paragraph, to pick its language. */
  langs: Map<string, number>;
  /** Characters so far in the current block (comment offsets). */
  offset: number;
  /** Character styles by id, resolved once (styles.ts). */
  characterStyles: Map<string, RunFormat>;
  /** What the current paragraph's style gives its text; set per paragraph. */
  paragraphFormat: RunFormat;
}

export interface CommentTracker {
  start(id: string, offset: number): void;
  end(id: string): void;
  text(value: string): void;
  /** A new paragraph began: quotes spanning paragraphs keep the break. */
  paragraph(): void;
}

export function newContext(
  rels: Map<string, string>,
  counts: Counts,
  note: InlineContext["note"],
  comments: CommentTracker | null,
  characterStyles: Map<string, RunFormat>,
  track: ChangeStream | null = null
): InlineContext {
  return { rels, counts, note, track, mode: "accepted", comments, fields: [], langs: new Map(), offset: 0, characterStyles, paragraphFormat: NO_FORMAT };
}

/** Content of the accepted text is about to go to `out`: a tracked change open before it ends there. */
function accept(ctx: InlineContext, out: Json[]): void {
  if (ctx.mode === "accepted") ctx.track?.accepted(out);
}

function fieldOf(instr: string): Field {
  const code = instr.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
  const target = /HYPERLINK\s+"([^"]+)"/i.exec(instr)?.[1];
  const href = code === "HYPERLINK" && target && !/\\l\s+"/.test(instr) && isAllowedLink(target) ? target.trim() : null;
  return { instr, result: true, keep: !DROP_RESULT.has(code), href };
}

function runLang(rPr: XmlElement | undefined): string | null {
  const lang = child(rPr, "w:lang");
  if (!lang) return null;
  // A right-to-left run is set in its w:bidi language; others in w:val (or w:eastAsia when that is all there is).
  if (isOn(child(rPr, "w:rtl")) && lang.attrs["w:bidi"]) return lang.attrs["w:bidi"];
  return lang.attrs["w:val"] ?? lang.attrs["w:eastAsia"] ?? null;
}

/** Drawings, VML pictures and OLE objects: a text box if one is inside, else an image. */
function dropObject(node: XmlElement, ctx: InlineContext): void {
  if (contains(node, "w:txbxContent")) ctx.counts.textBoxes += 1;
  else ctx.counts.images += 1;
}

function readRun(run: XmlElement, ctx: InlineContext, href: string | null, out: Json[]): void {
  const rPr = child(run, "w:rPr");
  const characterStyle = ctx.characterStyles.get(val(child(rPr, "w:rStyle")) ?? "") ?? NO_FORMAT;
  const styled = layerCharacterStyle(characterStyle, ctx.paragraphFormat);
  const direct = readRunFormat(rPr);
  // A tracked formatting change: the new formatting is the one kept (suggestions carry words, not formatting).
  if (ctx.track && ctx.mode !== "inserted" && child(rPr, "w:rPrChange")) ctx.track.registry.formatting += 1;
  const visible = () => ctx.fields.every((f) => f.result && f.keep);
  const link = () => href ?? [...ctx.fields].reverse().find((f) => f.href)?.href ?? null;
  const emit = (raw: string) => {
    // The noncharacters that mark tracked changes are never the file's own text.
    const text = raw.replace(NONCHARACTERS, "");
    if (!text || !visible()) return;
    const marks = formatMarks(styled, direct, link());
    accept(ctx, out);
    out.push(marks.length ? { type: "text", text, marks } : { type: "text", text });
    // Inserted text is not in the accepted text: no language, offset or comment counts it.
    if (ctx.mode === "inserted") return;
    const lang = runLang(rPr);
    if (lang) ctx.langs.set(lang, (ctx.langs.get(lang) ?? 0) + text.length);
    ctx.offset += text.length;
    ctx.comments?.text(text);
  };
  for (const node of elements(run)) {
    switch (node.name) {
      case "w:t":
        emit(node.children.filter((c): c is string => typeof c === "string").join(""));
        break;
      case "w:delText":
        // Deleted text is the accepted text while its deletion is a suggestion.
        if (ctx.mode === "deleted") emit(node.children.filter((c): c is string => typeof c === "string").join(""));
        break;
      case "w:tab":
        emit("\t");
        break;
      case "w:noBreakHyphen":
        emit("-");
        break;
      case "w:br":
      case "w:cr":
        // Page and column breaks are layout; a text wrapping break is a line break.
        if (!node.attrs["w:type"] || node.attrs["w:type"] === "textWrapping") {
          if (visible()) {
            accept(ctx, out);
            out.push({ type: "hardBreak" });
          }
        }
        break;
      case "w:footnoteReference":
      case "w:endnoteReference": {
        const note = ctx.note?.(node.name === "w:footnoteReference" ? "footnote" : "endnote", node.attrs["w:id"] ?? "", ctx.mode !== "inserted");
        if (note) {
          accept(ctx, out);
          out.push(note);
        }
        break;
      }
      case "w:commentReference":
        // A comment without a range is anchored at its mark.
        ctx.comments?.start(node.attrs["w:id"] ?? "", ctx.offset);
        ctx.comments?.end(node.attrs["w:id"] ?? "");
        break;
      case "w:fldChar": {
        const type = node.attrs["w:fldCharType"];
        if (type === "begin") {
          ctx.counts.fields += 1;
          ctx.fields.push({ instr: "", result: false, keep: false, href: null });
        } else if (type === "separate" && ctx.fields.length) ctx.fields[ctx.fields.length - 1] = fieldOf(ctx.fields[ctx.fields.length - 1]!.instr);
        else if (type === "end") ctx.fields.pop();
        break;
      }
      case "w:delInstrText":
      case "w:instrText": {
        if ((node.name === "w:delInstrText") !== (ctx.mode === "deleted")) break;
        const field = ctx.fields[ctx.fields.length - 1];
        if (field && !field.result) field.instr += node.children.filter((c): c is string => typeof c === "string").join("");
        break;
      }
      case "w:drawing":
      case "w:pict":
      case "w:object":
      case "mc:AlternateContent":
        dropObject(node, ctx);
        break;
      default:
        break;
    }
  }
}

/** The inline content of a paragraph's (or hyperlink's, or insertion's) children, appended to `out`. */
export function readInline(parent: XmlElement, ctx: InlineContext, out: Json[], href: string | null = null): void {
  for (const node of elements(parent)) {
    switch (node.name) {
      case "w:r":
        readRun(node, ctx, href, out);
        break;
      case "w:hyperlink": {
        // External links resolve through the part's relationships; internal anchors become plain text.
        const target = node.attrs["r:id"] ? ctx.rels.get(node.attrs["r:id"]) : undefined;
        readInline(node, ctx, out, target && isAllowedLink(target) ? target.trim() : href);
        break;
      }
      case "w:ins":
      case "w:moveTo":
        readTracked(node, "insert", ctx, out, href);
        break;
      case "w:del":
      case "w:moveFrom":
        readTracked(node, "delete", ctx, out, href);
        break;
      case "w:fldSimple": {
        ctx.counts.fields += 1;
        ctx.fields.push(fieldOf(node.attrs["w:instr"] ?? ""));
        readInline(node, ctx, out, href);
        ctx.fields.pop();
        break;
      }
      case "w:smartTag":
      case "w:customXml":
        readInline(node, ctx, out, href);
        break;
      case "w:sdt":
        readInline(child(node, "w:sdtContent") ?? node, ctx, out, href);
        break;
      case "w:commentRangeStart":
        ctx.comments?.start(node.attrs["w:id"] ?? "", ctx.offset);
        break;
      case "w:commentRangeEnd":
        ctx.comments?.end(node.attrs["w:id"] ?? "");
        break;
      default:
        break;
    }
  }
}

/**
 * A tracked insertion or deletion (a move's two halves are one of each). Kept as a change when
 * changes are tracked here and the file's limit is not reached; else accepted: the insertion
 * read as accepted text, the deletion dropped. Text inserted and then deleted (a w:del inside a
 * w:ins) was never accepted text and is not proposed either.
 */
function readTracked(node: XmlElement, kind: "insert" | "delete", ctx: InlineContext, out: Json[], href: string | null): void {
  if (ctx.mode === "inserted") {
    if (kind === "insert") readInline(node, ctx, out, href);
    return;
  }
  if (ctx.mode === "deleted") {
    if (kind === "delete") readInline(node, ctx, out, href);
    return;
  }
  const change = ctx.track?.begin(node, kind, out) ?? null;
  if (!change) {
    if (kind === "insert") readInline(node, ctx, out, href);
    return;
  }
  ctx.mode = kind === "insert" ? "inserted" : "deleted";
  try {
    readInline(node, ctx, kind === "insert" ? ctx.track!.insertion(change) : out, href);
  } finally {
    ctx.mode = "accepted";
  }
}

/** The language most of the paragraph's characters are tagged with, if any. */
export function dominantLang(ctx: InlineContext): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [lang, n] of ctx.langs) if (n > most) [best, most] = [lang, n];
  return best;
}
