import type { Node as PMNode } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { describe, expect, it } from "vitest";
import sample from "../../test/fixtures/library/citations-sample.json";
import { findTemplate, STARTER_PLACEHOLDERS } from "../../templates";
import { documentSchema } from "../editor";
import { EMPTY_COVER } from "../editor/cover";
import { preflight } from "./preflight";

const schema = documentSchema();
const template = findTemplate("upr-joint")!;
const rules = { ...template, paragraphNumbering: true, counts: template.rules.counts, wordLimit: 900, placeholders: STARTER_PLACEHOLDERS };
const known = new Map([
  ["186.60", ["Abolish the death penalty."]],
  ["186.99", []],
]);
// Two workspaces' organisation lists: the disclosure rule keeps a cache for each.
const ORGANISATIONS = [
  [{ id: "o1", name: "Hidden Defenders Collective", acronym: "HDC", confidential: true }],
  [
    { id: "o1", name: "Hidden Defenders Collective", acronym: "HDC", confidential: false },
    { id: "o2", name: "Quiet Shelter", acronym: "QS", confidential: true },
  ],
];
const check = (doc: PMNode, organisations = ORGANISATIONS[0]!) =>
  preflight({ doc, cover: { ...EMPTY_COVER, title: "T", stateUnderReview: "CHN", contact: "c@example.org" }, template: rules, organisations, knownRecommendations: known, stateName: "China" });

const PROSE = [
  "Recommendation 186.60 (Australia), to “abolish the death penalty by 2020”, was noted, see A/HRC/25/5/add.1 para 12.",
  "Recommendation 186.99 was supported, yet nothing changed",
  "Continue to review the law.",
];

/** Sections of paragraphs with the real notes of the fixture (Ibid. chains, URLs, symbols) as footnotes. */
function draft(): PMNode {
  const blocks: PMNode[] = [];
  sample.notes.forEach((note, i) => {
    if (i % 10 === 0) {
      const section = template.sections[(i / 10) % template.sections.length]!;
      blocks.push(schema.nodes.heading!.create({ level: 1, section: section.id }, schema.text(section.title)));
    }
    const footnote = schema.nodes.footnote!.create({ id: `n${i}` }, note.raw.trim() ? schema.text(note.raw) : undefined);
    blocks.push(schema.nodes.paragraph!.create({ numbered: i % 7 !== 3 }, [schema.text(PROSE[i % PROSE.length]!), footnote, schema.text(i % 4 === 0 ? "." : " More.")]));
  });
  blocks.push(schema.nodes.heading!.create({ level: 1, section: "recommendations" }, schema.text("Recommendations")));
  for (const text of ["Continue to review the law.", "Repeal article 7 by 2027."]) blocks.push(schema.nodes.paragraph!.create(null, schema.text(text)));
  return schema.nodes.doc!.create(null, blocks);
}

/** Text positions (inside text nodes) of the document, in the body and in notes. */
function textPositions(doc: PMNode): number[] {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (node.isText) positions.push(pos + Math.floor(node.nodeSize / 2));
    return true;
  });
  return positions;
}

describe("incremental checks", () => {
  it("give, after every kind of edit, exactly the findings of a check of the same text from scratch", () => {
    let doc = draft();
    check(doc);
    let seed = 7;
    // The high bits of a linear congruential generator: its low bits repeat with a short period.
    const random = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const edits: Array<(tr: Transform) => void> = [
      // Type in the body or in a note.
      (tr) => {
        const at = textPositions(tr.doc)[random(textPositions(tr.doc).length)]!;
        const typed = ["x", " Ibid.", ", para 4", " www.example..org", " “continue”", " Hidden Defenders Collective", " HDC and QS", " [Organisation]"];
        tr.insert(at, schema.text(typed[random(typed.length)]!));
      },
      // Delete a little text.
      (tr) => {
        const at = textPositions(tr.doc)[random(textPositions(tr.doc).length)]!;
        tr.delete(at, Math.min(at + 1 + random(6), tr.doc.resolve(at).end()));
      },
      // Remove a whole block: later positions and note numbers shift.
      (tr) => {
        const index = random(tr.doc.childCount);
        let pos = 0;
        for (let i = 0; i < index; i++) pos += tr.doc.child(i).nodeSize;
        if (tr.doc.childCount > 1) tr.delete(pos, pos + tr.doc.child(index).nodeSize);
      },
      // Rewrite a note as "Ibid." or as a copy of the note before it.
      (tr) => {
        const notes: Array<{ pos: number; node: PMNode }> = [];
        tr.doc.descendants((node, pos) => {
          if (node.type.name === "footnote") notes.push({ pos, node });
          return true;
        });
        // Sometimes the first note, where "Ibid." refers to nothing.
        const i = random(4) === 0 ? 0 : 1 + random(notes.length - 1);
        const { pos, node } = notes[i]!;
        const content = i === 0 || random(2) ? schema.text("Ibid.") : notes[i - 1]!.node.content;
        tr.replaceWith(pos + 1, pos + node.nodeSize - 1, content);
      },
      // Split a paragraph: two new blocks, the rest shared.
      (tr) => {
        const at = textPositions(tr.doc)[random(textPositions(tr.doc).length)]!;
        if (tr.doc.resolve(at).parent.type.name === "paragraph" && tr.doc.resolve(at).depth === 1) tr.split(at);
      },
    ];
    const rulesSeen = new Set<string>();
    for (let step = 0; step < 120; step++) {
      const tr = new Transform(doc);
      edits[random(edits.length)]!(tr);
      doc = tr.doc;
      const organisations = ORGANISATIONS[random(ORGANISATIONS.length)]!;
      const incremental = check(doc, organisations);
      const fromScratch = check(schema.nodeFromJSON(doc.toJSON()), organisations);
      expect(incremental).toEqual(fromScratch);
      for (const finding of incremental.findings) rulesSeen.add(finding.rule);
    }
    // The walk really met findings of the kinds the edits cause and move, not empty reports.
    expect([...rulesSeen]).toEqual(expect.arrayContaining(["symbol.normalise", "pinpoint.format", "recommendation.unknown", "recommendation.quote-differs", "footnote.ibid-misused", "footnote.bad-url", "footnote.repeat-source", "recommendation.weak-verb", "confidential.mention", "placeholder.left"]));
  });
});
