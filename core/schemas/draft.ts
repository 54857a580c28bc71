import { z } from "zod";
import { isStateCode } from "../un/states";
import { findTemplate } from "../../templates";

const OptionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters for the ${what}.`)
    .optional()
    .transform((v) => v ?? "");

/** Repeated form fields (checkboxes) arrive as an array, one as a string, none as nothing. */
const IdList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid({ error: "That organisation no longer exists. Reload the page." })).max(100, "Choose at most 100 organisations."),
);

export const DraftSchema = z
  .object({
    title: z.string({ error: "Give the draft a title." }).trim().min(3, "Use at least 3 characters.").max(200, "Use at most 200 characters."),
    template: z
      .string({ error: "Choose what you are writing." })
      .refine((slug) => findTemplate(slug) !== undefined, "Choose one of the listed templates."),
    stateUnderReview: z
      .string({ error: "Choose the State under review." })
      .refine(isStateCode, "Choose the State under review from the list."),
    deadline: z.preprocess(
      (v) => (v === "" ? null : v),
      z.iso.date({ error: "Enter the deadline as a date." }).nullable().default(null),
    ),
    session: OptionalText(100, "session or cycle"),
    contact: OptionalText(200, "contact"),
    language: z.string().default("en"),
    organisations: IdList,
  })
  .superRefine((draft, ctx) => {
    const template = findTemplate(draft.template);
    if (template && !(template.languages as readonly string[]).includes(draft.language)) {
      ctx.addIssue({ code: "custom", path: ["language"], message: `This template accepts ${template.languages.join(", ")}.` });
    }
  });

export type DraftInput = z.output<typeof DraftSchema>;
