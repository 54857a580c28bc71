/**
 * A Word list level's look as one of the editor's list styles (core/editor/list-styles.ts):
 * numbered levels by their number format (`w:numFmt`) and label (`w:lvlText`: "%1.", "(%1)"),
 * bullets by their character and the font it is set in. Word writes Symbol and Wingdings bullets
 * as private-use characters (U+F0xx: the font's own byte plus F000), which mean nothing without
 * the font; the tables below name the ones Word's bullet library and real submissions use.
 */
import { listStyleFor, type BulletStyle, type ListCounter, type ListStyle } from "../../../core/editor";
import type { LevelInfo } from "./styles";

/** The style read, and whether it is exactly the file's (else the nearest the editor has, which the report counts). */
export interface ReadListStyle<T> {
  style: T;
  exact: boolean;
}

const COUNTERS: Partial<Record<string, ListCounter>> = {
  decimal: "decimal",
  lowerLetter: "lower-alpha",
  upperLetter: "upper-alpha",
  lowerRoman: "lower-roman",
  upperRoman: "upper-roman",
};

/**
 * The ordered style of a numbered level. "(%1)" and "%1)" are the parenthesised form (the
 * exporter writes "a)" itself in French and Spanish), "%1." the full stop; a format the editor
 * cannot count in (01, 1st, one…) or a label it cannot show ("%1.%2.", "[%1]") is counted in
 * the nearest style it has.
 */
export function orderedStyleOf(level: Pick<LevelInfo, "format" | "text">): ReadListStyle<ListStyle> {
  const counter = COUNTERS[level.format];
  const label = level.text.trim();
  const parenthesised = /^\(?%1\)$/.test(label);
  const period = label === "%1.";
  if (!counter) return { style: "decimal", exact: false };
  const style = parenthesised || period ? listStyleFor(counter, parenthesised) : null;
  // A counter in a form the editor lacks ("(A)", "(I)", "%1.%2.") keeps its counter: each counter has a style of its own name.
  return style ? { style, exact: true } : { style: counter, exact: false };
}

/** Symbol font bytes used as bullets. */
const SYMBOL: Record<number, BulletStyle> = { 0xb7: "disc", 0x2d: "dash", 0xae: "arrow", 0xde: "arrow", 0x6f: "circle" };

/** Wingdings bytes used as bullets: Word's bullet library and its usual symbols. */
const WINGDINGS: Record<number, BulletStyle> = {
  0x9f: "disc",
  0x6c: "disc",
  0xa1: "circle",
  0x6d: "circle",
  0xa7: "square",
  0x6e: "square",
  0x6f: "square",
  0x71: "square",
  0xa8: "square",
  0xd8: "arrow",
  0xe0: "arrow",
  0xe8: "arrow",
  0xf0: "arrow",
};

/** Unicode characters used as bullets. */
const UNICODE: Record<string, BulletStyle> = {};
for (const [style, characters] of [
  ["disc", "•●·∙⦁⚫"],
  ["circle", "oO◦○⚬❍"],
  ["square", "▪■□◾◼▫◻❑❏"],
  ["arrow", "➢➣➤➔→⇒⇨►▶▸‣>»⮚"],
  ["dash", "-–—−‐"],
] as const) {
  for (const character of characters) UNICODE[character] = style;
}

/** The marker of a bullet level; an unknown character (a check mark, a picture bullet) shows as the disc. */
export function bulletStyleOf(level: Pick<LevelInfo, "text" | "font">): ReadListStyle<BulletStyle> {
  const character = [...level.text.trim()][0] ?? "";
  const code = character.codePointAt(0) ?? 0;
  const font = (level.font ?? "").trim().toLowerCase();
  // Private-use characters stand for the symbol font's byte; so do plain bytes set in a symbol font.
  const byte = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const symbolFont = font === "symbol" || font.startsWith("wingdings") || (code >= 0xf000 && code <= 0xf0ff);
  let found: BulletStyle | undefined;
  if (symbolFont) {
    // Wingdings 3 is all arrows and arrowheads.
    if (font === "wingdings 3") found = "arrow";
    else if (font === "symbol") found = SYMBOL[byte];
    else found = WINGDINGS[byte] ?? (font === "" ? SYMBOL[byte] : undefined);
  } else found = UNICODE[character];
  return found ? { style: found, exact: true } : { style: "disc", exact: character === "" };
}
