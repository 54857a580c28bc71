import { z } from "zod";
import type { MessageId } from "../../core/i18n/message";

/** The formats a draft exports to; the panel's choices and both routes read this one list. */
export const EXPORT_FORMATS = ["docx", "pdf"] as const;
export type ExportFormatChoice = (typeof EXPORT_FORMATS)[number];

/** Each format's name, as catalogue ids (locales/ui/<language>/export.json). */
export const EXPORT_FORMAT_LABELS: Record<ExportFormatChoice, MessageId> = { docx: "export.format.docx", pdf: "export.format.pdf" };

// Errors are catalogue ids: the routes put them into the reader's language.
const Format = z.enum(EXPORT_FORMATS, { error: "export.format.choose" });

/** What a download is: the submission as it stands, or a review copy with suggestions and comments (issue 20). */
export const EXPORT_VARIANTS = ["clean", "review"] as const;
export type ExportVariant = (typeof EXPORT_VARIANTS)[number];

/** GET …/export?format=docx|pdf&toc=0|1&pdfa=0|1&variant=clean|review: the download's query. */
export const ExportQuerySchema = z
  .object({
    format: Format,
    toc: z.enum(["0", "1"], { error: "export.query.toc" }).default("0").transform((v) => v === "1"),
    /** PDF/A-2b, for archives that ask for it (ignored for Word files). */
    pdfa: z.enum(["0", "1"], { error: "export.query.pdfa" }).default("0").transform((v) => v === "1"),
    /** An owner's "Export anyway" although the draft names a confidential organisation or keeps placeholders. */
    override: z.enum(["0", "1"], { error: "export.query.override" }).default("0").transform((v) => v === "1"),
    /** A review copy carries open suggestions as tracked changes and open threads as comments: Word only. */
    variant: z.enum(EXPORT_VARIANTS, { error: "export.query.variant" }).default("clean"),
  })
  .refine((query) => query.variant === "clean" || query.format === "docx", { message: "export.query.reviewDocx", path: ["variant"] });

const Checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

/** POST …/submit: the file to store as the submitted one. A checkbox says "on" when ticked. */
export const SubmitDraftSchema = z.object({
  intent: z.literal("submit", { error: "export.refused.unknownSubmit" }),
  format: Format,
  tableOfContents: Checkbox,
  /** As the download's `override`: an owner's explicit choice, checked again by the server. */
  override: Checkbox,
  /** An owner's "Submit anyway" without every co-submitting organisation's sign-off (issue 21). */
  signOffOverride: Checkbox,
});
export type SubmitDraftInput = z.infer<typeof SubmitDraftSchema>;
