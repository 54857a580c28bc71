import type { Node as PMNode } from "@tiptap/pm/model";
import { message, type MessageId, type MessageValues } from "../i18n/message";
import type { Cover } from "../editor/cover";
import { isStateCode } from "../un/states";
import type { Finding } from "./finding";
import { withoutPlaceholders } from "./placeholders";

/** The parts of a template the structure rules read (templates/schema.ts). */
export interface StructureTemplate {
  kind: string;
  languages: readonly string[];
  coverFields: readonly string[];
  /**
   * `required`: the template expects the section (a warning when missing: docs/domain.md marks structure
   * rules soft, and accepted submissions use headings of their own). `mandated`: the mechanism's
   * own rules require it (an error).
   */
  sections: ReadonlyArray<{ id: string; title: string; required: boolean; mandated?: boolean; numberedParagraphs?: boolean }>;
  /** Whether the mechanism expects numbered paragraphs (UPR and treaty bodies: yes; mid-term: no). */
  paragraphNumbering?: boolean;
}

/** The workspace's organisations as the cover names them (acronyms build OHCHR's "JS2" keys). */
export interface CoverOrganisation {
  id: string;
  name: string;
  acronym: string;
  /** Never to be named in an export (disclosure-rules.ts searches the text for it). */
  confidential?: boolean;
}

interface Section {
  id: string | null;
  heading: { pos: number; node: PMNode } | null;
  blocks: Array<{ pos: number; node: PMNode }>;
}

/** The document cut at its template headings (a heading with a `section` starts one). */
function sectionsOf(doc: PMNode): Section[] {
  const sections: Section[] = [{ id: null, heading: null, blocks: [] }];
  doc.forEach((node, pos) => {
    if (node.type.name === "heading" && node.attrs.section) sections.push({ id: String(node.attrs.section), heading: { pos, node }, blocks: [] });
    else sections.at(-1)!.blocks.push({ pos, node });
  });
  return sections;
}

// Starter text is an instruction in square brackets ("[Who submits …]", placeholders.ts): not yet
// written. A lead-in ending with a colon ("We recommend that the Government:") is not a recommendation.
function written(node: PMNode): boolean {
  if (node.type.name === "recommendation") return true;
  let found = false;
  node.descendants((child) => {
    if (found || !child.isTextblock) return !found;
    const text = withoutPlaceholders(child.textContent).trim();
    if (text && !text.endsWith(":")) found = true;
    return false;
  });
  if (node.isTextblock) {
    const text = withoutPlaceholders(node.textContent).trim();
    return Boolean(text) && !text.endsWith(":");
  }
  return found;
}

function sectionFindings(doc: PMNode, template: StructureTemplate): Finding[] {
  const findings: Finding[] = [];
  const present = new Map(sectionsOf(doc).filter((s) => s.id).map((s) => [s.id!, s]));
  for (const expected of template.sections) {
    if (!expected.required && !expected.mandated) continue;
    const severity = expected.mandated ? "error" : "warning";
    const section = present.get(expected.id);
    if (!section) {
      const title = { title: expected.title };
      const said = expected.mandated ? message("checks.section.missingMandated", title) : message("checks.section.missing", title);
      findings.push({ rule: "structure.section-missing", severity, message: said, location: null });
    } else if (!section.blocks.some((b) => written(b.node))) {
      const at = section.heading!;
      findings.push({
        rule: expected.id === "recommendations" ? "structure.recommendations-empty" : "structure.section-empty",
        severity,
        message: message("checks.section.empty", { title: expected.title, brackets: section.blocks.some((b) => b.node.textContent.includes("[")) ? "yes" : "no" }),
        location: { from: at.pos, to: at.pos + at.node.nodeSize },
      });
    }
  }
  return findings;
}

// McMahon categories 2 and 3 (docs/domain.md §2b): continuing and considering action.
const WEAK_OPENERS = /^(?:to\s+)?(continue|maintain|pursue|consider|review|reflect|study|explore)\b/i;

/**
 * New recommendations that open with "continue", "consider", "reflect"… (action categories 2–3)
 * get a nudge toward a specific, time-bound action. Read from the list items and paragraphs of
 * the "recommendations" section; quoted UN recommendations (blocks) are history, not advice.
 */
function recommendationQuality(doc: PMNode): Finding[] {
  const section = sectionsOf(doc).find((s) => s.id === "recommendations");
  if (!section) return [];
  const findings: Finding[] = [];
  const check = (node: PMNode, from: number) => {
    const match = WEAK_OPENERS.exec(node.textContent.trim());
    if (!match) return;
    findings.push({
      rule: "recommendation.weak-verb",
      severity: "warning",
      message: message("checks.recommendation.weakVerb", { verb: match[1]! }),
      location: { from, to: from + node.nodeSize },
    });
  };
  for (const block of section.blocks) {
    // A recommendation written as a paragraph of the section, or as an item of a list in it.
    if (block.node.isTextblock) check(block.node, block.pos);
    else if (block.node.type.name !== "recommendation") {
      block.node.descendants((node, offset) => {
        if (!node.isTextblock) return true;
        check(node, block.pos + 1 + offset);
        return false;
      });
    }
  }
  return findings;
}

function coverFindings(cover: Cover, template: StructureTemplate, organisations: readonly CoverOrganisation[]): Finding[] {
  const findings: Finding[] = [];
  const missing = (field: string, id: MessageId, values?: MessageValues) => findings.push({ rule: `cover.${field}`, severity: "error", message: message(id, values), location: null });
  const asks = (field: string) => template.coverFields.includes(field);
  if (asks("title") && !cover.title.trim()) missing("title", "checks.cover.title");
  if (asks("stateUnderReview") && !isStateCode(cover.stateUnderReview)) missing("state", "checks.cover.state");
  if (asks("contact") && !cover.contact.trim()) missing("contact", "checks.cover.contact");
  if (asks("organisations")) {
    const named = cover.organisations.map((id) => organisations.find((o) => o.id === id)).filter((o): o is CoverOrganisation => Boolean(o));
    if (named.length === 0) missing("organisations", "checks.cover.noOrganisation");
    if (template.kind === "upr-joint" && named.length < 2) missing("organisations", "checks.cover.jointFewer");
    for (const organisation of named) {
      if (!organisation.acronym.trim()) missing("acronym", "checks.cover.acronym", { name: organisation.name });
    }
  }
  if (!template.languages.includes(cover.language)) {
    // The languages as a key ("en_fr_es"): each catalogue names the sets templates accept in its own words.
    const accepted = template.languages.join("_");
    findings.push({ rule: "cover.language", severity: "error", message: message("checks.cover.language", { accepted, language: cover.language }), location: null });
  }
  return findings;
}

/** A paragraph that is all quotation ("“The State shall …”."): an excerpt, typed without the quotation style. */
const QUOTED_EXCERPT = /^\s*[“"‘«][\s\S]*[”"’»][.,;]?\s*$/;

/**
 * Where the mechanism expects numbered paragraphs (OHCHR cites "JS2, para. 43"), a written body
 * paragraph marked unnumbered in a section that numbers its paragraphs cannot be cited. Only
 * top-level paragraphs are the text's own: block quotations (the blockquote node, which Word's
 * quotation styles become on import) and list items are never numbered, nor is an excerpt that
 * is all quotation.
 */
function paragraphNumbering(doc: PMNode, template: StructureTemplate): Finding[] {
  if (!template.paragraphNumbering) return [];
  const numbered = new Map(template.sections.map((s) => [s.id, s.numberedParagraphs !== false]));
  const findings: Finding[] = [];
  for (const section of sectionsOf(doc)) {
    if (!section.id || !numbered.get(section.id)) continue;
    for (const block of section.blocks) {
      if (block.node.type.name === "paragraph" && block.node.attrs.numbered === false && written(block.node) && !QUOTED_EXCERPT.test(block.node.textContent)) {
        findings.push({
          rule: "paragraph.unnumbered",
          severity: "warning",
          message: message("checks.paragraph.unnumbered"),
          location: { from: block.pos, to: block.pos + block.node.nodeSize },
        });
      }
    }
  }
  return findings;
}

/** Required sections present and written, paragraphs numbered, recommendations specific, the cover complete. */
export function structureFindings(doc: PMNode, context: { template: StructureTemplate; cover: Cover; organisations: readonly CoverOrganisation[] }): Finding[] {
  return [
    ...sectionFindings(doc, context.template),
    ...paragraphNumbering(doc, context.template),
    ...recommendationQuality(doc),
    ...coverFindings(context.cover, context.template, context.organisations),
  ];
}
