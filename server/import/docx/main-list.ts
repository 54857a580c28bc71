/**
 * Which Word list numbers the body's paragraphs: the decimal list ("1.", "1)") most top-level
 * paragraphs carry at level 0. Its paragraphs become Caucus's numbered paragraphs; every other
 * list stays a list.
 */
import { paragraphInfo, type ParagraphInfo } from "./body";
import type { Numbering, Styles } from "./styles";
import { elements, type XmlElement } from "./xml";

/** The abstract list of a paragraph's level-0 "1." or "1)" numbering, when it is plain decimal. */
function decimalAbstract(info: ParagraphInfo, numbering: Numbering): { abstract: string; text: string; start: number } | null {
  if (!info.numId || info.ilvl !== 0 || info.heading) return null;
  const level = numbering.level(info.numId, 0);
  const abstract = numbering.abstractOf(info.numId);
  if (!level || abstract === null || level.format !== "decimal" || !/^%1[.)]?$/.test(level.text)) return null;
  return { abstract, text: level.text, start: level.start };
}

/** Whether a paragraph has text: the empty paragraphs authors leave between blocks do not break a run of list items. */
function hasText(node: XmlElement): boolean {
  return elements(node).some((c) => (c.name === "w:t" ? c.children.some((t) => typeof t === "string" && t.length > 0) : hasText(c)));
}

/**
 * The abstract list numbering most top-level body paragraphs at level 0 with "1." or "1)" labels
 * (two or more). Failing that, a list numbering one body paragraph alone: "1." at level 0,
 * counting from 1, the only paragraph of its list, with no list paragraph before or after it (empty
 * paragraphs aside) — a lone numbered paragraph, where a one-item list inside other lists, or
 * beside another lone one, stays a list.
 */
export function findMainList(body: XmlElement, styles: Styles, numbering: Numbering): string | null {
  const counts = new Map<string, number>();
  const uses = new Map<string, number>();
  const blocks = elements(body).filter((node) => node.name === "w:p" || node.name === "w:tbl");
  const infos = blocks.map((node) => (node.name === "w:p" ? paragraphInfo(node, styles) : null));
  const lone: number[] = [];
  infos.forEach((info, i) => {
    if (!info?.numId) return;
    const abstract = numbering.abstractOf(info.numId);
    if (abstract !== null) uses.set(abstract, (uses.get(abstract) ?? 0) + 1);
    const decimal = decimalAbstract(info, numbering);
    if (!decimal) return;
    counts.set(decimal.abstract, (counts.get(decimal.abstract) ?? 0) + 1);
    if (decimal.text === "%1." && decimal.start === 1) lone.push(i);
  });
  let best: string | null = null;
  let most = 1;
  for (const [abstract, n] of counts) if (n > most) [best, most] = [abstract, n];
  if (best !== null || counts.size !== 1 || lone.length !== 1) return best;
  const at = lone[0]!;
  const abstract = numbering.abstractOf(infos[at]!.numId!)!;
  // The nearest block on each side, passing over empty paragraphs: a list paragraph there makes this an item of a longer list.
  const neighbourIsListed = (step: 1 | -1) => {
    for (let i = at + step; i >= 0 && i < blocks.length; i += step) {
      const info = infos[i];
      if (!info) return false;
      if (info.numId && numbering.level(info.numId, info.ilvl)) return true;
      if (hasText(blocks[i]!)) return false;
    }
    return false;
  };
  return uses.get(abstract) === 1 && !neighbourIsListed(-1) && !neighbourIsListed(1) ? abstract : null;
}
