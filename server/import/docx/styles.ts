/**
 * What styles.xml and numbering.xml tell the reader: which paragraph styles are headings (by
 * Word's built-in names "heading 1"… or an outline level, following basedOn), the numbering a
 * style carries, the document's default language, and each list level's format and start.
 */
import { child, elements, val, type XmlElement } from "./xml";

export interface StyleInfo {
  headingLevel: number | null;
  numId: string | null;
  ilvl: number;
}

export interface Styles {
  byId: Map<string, StyleInfo>;
  language: string | null;
}

export function readStyles(root: XmlElement | null): Styles {
  const raw = new Map<string, { name: string; basedOn?: string; outline?: number; numId?: string; ilvl?: number }>();
  let language: string | null = null;
  if (!root) return { byId: new Map(), language };
  language = val(child(child(child(child(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr"), "w:lang")) ?? null;
  for (const style of elements(root)) {
    if (style.name !== "w:style" || style.attrs["w:type"] !== "paragraph") continue;
    const id = style.attrs["w:styleId"];
    if (!id) continue;
    const pPr = child(style, "w:pPr");
    const outline = val(child(pPr, "w:outlineLvl"));
    const numPr = child(pPr, "w:numPr");
    raw.set(id, {
      name: (val(child(style, "w:name")) ?? "").toLowerCase(),
      basedOn: val(child(style, "w:basedOn")),
      outline: outline === undefined ? undefined : Number(outline),
      numId: val(child(numPr, "w:numId")),
      ilvl: numPr ? Number(val(child(numPr, "w:ilvl")) ?? 0) : undefined,
    });
  }
  const byId = new Map<string, StyleInfo>();
  for (const id of raw.keys()) {
    let headingLevel: number | null = null;
    let numId: string | null = null;
    let ilvl = 0;
    // Walk the basedOn chain (bounded: a cycle in a damaged file must not hang the reader).
    let current = raw.get(id);
    for (let depth = 0; current && depth < 20; depth++) {
      const named = /^heading ([1-9])$/.exec(current.name);
      if (headingLevel === null && named) headingLevel = Number(named[1]);
      if (headingLevel === null && current.outline !== undefined && current.outline >= 0 && current.outline < 9) headingLevel = current.outline + 1;
      if (numId === null && current.numId !== undefined) {
        numId = current.numId;
        ilvl = current.ilvl ?? 0;
      }
      current = current.basedOn ? raw.get(current.basedOn) : undefined;
    }
    byId.set(id, { headingLevel, numId, ilvl });
  }
  return { byId, language };
}

export interface LevelInfo {
  format: string;
  start: number;
  text: string;
  indent: number | null;
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
        levels.set(Number(lvl.attrs["w:ilvl"] ?? 0), {
          format: val(child(lvl, "w:numFmt")) ?? "decimal",
          start: Number(val(child(lvl, "w:start")) ?? 1) || 1,
          text: val(child(lvl, "w:lvlText")) ?? "",
          indent: left === undefined ? null : Number(left) || 0,
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
