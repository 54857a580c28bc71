import { z } from "zod";

/** The formats a draft exports to; the panel's choices and both routes read this one list. */
export const EXPORT_FORMATS = ["docx", "pdf"] as const;
export type ExportFormatChoice = (typeof EXPORT_FORMATS)[number];

export const EXPORT_FORMAT_LABELS: Record<ExportFormatChoice, string> = { docx: "Word (.docx)", pdf: "PDF" };

const Format = z.enum(EXPORT_FORMATS, { error: "Choose Word (.docx) or PDF." });

/** GET …/export?format=docx|pdf&toc=0|1&pdfa=0|1: the download's query. */
export const ExportQuerySchema = z.object({
  format: Format,
  toc: z.enum(["0", "1"], { error: "toc is 0 or 1." }).default("0").transform((v) => v === "1"),
  /** PDF/A-2b, for archives that ask for it (ignored for Word files). */
  pdfa: z.enum(["0", "1"], { error: "pdfa is 0 or 1." }).default("0").transform((v) => v === "1"),
  /** An owner's "Export anyway" although the draft names a confidential organisation or keeps placeholders. */
  override: z.enum(["0", "1"], { error: "override is 0 or 1." }).default("0").transform((v) => v === "1"),
});

const Checkbox = z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean());

/** POST …/submit: the file to store as the submitted one. A checkbox says "on" when ticked. */
export const SubmitDraftSchema = z.object({
  intent: z.literal("submit", { error: "Unknown intent: expected submit." }),
  format: Format,
  tableOfContents: Checkbox,
  /** As the download's `override`: an owner's explicit choice, checked again by the server. */
  override: Checkbox,
});
export type SubmitDraftInput = z.infer<typeof SubmitDraftSchema>;
