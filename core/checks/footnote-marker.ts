import type { Node as PMNode } from "@tiptap/pm/model";
import { message } from "../i18n/message";
import type { Finding } from "./finding";

const PUNCTUATION = /^[.,;:]/;

const isMarker = (node: PMNode | null | undefined) => node?.type.name === "footnote";

/**
 * `footnote.marker-before-punctuation` (docs/domain.md §4a): in English the marker goes after the
 * punctuation ("adopted.¹"), in French and Spanish before it ("adoptée¹."). Other languages are
 * not checked. A comma between two markers ("¹,²") is how several markers are written, not a slip.
 *
 * No fix: a Fix replaces one range with text, and moving the marker means re-inserting a node
 * (the note with its content); deleting the range and writing text would delete the note.
 */
export function markerPunctuationFindings(doc: PMNode, language: string): Finding[] {
  const lang = language.toLowerCase().split(/[-_]/)[0];
  if (lang !== "en" && lang !== "fr" && lang !== "es") return [];
  const findings: Finding[] = [];
  doc.descendants((block, blockPos) => {
    if (!block.inlineContent) return true;
    const children: Array<{ node: PMNode; pos: number }> = [];
    block.forEach((node, offset) => children.push({ node, pos: blockPos + 1 + offset }));
    children.forEach(({ node, pos }, i) => {
      if (!isMarker(node)) return;
      const id = node.attrs.id ? { footnoteId: String(node.attrs.id) } : {};
      const before = children[i - 1]?.node;
      const after = children[i + 1]?.node;
      if (lang === "en") {
        const text = after?.isText ? (after.text ?? "") : "";
        if (!PUNCTUATION.test(text)) return;
        if (text === "," && isMarker(children[i + 2]?.node)) return;
        findings.push({
          rule: "footnote.marker-before-punctuation",
          severity: "warning",
          message: message("checks.footnote.markerBeforePunctuation", { mark: text[0]! }),
          location: { from: pos, to: pos + node.nodeSize + 1, ...id },
        });
      } else {
        const text = before?.isText ? (before.text ?? "") : "";
        const mark = text.slice(-1);
        if (!PUNCTUATION.test(mark)) return;
        if (text === "," && isMarker(children[i - 2]?.node)) return;
        findings.push({
          rule: "footnote.marker-before-punctuation",
          severity: "warning",
          message: message("checks.footnote.markerAfterPunctuation", { mark, language: lang }),
          location: { from: pos - 1, to: pos + node.nodeSize, ...id },
        });
      }
    });
    return false;
  });
  return findings;
}
