import type { Node as PMNode } from "@tiptap/pm/model";
import type { Finding } from "../../core/checks/finding";
import { computeNumbering, type HeadingNumbering } from "../../core/editor";

/** How a top-level block that carries no number of its own is named in a location. */
const BLOCK_NAMES: Record<string, string> = {
  paragraph: "unnumbered paragraph",
  orderedList: "list",
  bulletList: "list",
  table: "table",
  blockquote: "quotation",
  recommendation: "recommendation block",
};

const HEADING_TEXT_MAX = 60;

interface Block {
  from: number;
  to: number;
  /** "para. 12", "heading “II. Background”", or for other blocks their name and the nearest landmark. */
  place: string;
}

interface Note {
  from: number;
  to: number;
  number: number;
}

const shorten = (text: string) => (text.length > HEADING_TEXT_MAX ? `${text.slice(0, HEADING_TEXT_MAX - 1).trimEnd()}…` : text);

/**
 * Names where each finding is, as a person finds it on the printed page: "para. 12" for a
 * numbered paragraph, "note 7" for anything in (or at the marker of) a footnote, "heading “I.
 * Introduction”", and for other blocks their kind and the paragraph or heading before them
 * ("list after para. 12"). Numbers come from computeNumbering, as the editor shows them.
 */
export function describeFindingPlaces(doc: PMNode, findings: readonly Finding[], headingNumbering?: HeadingNumbering): string[] {
  const numbering = computeNumbering(doc, headingNumbering);
  const notes: Note[] = [];
  const noteById = new Map<string, number>();
  for (const [pos, number] of numbering.footnotes) {
    const node = doc.nodeAt(pos)!;
    notes.push({ from: pos, to: pos + node.nodeSize, number });
    if (node.attrs.id) noteById.set(String(node.attrs.id), number);
  }

  const blocks: Block[] = [];
  let landmark: string | null = null;
  doc.forEach((node, offset) => {
    const paragraph = numbering.paragraphs.get(offset);
    const label = numbering.headings.get(offset);
    let place: string;
    if (paragraph !== undefined) {
      place = `para. ${paragraph}`;
      landmark = `after ${place}`;
    } else if (label !== undefined) {
      place = `heading “${shorten([label, node.textContent.trim()].filter(Boolean).join(" "))}”`;
      landmark = `under ${place}`;
    } else {
      place = `${BLOCK_NAMES[node.type.name] ?? node.type.name} ${landmark ?? "at the start"}`;
    }
    blocks.push({ from: offset, to: offset + node.nodeSize, place });
  });

  return findings.map((finding) => {
    const location = finding.location;
    if (!location) return finding.rule.startsWith("cover.") ? "cover" : "whole draft";
    const byId = location.footnoteId ? noteById.get(location.footnoteId) : undefined;
    if (byId !== undefined) return `note ${byId}`;
    const note = notes.find((n) => location.from >= n.from && location.from < n.to);
    if (note) return `note ${note.number}`;
    return blocks.find((b) => location.from >= b.from && location.from < b.to)?.place ?? "end of the draft";
  });
}
