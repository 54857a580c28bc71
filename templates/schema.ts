import { z } from "zod";
import { MECHANISM_IDS } from "../core/un/mechanisms";

/**
 * A submission template as data: which mechanism it serves, its word-limit rule and its
 * sections. Starter content arrives with the document schema; the registry is validated here
 * so a malformed template fails the test suite, not a coalition's deadline night.
 */
export const TemplateSchema = z.object({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "slugs are kebab-case"),
  name: z.string().min(3),
  mechanism: z.enum(MECHANISM_IDS),
  wordLimit: z
    .object({
      words: z.number().int().positive(),
      countsFootnotes: z.boolean(),
      source: z.string().min(3),
    })
    .nullable(),
  sections: z.array(z.object({ id: z.string().min(1), title: z.string().min(1), guidance: z.string().default("") })),
});

export type Template = z.infer<typeof TemplateSchema>;
