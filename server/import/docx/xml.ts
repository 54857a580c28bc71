/**
 * XML parts as small element trees, built from saxes events (no DOM library). The parts the
 * reader needs are a few megabytes at most, and a tree lets footnotes, fields and lists be read
 * with plain recursion.
 */
import { SaxesParser } from "saxes";
import { DocxImportError } from "./errors";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

export function parseXml(xml: string, part: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: "#root", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: tag.name, attrs: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1]!.children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => {
    stack.pop();
  });
  // Only w:t, w:instrText and similar hold text the reader uses; whitespace between tags is kept harmlessly.
  parser.on("text", (text) => stack[stack.length - 1]!.children.push(text));
  parser.on("cdata", (text) => stack[stack.length - 1]!.children.push(text));
  try {
    parser.write(xml).close();
  } catch {
    throw new DocxImportError("import.word.badXml", { part });
  }
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new DocxImportError("import.word.emptyPart", { part });
  return top;
}

export const elements = (node: XmlElement): XmlElement[] => node.children.filter((c): c is XmlElement => typeof c !== "string");
export const child = (node: XmlElement | undefined, name: string): XmlElement | undefined => node?.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
export const val = (node: XmlElement | undefined, attr = "w:val"): string | undefined => node?.attrs[attr];
export const textContent = (node: XmlElement): string => node.children.map((c) => (typeof c === "string" ? c : textContent(c))).join("");

/** Whether a toggle property (w:b, w:i, w:bidi…) is on: present, and not val="0"/"false"/"none". */
export function isOn(node: XmlElement | undefined): boolean {
  if (!node) return false;
  const v = node.attrs["w:val"];
  return v === undefined || !["0", "false", "off", "none"].includes(v);
}

/** Whether `name` occurs anywhere under `node`. */
export function contains(node: XmlElement, name: string): boolean {
  return elements(node).some((c) => c.name === name || contains(c, name));
}
