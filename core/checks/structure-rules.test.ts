import { Fragment, Slice } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { findTemplate, templateDocument } from "../../templates";
import { EMPTY_COVER, type Cover } from "../editor/cover";
import { documentSchema } from "../editor";
import { inEnglishFindings } from "../../test/i18n/english";
import { structureFindings as structureFindingsRaw, type CoverOrganisation } from "./structure-rules";

/** The rule's findings as an English reader reads them (messages are catalogue ids: finding.ts). */
const structureFindings = (...args: Parameters<typeof structureFindingsRaw>) => inEnglishFindings(structureFindingsRaw(...args));

const schema = documentSchema();
const joint = findTemplate("upr-joint")!;
const organisations: CoverOrganisation[] = [
  { id: "o1", name: "Ghana Human Rights Network", acronym: "GHRN" },
  { id: "o2", name: "Women's Rights Coalition", acronym: "WRC" },
  { id: "o3", name: "Lawyers Without Acronyms", acronym: "" },
];
const completeCover: Cover = { ...EMPTY_COVER, title: "Joint submission", stateUnderReview: "GHA", organisations: ["o1", "o2"], contact: "amina@example.org", language: "en" };

/** The joint template's document with every instruction replaced by real text. */
function writtenDraft(recommendation = "Repeal section 104 of the Criminal Offences Act by 2027.") {
  const fill = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(fill);
    if (value && typeof value === "object") {
      const node = value as Record<string, unknown>;
      if (node.type === "paragraph" && Array.isArray(node.content) && node.content.length === 0) return { ...node, content: [{ type: "text", text: "Written text." }] };
      if (node.type === "text") {
        const text = String(node.text);
        return { ...node, text: text.includes("[A specific, measurable action.]") ? recommendation : text.replace(/\[[^\]]*\]/g, "Written text.") };
      }
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    }
    return value;
  };
  const json = fill(templateDocument(joint)) as Record<string, unknown>;
  return schema.nodeFromJSON(json);
}

const rules = (doc = writtenDraft(), cover: Partial<Cover> = {}) =>
  structureFindings(doc, { template: joint, cover: { ...completeCover, ...cover }, organisations }).map((f) => f.rule);

describe("structure and cover rules", () => {
  it("find nothing in a complete joint submission", () => {
    expect(structureFindings(writtenDraft(), { template: joint, cover: completeCover, organisations }).map((f) => f.message)).toEqual([]);
  });

  it("flag a fresh draft's unwritten sections, whose only text is the template's instructions", () => {
    const fresh = schema.nodeFromJSON(templateDocument(joint));
    const found = rules(fresh);
    expect(found).toContain("structure.section-empty");
    expect(found).toContain("structure.recommendations-empty");
  });

  const withoutRecommendationsHeading = () => {
    const doc = writtenDraft();
    const blocks: ReturnType<typeof doc.child>[] = [];
    doc.forEach((node) => {
      if (!(node.type.name === "heading" && node.attrs.section === "recommendations")) blocks.push(node);
    });
    return doc.copy(Fragment.from(blocks));
  };

  it("warn, not err, of a template section whose heading is missing: structure rules are soft (docs/domain.md §5)", () => {
    const found = structureFindings(withoutRecommendationsHeading(), { template: joint, cover: completeCover, organisations });
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["structure.section-missing", "warning"]]);
    expect(found[0]!.message).toContain("“Recommendations”");
  });

  it("err when the mechanism's own rules require the missing section (data on the template)", () => {
    const mandated = { ...joint, sections: joint.sections.map((s) => (s.id === "recommendations" ? { ...s, mandated: true } : s)) };
    const found = structureFindings(withoutRecommendationsHeading(), { template: mandated, cover: completeCover, organisations });
    expect(found.map((f) => [f.rule, f.severity])).toEqual([["structure.section-missing", "error"]]);
    expect(found[0]!.message).toContain("which the mechanism requires");
  });

  it("warn of an unwritten template section, and err only when the mechanism requires it", () => {
    const fresh = schema.nodeFromJSON(templateDocument(joint));
    const severities = structureFindings(fresh, { template: joint, cover: completeCover, organisations }).filter((f) => f.rule.startsWith("structure.")).map((f) => f.severity);
    expect(new Set(severities)).toEqual(new Set(["warning"]));
  });

  it("nudge a new recommendation that only asks the State to continue or consider", () => {
    expect(rules(writtenDraft("Continue its efforts to protect human rights defenders."))).toEqual(["recommendation.weak-verb"]);
    expect(rules(writtenDraft("Consider ratifying the Optional Protocol."))).toEqual(["recommendation.weak-verb"]);
  });

  it("nudge one written as a paragraph of the section, not only as a list item", () => {
    const doc = writtenDraft();
    let end = -1;
    doc.forEach((node, offset) => {
      if (node.type.name === "heading" && node.attrs.section === "recommendations") end = offset + node.nodeSize;
    });
    const withParagraph = doc.replace(end, end, new Slice(Fragment.from(schema.nodes.paragraph!.create(null, schema.text("Continue to review the law."))), 0, 0));
    const found = structureFindings(withParagraph, { template: joint, cover: completeCover, organisations });
    expect(found.map((f) => [f.rule, withParagraph.textBetween(f.location!.from, f.location!.to)])).toEqual([["recommendation.weak-verb", "Continue to review the law."]]);
  });

  it("require the cover's State, contact, title, and every joint member named with an acronym", () => {
    expect(rules(undefined, { stateUnderReview: "" })).toEqual(["cover.state"]);
    expect(rules(undefined, { contact: " " })).toEqual(["cover.contact"]);
    expect(rules(undefined, { title: "" })).toEqual(["cover.title"]);
    expect(rules(undefined, { organisations: ["o1"] })).toEqual(["cover.organisations"]);
    expect(rules(undefined, { organisations: ["o1", "o3"] })).toEqual(["cover.acronym"]);
  });

  it("flag a written paragraph left unnumbered where the mechanism numbers paragraphs", () => {
    const doc = writtenDraft();
    const blocks: ReturnType<typeof doc.child>[] = [];
    let done = false;
    doc.forEach((node) => {
      const target = !done && node.type.name === "paragraph" && node.attrs.numbered !== false && node.textContent !== "";
      if (target) done = true;
      blocks.push(target ? node.type.create({ ...node.attrs, numbered: false }, node.content) : node);
    });
    const unnumbered = doc.copy(Fragment.from(blocks));
    const withRule = { ...joint, paragraphNumbering: true };
    const found = structureFindings(unnumbered, { template: withRule, cover: completeCover, organisations }).map((f) => f.rule);
    expect(found).toEqual(["paragraph.unnumbered"]);
    expect(structureFindings(unnumbered, { template: { ...withRule, paragraphNumbering: false }, cover: completeCover, organisations })).toEqual([]);
  });

  it("leave block quotations alone: a quoted excerpt is not an unnumbered paragraph", () => {
    const doc = writtenDraft();
    const blocks: ReturnType<typeof doc.child>[] = [];
    let done = false;
    doc.forEach((node) => {
      blocks.push(node);
      if (done || node.type.name !== "paragraph" || node.attrs.numbered === false || node.textContent === "") return;
      done = true;
      // An excerpt quoted after the paragraph, as a Word "Block Quotation" style is imported.
      const excerpt = (text: string) => schema.nodes.paragraph!.create({ numbered: false }, schema.text(text));
      blocks.push(schema.nodes.blockquote!.create(null, [excerpt("“The State shall guarantee the freedom of association.”"), excerpt("Article 35 of the Constitution.")]));
    });
    const withQuote = doc.copy(Fragment.from(blocks));
    const withRule = { ...joint, paragraphNumbering: true };
    expect(structureFindings(withQuote, { template: withRule, cover: completeCover, organisations })).toEqual([]);
    // The same excerpt typed as plain unnumbered paragraphs: the one all in quotation marks is an excerpt, its source line is not.
    const typed = doc.copy(Fragment.from(blocks.flatMap((node) => (node.type.name === "blockquote" ? node.children : [node]))));
    const found = structureFindings(typed, { template: withRule, cover: completeCover, organisations });
    expect(found.map((f) => [f.rule, typed.textBetween(f.location!.from, f.location!.to)])).toEqual([["paragraph.unnumbered", "Article 35 of the Constitution."]]);
  });

  it("refuse a language the mechanism does not accept", () => {
    const [finding] = structureFindings(writtenDraft(), { template: { ...joint, languages: ["en", "fr", "es"] }, cover: { ...completeCover, language: "ru" }, organisations });
    expect(finding).toMatchObject({ rule: "cover.language", severity: "error" });
    expect(finding!.message).toContain("English, French, Spanish");
  });
});
