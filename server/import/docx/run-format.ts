/**
 * The character formatting Caucus keeps (bold, italic, underline, strike, superscript,
 * subscript), read from a run's direct properties and from the styles it inherits. Word layers
 * them: the paragraph's style, then the run's character style, then direct formatting. Within one
 * basedOn chain the nearest definition wins; between the paragraph and character style levels
 * bold, italic and strike are toggles (ECMA-376 §17.7.3: a character style's bold on a bold
 * paragraph style gives regular text), the others simply override; direct formatting always
 * overrides.
 */
import type { Json } from "./inline";
import { isOn, type XmlElement } from "./xml";

/** Each property set on or off at this level, or undefined when this level leaves it alone. */
export interface RunFormat {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  vertAlign?: "superscript" | "subscript" | "baseline";
}

export const NO_FORMAT: RunFormat = Object.freeze({});

/** The properties an `w:rPr` sets (a run's or a style's), in one pass over it: this runs for every run of the file. */
export function readRunFormat(rPr: XmlElement | undefined): RunFormat {
  if (!rPr) return NO_FORMAT;
  let format: RunFormat | null = null;
  for (const node of rPr.children) {
    if (typeof node === "string") continue;
    switch (node.name) {
      case "w:b":
        (format ??= {}).bold = isOn(node);
        break;
      case "w:i":
        (format ??= {}).italic = isOn(node);
        break;
      case "w:u":
        // w:u's value is the line's kind ("single", "double"…); "none" switches it off, which isOn knows.
        (format ??= {}).underline = isOn(node);
        break;
      case "w:strike":
      case "w:dstrike":
        // Single or double, either on strikes the text through.
        format ??= {};
        format.strike = format.strike === true || isOn(node);
        break;
      case "w:vertAlign": {
        const vert = node.attrs["w:val"];
        if (vert === "superscript" || vert === "subscript" || vert === "baseline") (format ??= {}).vertAlign = vert;
        break;
      }
      default:
        break;
    }
  }
  return format ?? NO_FORMAT;
}

/** `nearer` over `farther` along one basedOn chain (or direct formatting over styles): the nearer setting wins. */
export function inherit(nearer: RunFormat, farther: RunFormat): RunFormat {
  if (farther === NO_FORMAT) return nearer;
  if (nearer === NO_FORMAT) return farther;
  return {
    bold: nearer.bold ?? farther.bold,
    italic: nearer.italic ?? farther.italic,
    underline: nearer.underline ?? farther.underline,
    strike: nearer.strike ?? farther.strike,
    vertAlign: nearer.vertAlign ?? farther.vertAlign,
  };
}

const flip = (character: boolean | undefined, paragraph: boolean | undefined) => (character === undefined ? paragraph : (paragraph ?? false) !== character);

/** A character style on top of a paragraph style: toggles flip, the rest override. */
export function layerCharacterStyle(character: RunFormat, paragraph: RunFormat): RunFormat {
  if (character === NO_FORMAT) return paragraph;
  if (paragraph === NO_FORMAT) return character;
  return {
    bold: flip(character.bold, paragraph.bold),
    italic: flip(character.italic, paragraph.italic),
    strike: flip(character.strike, paragraph.strike),
    underline: character.underline ?? paragraph.underline,
    vertAlign: character.vertAlign ?? paragraph.vertAlign,
  };
}

/** The marks of text in this format; a link's underline from a style (Word's "Hyperlink" style) is the link's look, not the author's emphasis. */
export function formatMarks(styled: RunFormat, direct: RunFormat, href: string | null): Json[] {
  const format = inherit(direct, href && direct.underline === undefined ? { ...styled, underline: false } : styled);
  const marks: Json[] = [];
  if (href) marks.push({ type: "link", attrs: { href } });
  if (format.bold) marks.push({ type: "bold" });
  if (format.italic) marks.push({ type: "italic" });
  if (format.underline) marks.push({ type: "underline" });
  if (format.strike) marks.push({ type: "strike" });
  if (format.vertAlign === "superscript") marks.push({ type: "superscript" });
  else if (format.vertAlign === "subscript") marks.push({ type: "subscript" });
  return marks;
}
