import { describe, expect, it } from "vitest";
import { preflight } from "../core/checks/preflight";
import { documentSchema, EMPTY_COVER } from "../core/editor";
import { TEMPLATES, templateDocument } from "./index";
import { TemplateSchema } from "./schema";
import { preflightRules, untemplatedPreflightRules } from "./preflight-rules";

describe("preflightRules", () => {
  it("carries every template's limit, counting rule and sections, in the template's order", () => {
    for (const template of TEMPLATES) {
      const rules = preflightRules(template);
      expect(rules.wordLimit).toBe(template.rules.wordLimit?.words ?? null);
      expect(rules.counts.footnotes).toBe(template.rules.counts.footnotes);
      // The draft page pairs rules.sections[i] with template.sections[i]'s guidance.
      expect(rules.sections.map((s) => s.id)).toEqual(template.sections.map((s) => s.id));
      expect(rules.paragraphNumbering).toBe(template.rules.paragraphNumbering.required);
    }
  });

  it("judges a new draft's starter document unwritten, section by required section", () => {
    const template = TEMPLATES.find((t) => t.slug === "upr-individual")!;
    const doc = documentSchema().nodeFromJSON(templateDocument(template));
    const report = preflight({ doc, cover: EMPTY_COVER, template: preflightRules(template), organisations: [] });
    const required = template.sections.filter((s) => s.required).length;
    const unwritten = report.findings.filter((f) => f.rule === "structure.section-empty" || f.rule === "structure.recommendations-empty");
    expect(unwritten).toHaveLength(required);
  });

  it("errs on a missing section only where the template's data says the mechanism requires it", () => {
    const individual = TEMPLATES.find((t) => t.slug === "upr-individual")!;
    const body = documentSchema().nodeFromJSON({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "An accepted submission with headings of its own." }] }] });
    const missing = (template: typeof individual) =>
      preflight({ doc: body, cover: { ...EMPTY_COVER, language: "en" }, template: preflightRules(template), organisations: [] })
        .findings.filter((f) => f.rule === "structure.section-missing")
        .map((f) => f.severity);
    expect(new Set(missing(individual))).toEqual(new Set(["warning"]));
    const mandate = { source: "https://www.ohchr.org/en/hr-bodies/upr/ngos-nhris", confidence: "V" as const };
    const withMandate = TemplateSchema.parse({ ...individual, sections: individual.sections.map((s) => (s.id === "introduction" ? { ...s, mandatedBy: mandate } : s)) });
    expect(missing(withMandate).filter((severity) => severity === "error")).toHaveLength(1);
  });

  it("requires nothing of a draft made without a template", () => {
    const doc = documentSchema().nodeFromJSON({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Text." }] }] });
    expect(preflight({ doc, cover: { ...EMPTY_COVER, language: "ar" }, template: untemplatedPreflightRules(), organisations: [] }).findings).toEqual([]);
  });
});
