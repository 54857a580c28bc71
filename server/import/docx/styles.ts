/**
 * What styles.xml and numbering.xml tell the reader: which paragraph styles are headings (by
 * Word's built-in names "heading 1"… or an outline level, following basedOn) or quotations, the
 * numbering a style carries, which styles centre their paragraphs or are Word's Title or Subtitle
 * (what a cover block is set in), the character formatting paragraph and character styles give their
 * text, the document's default language, and each list level's format and start.
 */
import { inherit, NO_FORMAT, readRunFormat, type RunFormat } from "./run-format";
import { child, elements, val, type XmlElement } from "./xml";

export interface StyleInfo {
  headingLevel: number | null;
  numId: string | null;
  ilvl: number;
  /** A quotation style: Word's "Quote", "Intense Quote" or "Block Text", one named like a quotation ("Block Quotation", "Quotes"), or a style based on one. */
  quote: boolean;
  /** Word's built-in "Title" or "Subtitle", or a style based on one (the nearest in the chain wins). */
  titleStyle: "title" | "subtitle" | null;
  /** The style centres its paragraphs (`w:jc` center, its own or inherited). */
  centred: boolean;
  /** The formatting the style gives its paragraphs' text. */
  run: RunFormat;
  /** Left (start) and hanging indents in twips the style gives, its own or inherited; null when none says. */
  indent: { left: number | null; hanging: number };
}

export interface Styles {
  byId: Map<string, StyleInfo>;
  /** The paragraph style of paragraphs that name none (Word's "Normal"). */
  defaultParagraph: StyleInfo | null;
  /** Character styles (`w:rStyle`), each resolved along its basedOn chain. */
  characters: Map<string, RunFormat>;
  language: string | null;
}

interface RawStyle {
  name: string;
  basedOn?: string;
  outline?: number;
  numId?: string;
  ilvl?: number;
  /** Its own `w:jc`, if it sets one. */
  jc?: string;
  /** Its own `w:ind`, if it sets one. */
  ind?: XmlElement;
  run: RunFormat;
}

/**
 * Quotation styles, by name (Word writes built-in names in English whatever the interface
 * language) or by id: Word's Quote, Intense Quote and Block Text, and the custom styles
 * submissions name after quotations ("Block Quotation", "Quotes", "UN quote"), in any case.
 */
const QUOTE_NAME = /quot(?:e|es|ation|ations)\b|^block text$/i;
const QUOTE_IDS = new Set(["Quote", "IntenseQuote", "BlockText"]);

/** A paragraph's (or style's) left and hanging indent from its `w:ind`, in twips. */
export function indentOf(ind: XmlElement | undefined): { left: number | null; hanging: number | null } {
  const left = val(ind, "w:left") ?? val(ind, "w:start");
  const hanging = val(ind, "w:hanging");
  return { left: left === undefined ? null : Number(left) || 0, hanging: hanging === undefined ? (val(ind, "w:firstLine") === undefined ? null : 0) : Number(hanging) || 0 };
}
/** Built-in title styles, by name or id, as for the quotation styles. */
const TITLE_STYLES = new Map<string, "title" | "subtitle">([
  ["title", "title"],
  ["Title", "title"],
  ["subtitle", "subtitle"],
  ["Subtitle", "subtitle"],
]);

/** Each style of a chain from `id` up its basedOn parents (bounded: a cycle in a damaged file must not hang the reader). */
function* chain(raw: Map<string, RawStyle>, id: string): Generator<[string, RawStyle]> {
  let currentId: string | undefined = id;
  for (let depth = 0; currentId !== undefined && depth < 20; depth++) {
    const current = raw.get(currentId);
    if (!current) return;
    yield [currentId, current];
    currentId = current.basedOn;
  }
}

function resolveRun(raw: Map<string, RawStyle>, id: string): RunFormat {
  let run = NO_FORMAT;
  for (const [, style] of chain(raw, id)) run = inherit(run, style.run);
  return run;
}

export function readStyles(root: XmlElement | null): Styles {
  const paragraphs = new Map<string, RawStyle>();
  const characters = new Map<string, RawStyle>();
  let defaultId: string | undefined;
  if (!root) return { byId: new Map(), defaultParagraph: null, characters: new Map(), language: null };
  const language = val(child(child(child(child(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr"), "w:lang")) ?? null;
  for (const style of elements(root)) {
    const type = style.attrs["w:type"];
    const id = style.attrs["w:styleId"];
    if (style.name !== "w:style" || !id || (type !== "paragraph" && type !== "character")) continue;
    const pPr = child(style, "w:pPr");
    const outline = val(child(pPr, "w:outlineLvl"));
    const numPr = child(pPr, "w:numPr");
    (type === "paragraph" ? paragraphs : characters).set(id, {
      name: (val(child(style, "w:name")) ?? "").toLowerCase(),
      basedOn: val(child(style, "w:basedOn")),
      outline: outline === undefined ? undefined : Number(outline),
      numId: val(child(numPr, "w:numId")),
      ilvl: numPr ? Number(val(child(numPr, "w:ilvl")) ?? 0) : undefined,
      jc: val(child(pPr, "w:jc")),
      ind: child(pPr, "w:ind"),
      run: readRunFormat(child(style, "w:rPr")),
    });
    if (type === "paragraph" && (style.attrs["w:default"] === "1" || style.attrs["w:default"] === "true")) defaultId = id;
  }
  const byId = new Map<string, StyleInfo>();
  for (const id of paragraphs.keys()) {
    let headingLevel: number | null = null;
    let numId: string | null = null;
    let ilvl = 0;
    let quote = false;
    let titleStyle: "title" | "subtitle" | null = null;
    let jc: string | undefined;
    const indent: StyleInfo["indent"] = { left: null, hanging: 0 };
    let hangingSet = false;
    for (const [currentId, current] of chain(paragraphs, id)) {
      const named = /^heading ([1-9])$/.exec(current.name);
      if (headingLevel === null && named) headingLevel = Number(named[1]);
      if (headingLevel === null && current.outline !== undefined && current.outline >= 0 && current.outline < 9) headingLevel = current.outline + 1;
      if (numId === null && current.numId !== undefined) {
        numId = current.numId;
        ilvl = current.ilvl ?? 0;
      }
      quote ||= QUOTE_NAME.test(current.name) || QUOTE_IDS.has(currentId);
      titleStyle ??= TITLE_STYLES.get(current.name) ?? TITLE_STYLES.get(currentId) ?? null;
      jc ??= current.jc;
      // The nearest style in the chain that says each indent wins.
      const own = indentOf(current.ind);
      indent.left ??= own.left;
      if (!hangingSet && own.hanging !== null) [indent.hanging, hangingSet] = [own.hanging, true];
    }
    byId.set(id, { headingLevel, numId, ilvl, quote, titleStyle, centred: jc === "center", run: resolveRun(paragraphs, id), indent });
  }
  const resolved = new Map<string, RunFormat>();
  for (const id of characters.keys()) resolved.set(id, resolveRun(characters, id));
  return { byId, defaultParagraph: (defaultId && byId.get(defaultId)) || null, characters: resolved, language };
}

export interface LevelInfo {
  format: string;
  start: number;
  text: string;
  indent: number | null;
  /** The font the label is set in (`w:rFonts`), which says what a Symbol or Wingdings bullet character is. */
  font: string | null;
}

/** Word's list definitions: for each `w:num`, its abstract definition's levels with any start override applied. */
export interface Numbering {
  level(numId: string, ilvl: number): LevelInfo | null;
  abstractOf(numId: string): string | null;
  /** Whether this `w:num` restarts the level (a start override), as writers do to begin a new list. */
  restarts(numId: string, ilvl: number): boolean;
}

export function readNumbering(root: XmlElement | null): Numbering {
  const abstracts = new Map<string, Map<number, LevelInfo>>();
  const nums = new Map<string, { abstract: string; overrides: Map<number, number> }>();
  for (const node of root ? elements(root) : []) {
    if (node.name === "w:abstractNum") {
      const levels = new Map<number, LevelInfo>();
      for (const lvl of elements(node)) {
        if (lvl.name !== "w:lvl") continue;
        const indent = child(child(lvl, "w:pPr"), "w:ind");
        const left = val(indent, "w:left") ?? val(indent, "w:start");
        const fonts = child(child(lvl, "w:rPr"), "w:rFonts");
        levels.set(Number(lvl.attrs["w:ilvl"] ?? 0), {
          format: val(child(lvl, "w:numFmt")) ?? "decimal",
          start: Number(val(child(lvl, "w:start")) ?? 1) || 1,
          text: val(child(lvl, "w:lvlText")) ?? "",
          indent: left === undefined ? null : Number(left) || 0,
          font: val(fonts, "w:ascii") ?? val(fonts, "w:hAnsi") ?? null,
        });
      }
      abstracts.set(node.attrs["w:abstractNumId"] ?? "", levels);
    } else if (node.name === "w:num") {
      const overrides = new Map<number, number>();
      for (const o of elements(node)) {
        const start = val(child(o, "w:startOverride"));
        if (o.name === "w:lvlOverride" && start !== undefined) overrides.set(Number(o.attrs["w:ilvl"] ?? 0), Number(start) || 1);
      }
      nums.set(node.attrs["w:numId"] ?? "", { abstract: val(child(node, "w:abstractNumId")) ?? "", overrides });
    }
  }
  return {
    level(numId, ilvl) {
      const num = nums.get(numId);
      const level = num && abstracts.get(num.abstract)?.get(ilvl);
      if (!num || !level) return null;
      const start = num.overrides.get(ilvl);
      return start === undefined ? level : { ...level, start };
    },
    abstractOf: (numId) => nums.get(numId)?.abstract ?? null,
    restarts: (numId, ilvl) => nums.get(numId)?.overrides.has(ilvl) ?? false,
  };
}

/** A paragraph's style: the one it names, else the document's default paragraph style, as Word applies them. */
export function paragraphStyle(p: XmlElement, styles: Styles): StyleInfo | null {
  const id = val(child(child(p, "w:pPr"), "w:pStyle"));
  return (id === undefined ? undefined : styles.byId.get(id)) ?? styles.defaultParagraph;
}
