import type { Node as PMNode } from "@tiptap/pm/model";
import { message, type Message } from "../../core/i18n/message";
import type { Finding } from "../../core/checks/finding";
import { computeNumbering, type HeadingNumbering } from "../../core/editor";

/** The paragraph or heading a block without a number of its own is named after (checks.place.block). */
type Landmark = { landmark: "para"; n: number } | { landmark: "heading"; text: string };

const HEADING_TEXT_MAX = 60;

interface Block {
  from: number;
  to: number;
  /** "para. 12", "heading “II. Background”", or for other blocks their name and the nearest landmark. */
  place: Message;
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
 * ("list after para. 12"). Numbers come from computeNumbering, as the editor shows them. Each
 * place is a message (checks.place.*), put into words by whoever shows the finding.
 */
export function describeFindingPlaces(doc: PMNode, findings: readonly Finding[], headingNumbering?: HeadingNumbering): Message[] {
  const numbering = computeNumbering(doc, headingNumbering);
  const notes: Note[] = [];
  const noteById = new Map<string, number>();
  for (const [pos, number] of numbering.footnotes) {
    const node = doc.nodeAt(pos)!;
    notes.push({ from: pos, to: pos + node.nodeSize, number });
    if (node.attrs.id) noteById.set(String(node.attrs.id), number);
  }

  const blocks: Block[] = [];
  let landmark: Landmark | null = null;
  doc.forEach((node, offset) => {
    const paragraph = numbering.paragraphs.get(offset);
    const label = numbering.headings.get(offset);
    let place: Message;
    if (paragraph !== undefined) {
      place = message("checks.place.para", { n: paragraph });
      landmark = { landmark: "para", n: paragraph };
    } else if (label !== undefined) {
      const text = shorten([label, node.textContent.trim()].filter(Boolean).join(" "));
      place = message("checks.place.heading", { text });
      landmark = { landmark: "heading", text };
    } else {
      place = message("checks.place.block", { kind: node.type.name, ...(landmark ?? { landmark: "start" }) });
    }
    blocks.push({ from: offset, to: offset + node.nodeSize, place });
  });

  return findings.map((finding) => {
    const location = finding.location;
    if (!location) return message(finding.rule.startsWith("cover.") ? "checks.place.cover" : "checks.place.wholeDraft");
    const byId = location.footnoteId ? noteById.get(location.footnoteId) : undefined;
    if (byId !== undefined) return message("checks.place.note", { n: byId });
    const note = notes.find((n) => location.from >= n.from && location.from < n.to);
    if (note) return message("checks.place.note", { n: note.number });
    return blocks.find((b) => location.from >= b.from && location.from < b.to)?.place ?? message("checks.place.end");
  });
}
