/**
 * A realistic long draft for the pre-flight benchmark: template section headings, numbered
 * paragraphs of submission prose naming UN symbols and recommendation numbers, and footnotes whose
 * texts are the 279 real NGO notes of the research data's citations.json (docs/data.md), reused in turn.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Node as PMNode } from "@tiptap/pm/model";
import { documentSchema } from "../../core/editor";
import type { Template } from "../../templates";

const CITATIONS = fileURLToPath(new URL("../../../shared/data/citations.json", import.meta.url));

const PROSE = [
  "Since its last review the State has adopted a law on public gatherings that requires prior authorisation and allows the police to disperse any assembly held without it.",
  "Human rights defenders documented at least forty arrests of peaceful protesters in the capital during the reporting period, most of them held without charge for more than ten days.",
  "In its concluding observations (E/C.12/CHN/CO/2, para. 12) the Committee recommended that legal aid be made available to every person facing criminal charges.",
  "Recommendation 186.60 (Australia), to “abolish the death penalty”, was noted; recommendations 186.61 and 186.62 were supported, yet the draft amendments remain before the legislature.",
  "Women in rural areas continue to face barriers to registering land in their own names, as the Special Rapporteur observed after her country visit in A/HRC/41/54/Add.2.",
];

const realNotes = (): string[] => (JSON.parse(readFileSync(CITATIONS, "utf8")) as { citations: Array<{ raw: string | null }> }).citations.map((c) => (c.raw ?? "").trim()).filter(Boolean);

/**
 * About `words` words in paragraphs of ~75, with `notes` footnotes spread evenly among them, their
 * texts taken in turn from `texts` (by default the 279 real notes of the research data, docs/data.md; tests pass a
 * committed fixture, as a clean clone has no shared/ beside it).
 */
export function longDraft(template: Template, words: number, notes: number, texts: readonly string[] = realNotes()): PMNode {
  const schema = documentSchema();
  const sections = template.sections;
  const paragraphs = Math.ceil(words / 75);
  const perSection = Math.ceil(paragraphs / sections.length);
  const blocks: PMNode[] = [];
  let note = 0;
  for (let p = 0; p < paragraphs; p++) {
    if (p % perSection === 0) {
      const section = sections[Math.floor(p / perSection)]!;
      blocks.push(schema.nodes.heading!.create({ level: section.level ?? 1, section: section.id }, schema.text(section.title)));
    }
    const sentences = [PROSE[p % PROSE.length]!, PROSE[(p + 2) % PROSE.length]!, PROSE[(p + 4) % PROSE.length]!];
    const inline: PMNode[] = [schema.text(`${sentences[0]} ${sentences[1]}`)];
    // Spread the notes: paragraph p carries the notes whose even share falls in it.
    const due = Math.floor(((p + 1) * notes) / paragraphs) - note;
    for (let n = 0; n < due; n++, note++) {
      inline.push(schema.nodes.footnote!.create({ id: `note-${note}` }, schema.text(texts[note % texts.length]!)));
      inline.push(schema.text(n === due - 1 ? ` ${sentences[2]}` : " and "));
    }
    if (due === 0) inline.push(schema.text(` ${sentences[2]}`));
    blocks.push(schema.nodes.paragraph!.create({ numbered: true }, inline));
  }
  return schema.nodes.doc!.create(null, blocks);
}
