import { describe, expect, it } from "vitest";
import { TEMPLATES } from "./index";
import { TemplateSchema } from "./schema";

describe("template registry", () => {
  it("has unique slugs that all parse", () => {
    const slugs = TEMPLATES.map((t) => t.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const template of TEMPLATES) expect(TemplateSchema.safeParse(template).success).toBe(true);
  });

  it("refuses a template with an unknown mechanism or a bad slug", () => {
    const bad = { slug: "UPR Joint", name: "UPR joint", mechanism: "XYZ", wordLimit: null, sections: [] };
    const result = TemplateSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path[0]).sort()).toEqual(["mechanism", "slug"]);
  });
});
