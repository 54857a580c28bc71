import { describe, expect, it } from "vitest";
import { canonicalDocument, documentSchema, readCover } from "../core/editor";
import { findTemplate, STARTER_PLACEHOLDERS, TEMPLATES, templateDocument, templateYDoc } from "./index";
import { localiseTemplate, templateTextKey } from "./localise";

/** Every text node of starter content. */
function texts(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => texts(v, into));
  else if (value && typeof value === "object") {
    const node = value as { type?: string; text?: string; content?: unknown };
    if (node.type === "text" && node.text) into.push(node.text);
    texts(node.content, into);
  }
  return into;
}

const headings = (json: { content: Array<{ type: string; content?: Array<{ text?: string }> }> }) =>
  json.content.filter((b) => b.type === "heading").map((b) => b.content?.[0]?.text ?? "");

describe("templates in French and Spanish", () => {
  it("has a catalogue key for every section title, guidance and starter text of every template", () => {
    const missing = TEMPLATES.flatMap((t) =>
      t.sections.flatMap((s) => [s.title, s.guidance, ...texts(s.starter)].filter((text) => !templateTextKey(text)).map((text) => `${t.slug}/${s.id}: ${text}`))
    );
    expect(missing).toEqual([]);
  });

  it("starts a French UPR draft with French headings, guidance and starter text, and the same sections", () => {
    const template = findTemplate("upr-joint")!;
    const ydoc = templateYDoc(template, { language: "fr" });
    const { json } = canonicalDocument(ydoc);
    expect(readCover(ydoc).language).toBe("fr");
    const titles = headings(json as never);
    expect(titles).toContain("Organisations auteurs de la communication");
    expect(titles).toContain("Introduction");
    expect(titles).toContain("Respect des obligations internationales en matière de droits de l'homme");
    expect(titles).toContain("Recommandations");
    expect(titles).not.toContain("Recommendations");
    expect(JSON.stringify(json)).toContain("La présente communication conjointe est présentée par [Organisation] ([SIGLE])");
    const french = localiseTemplate(template, "fr");
    expect(french.sections.map((s) => s.id)).toEqual(template.sections.map((s) => s.id));
    expect(french.rules).toEqual(template.rules);
    expect(french.sections.find((s) => s.id === "recommendations")!.guidance).toMatch(/^Adressées à l'État examiné/);
  });

  it("starts a Spanish treaty-body draft in Spanish, and Arabic, Chinese and Russian drafts from the English headings", () => {
    const cedaw = findTemplate("cedaw-session")!;
    expect(headings(templateDocument(cedaw, "es") as never)).toContain("Motivos de preocupación");
    for (const language of ["ar", "zh", "ru", "en"]) expect(headings(templateDocument(cedaw, language) as never)).toEqual(cedaw.sections.map((s) => s.title));
    expect(() => documentSchema().nodeFromJSON(templateDocument(cedaw, "es")).check()).not.toThrow();
  });

  it("reports the French and Spanish placeholders left in a draft, as it does the English ones", () => {
    expect(STARTER_PLACEHOLDERS).toEqual(expect.arrayContaining(["[Organisation]", "[ACRONYM]", "[SIGLE]", "[SIGLA]", "[Organización]"]));
  });
});
