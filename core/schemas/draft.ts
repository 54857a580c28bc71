import { z } from "zod";
import { DOCUMENT_LANGUAGES } from "../i18n/locales";
import { isStateCode } from "../un/states";
import { findTemplate } from "../../templates";

/** Optional text, trimmed; over `max` characters it is refused with `tooLong` (a catalogue id). */
const OptionalText = (max: number, tooLong: "drafts.field.sessionTooLong" | "drafts.field.contactTooLong") =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .optional()
    .transform((v) => v ?? "");

/** Repeated form fields (checkboxes) arrive as an array, one as a string, none as nothing. */
const IdList = z.preprocess(
  (v) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.uuid({ error: "drafts.field.organisationGone" })).max(100, "drafts.field.organisationsTooMany")
);

/**
 * A new draft's form. Its messages are catalogue ids (locales/ui/<language>/drafts.json). The
 * language is the submission's, any of the UN's six, whatever the template: templates exist in
 * English, French and Spanish, and a draft in Arabic, Chinese or Russian starts from the English
 * headings (templates/localise.ts).
 */
export const DraftSchema = z.object({
  title: z.string({ error: "drafts.field.titleRequired" }).trim().min(3, "drafts.field.titleTooShort").max(200, "drafts.field.titleTooLong"),
  template: z.string({ error: "drafts.field.templateRequired" }).refine((slug) => findTemplate(slug) !== undefined, "drafts.field.templateUnknown"),
  stateUnderReview: z.string({ error: "drafts.field.stateRequired" }).refine(isStateCode, "drafts.field.stateUnknown"),
  deadline: z.preprocess((v) => (v === "" ? null : v), z.iso.date({ error: "drafts.field.deadlineInvalid" }).nullable().default(null)),
  session: OptionalText(100, "drafts.field.sessionTooLong"),
  contact: OptionalText(200, "drafts.field.contactTooLong"),
  language: z.enum(DOCUMENT_LANGUAGES, { error: "drafts.field.languageUnknown" }).default("en"),
  organisations: IdList,
});

export type DraftInput = z.output<typeof DraftSchema>;
