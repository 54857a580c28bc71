import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import { BODY_FIELD, canonicalDocument, computeNumbering, documentSchema } from "../core/editor";
import { findTemplate, templateDocument, TEMPLATES, templatesFor } from "./index";
import { TemplateSchema } from "./schema";

describe("template registry", () => {
  it("has unique slugs, and every template parses", () => {
    const slugs = TEMPLATES.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const template of TEMPLATES) expect(TemplateSchema.safeParse(template).success).toBe(true);
  });

  it("loads every template's starting document through the editor schema and a Y.Doc", () => {
    const schema = documentSchema();
    for (const template of TEMPLATES) {
      const json = templateDocument(template);
      expect(() => schema.nodeFromJSON(json).check(), template.slug).not.toThrow();
      const ydoc = prosemirrorJSONToYDoc(schema, json, BODY_FIELD);
      const headings = (canonicalDocument(ydoc).json.content as Array<{ type: string }>).filter((b) => b.type === "heading");
      expect(headings.length, template.slug).toBe(template.sections.length);
    }
  });

  it("offers the UPR kinds and, for seven committees, a session report and a List of Issues input", () => {
    expect(templatesFor("UPR").map((t) => t.kind).sort()).toEqual(["upr-individual", "upr-joint", "upr-midterm", "upr-nhri"]);
    for (const committee of ["CESCR", "CCPR", "CAT", "CEDAW", "CRC", "CERD", "CRPD"]) {
      const kinds = templatesFor(committee).map((t) => t.kind);
      expect(kinds, committee).toEqual(expect.arrayContaining(["tb-session", "tb-list-of-issues"]));
    }
    for (const committee of ["CAT", "CCPR", "CEDAW"]) expect(templatesFor(committee).map((t) => t.kind)).toContain("tb-follow-up");
  });

  it("keeps limits as sourced data: published ones as given, the rest as no limit", () => {
    expect(findTemplate("upr-joint")!.rules.wordLimit).toMatchObject({ words: 5630, confidence: "U" });
    expect(findTemplate("upr-individual")!.rules.wordLimit!.words).toBe(2815);
    const cedaw = findTemplate("cedaw-session")!.rules;
    expect(cedaw.wordLimit).toMatchObject({ words: 6600, confidence: "V" });
    expect(cedaw.counts.footnotes).toBe(true);
    expect(findTemplate("crc-list-of-issues")!.rules).toMatchObject({ wordLimit: { words: 10000 }, counts: { annexes: false } });
    expect(findTemplate("cescr-session")!.rules.wordLimit).toBeNull();
    for (const template of TEMPLATES) {
      const limit = template.rules.wordLimit;
      if (limit) expect(limit.source, template.slug).toMatch(/^https?:\/\//);
    }
  });

  it("names a joint submission's organisations first, in unnumbered paragraphs, and numbers the body", () => {
    const joint = findTemplate("upr-joint")!;
    expect(joint.sections[0]).toMatchObject({ id: "submitting-organisations", required: true, numberedParagraphs: false });
    const doc = documentSchema().nodeFromJSON(templateDocument(joint));
    const numbered = [...computeNumbering(doc).paragraphs.keys()].map((pos) => doc.nodeAt(pos)!.textContent);
    expect(numbered[0]).toMatch(/^\[Who submits/);
    expect(numbered.some((t) => t.startsWith("This joint submission"))).toBe(false);
  });

  it("gives the mid-term assessment a recommendations matrix with a status column", () => {
    const matrix = findTemplate("upr-midterm")!.sections.find((s) => s.id === "implementation-matrix")!;
    expect(JSON.stringify(matrix.starter)).toContain('"Status"');
    expect(matrix.guidance).toMatch(/fully implemented, partially implemented, not implemented, or no information/);
  });

  it("refuses a malformed template, saying where", () => {
    const good = findTemplate("upr-individual")!;
    const issues = (value: unknown) => TemplateSchema.safeParse(value).error?.issues.map((i) => i.path.join(".")) ?? [];
    expect(issues({ ...good, slug: "UPR Joint", mechanism: "XYZ" }).sort()).toEqual(["mechanism", "slug"]);
    expect(issues({ ...good, rules: { ...good.rules, wordLimit: { words: 2815, source: "javascript:alert(1)", confidence: "V" } } })).toEqual([
      "rules.wordLimit.source",
    ]);
    expect(issues({ ...good, sections: [good.sections[0], good.sections[0]] })).toEqual(["sections"]);
    expect(issues({ ...good, rules: { ...good.rules, sectionBudgets: [{ section: "nowhere", words: 100, source: "https://ohchr.org", confidence: "U" }] } })).toEqual([
      "rules.sectionBudgets",
    ]);
  });
});
