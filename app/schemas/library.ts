import { z } from "zod";
import { ColumnMappingSchema, type ColumnMapping } from "../../core/library/import-fields";
import { FACETS, LibrarySearchSchema, type Facet, type LibrarySearch } from "../../core/library/search-query";
import { IdField } from "./fields";

/**
 * The library page's forms: the search in the URL, the import steps, a deletion, an export.
 * Shared by the page (names and choices) and its actions (parsing), so both say the same thing.
 */

export const LIBRARY_PAGE_SIZE = 20;
// LibrarySearchSchema stops at offset 10,000; the last page that still starts inside it.
export const LIBRARY_MAX_PAGE = Math.floor(10_000 / LIBRARY_PAGE_SIZE) + 1;

/** The search as the page's GET form and its facet links write it: `?q=…&body=UPR&page=2`. */
export const LibraryQuerySchema = LibrarySearchSchema.omit({ limit: true, offset: true }).extend({
  page: z.coerce.number().int().min(1).max(LIBRARY_MAX_PAGE).default(1),
});
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;

/** Reads the URL's search; an empty field (a GET form's blank select) means "not set". */
export function parseLibraryQuery(params: URLSearchParams) {
  const entries: Record<string, string> = {};
  for (const [key, value] of params) if (value.trim() !== "" && !(key in entries)) entries[key] = value;
  return LibraryQuerySchema.safeParse(entries);
}

/** The page's query as the search function takes it. */
export function toLibrarySearch(query: LibraryQuery): LibrarySearch {
  const { page, ...rest } = query;
  return { ...rest, limit: LIBRARY_PAGE_SIZE, offset: (page - 1) * LIBRARY_PAGE_SIZE };
}

/** The facet values a query selects, as strings (the facet filters' `selected` prop). */
export function selectedFacets(query: Partial<LibraryQuery>): Partial<Record<Facet, string>> {
  const selected: Partial<Record<Facet, string>> = {};
  for (const facet of FACETS) if (query[facet] !== undefined) selected[facet] = String(query[facet]);
  return selected;
}

export const BAD_ROW_POLICIES = ["all-or-nothing", "skip-bad-rows"] as const;
export type BadRowPolicyChoice = (typeof BAD_ROW_POLICIES)[number];

/** A column's select: its field, or "" to ignore the column. */
export const columnFieldName = (index: number) => `column-${index}`;

// Browsers send an empty part (name "") for a file input left empty.
const UploadedFile = z.custom<File>((value) => value instanceof File && value.size > 0, "import.form.chooseFile");
const OptionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      // A refinement, not .max(): only a custom issue carries the limit to the message as a value.
      .refine((text) => text.length <= max, { message: "import.form.tooLong", params: { max } })
      .optional()
  );
const Policy = z.enum(BAD_ROW_POLICIES, { error: "import.form.choosePolicy" }).default("all-or-nothing");

/**
 * Step 2 (and the import itself) of a recommendations file. `columns` and `column-<i>` are the
 * confirmed mapping; `previewName`/`previewSize` name the file that was previewed, so a mapping
 * confirmed for one file is never applied to another.
 */
export const RecommendationImportFormSchema = z
  .looseObject({
    intent: z.enum(["preview", "import"]),
    file: UploadedFile,
    policy: Policy,
    source: OptionalText(300),
    columns: z.coerce.number().int().min(1).max(500).optional(),
    previewName: OptionalText(1000),
    previewSize: z.coerce.number().int().min(0).optional(),
  })
  .transform((form, ctx) => {
    let mapping: ColumnMapping | undefined;
    if (form.columns !== undefined) {
      const values = Array.from({ length: form.columns }, (_, i) => {
        const value = form[columnFieldName(i)];
        return typeof value === "string" && value !== "" ? value : null;
      });
      const parsed = ColumnMappingSchema.safeParse(values);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", path: ["mapping"], message: "import.form.chooseFields" });
        return z.NEVER;
      }
      mapping = parsed.data;
    }
    const previewed = form.previewName !== undefined && form.previewSize !== undefined ? { name: form.previewName, size: form.previewSize } : null;
    return { intent: form.intent, file: form.file, policy: form.policy, source: form.source, mapping, previewed };
  });
export type RecommendationImportForm = z.output<typeof RecommendationImportFormSchema>;

/** A BibTeX, RIS or CSL-JSON file of sources. */
export const SourcesImportFormSchema = z.object({
  intent: z.literal("import-sources"),
  file: UploadedFile,
  policy: Policy,
  source: OptionalText(300),
});

export const DeleteRecommendationSchema = z.object({
  intent: z.literal("delete-recommendation"),
  recommendationId: IdField,
});

/** What the export endpoint offers: `/library/export/<file>`. */
export const LIBRARY_EXPORT_FILES = ["recommendations.csv", "sources.json", "sources.csv"] as const;
export const LibraryExportFileSchema = z.enum(LIBRARY_EXPORT_FILES);
export type LibraryExportFile = z.infer<typeof LibraryExportFileSchema>;
