import { z } from "zod";
import { HEADING_STYLES } from "../core/editor/numbering";
import { MECHANISM_IDS } from "../core/un/mechanisms";

/** How sure we are of a rule (docs/domain.md): Verified, Partly verified, Unverified. */
export const ConfidenceSchema = z.enum(["V", "P", "U"]);

/** Every rule names where it comes from, so a coordinator can check it before a deadline. */
const Provenance = {
  source: z.url({ protocol: /^https?$/ }),
  confidence: ConfidenceSchema,
};

export const TEMPLATE_KINDS = [
  "upr-individual",
  "upr-joint",
  "upr-nhri",
  "upr-midterm",
  "tb-session",
  "tb-list-of-issues",
  "tb-follow-up",
] as const;

export const COVER_FIELDS = ["title", "mechanism", "session", "stateUnderReview", "organisations", "contact", "date", "language"] as const;

/** A block of starter content: ProseMirror JSON, checked against the document schema in tests. */
const BlockJsonSchema = z.looseObject({ type: z.string().min(1) });

export const SectionSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "section ids are kebab-case"),
  title: z.string().min(2),
  /** 1 = a top heading (I.), 2 = under it (A.). */
  level: z.union([z.literal(1), z.literal(2)]).default(1),
  /** Written for this product: what goes here, what OHCHR or the committee expects. */
  guidance: z.string().min(20),
  /**
   * The template expects this section: a missing one is a warning, because docs/domain.md marks the
   * structure rules soft and accepted submissions use headings of their own.
   */
  required: z.boolean(),
  /**
   * Where the mechanism's own rules (not only the template) require the section: a missing one is
   * then an error. Data with its source, like every limit; absent for almost every section.
   */
  mandatedBy: z.object(Provenance).optional(),
  /** False where the template says so (executive summary, list of organisations). */
  numberedParagraphs: z.boolean().default(true),
  starter: z.array(BlockJsonSchema).default([]),
});

export const RulesSchema = z.object({
  /** Null: the mechanism publishes no limit (the checks then report length without judging it). */
  wordLimit: z.object({ words: z.number().int().positive(), ...Provenance }).nullable(),
  counts: z.object({
    body: z.literal(true),
    footnotes: z.boolean(),
    headings: z.boolean(),
    tables: z.boolean(),
    cover: z.boolean(),
    annexes: z.boolean(),
    ...Provenance,
  }),
  sectionBudgets: z.array(z.object({ section: z.string(), words: z.number().int().positive(), ...Provenance })).default([]),
  notes: z.object({ kind: z.enum(["footnotes", "endnotes"]), ...Provenance }),
  paragraphNumbering: z.object({ required: z.boolean(), ...Provenance }),
  headingNumbering: z.tuple([z.enum(HEADING_STYLES), z.enum(HEADING_STYLES), z.enum(HEADING_STYLES), z.enum(HEADING_STYLES)]),
});

/**
 * A submission template as data: which mechanism it serves, its rules (each with its source and
 * how sure we are of it; limits are data, never logic) and its sections with guidance and
 * starter content. A malformed template fails the test suite, not a coalition's deadline night.
 */
export const TemplateSchema = z
  .object({
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slugs are kebab-case"),
    title: z.string().min(3),
    mechanism: z.enum(MECHANISM_IDS),
    kind: z.enum(TEMPLATE_KINDS),
    description: z.string().min(20),
    languages: z.array(z.enum(["en", "fr", "es", "ar", "ru", "zh"])).min(1),
    rules: RulesSchema,
    coverFields: z.array(z.enum(COVER_FIELDS)).min(1),
    sections: z.array(SectionSchema).min(1),
  })
  .superRefine((template, ctx) => {
    const ids = template.sections.map((s) => s.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: "custom", path: ["sections"], message: "section ids must be unique" });
    for (const budget of template.rules.sectionBudgets) {
      if (!ids.includes(budget.section)) ctx.addIssue({ code: "custom", path: ["rules", "sectionBudgets"], message: `no section "${budget.section}"` });
    }
  });

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateSection = z.infer<typeof SectionSchema>;
export type TemplateRules = z.infer<typeof RulesSchema>;

/** A template as written in a template file: the schema fills in defaults (level, numbering, starter). */
export type TemplateInput = z.input<typeof TemplateSchema>;
export type SectionInput = z.input<typeof SectionSchema>;
