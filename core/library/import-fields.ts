import { z } from "zod";
import type { MessageId } from "../i18n/message";

/**
 * What a spreadsheet column can be mapped to when recommendations are imported: the fields of
 * RecommendationInput (records.ts), with the labels the mapping step shows. Provenance is not
 * here: the importer sets it for the whole file (docs/domain.md §5e.4).
 */
export const IMPORT_FIELDS = [
  { key: "text", label: "Text", hint: "the recommendation itself", list: false },
  { key: "symbol", label: "Document symbol", hint: "A/HRC/25/5, CEDAW/C/CHN/CO/7-8", list: false },
  { key: "paragraph", label: "Paragraph or recommendation number", hint: "186.60, 27 (d)", list: false },
  { key: "stateUnderReview", label: "State under review", hint: "a UN State's name or ISO code", list: false },
  { key: "mechanism", label: "Mechanism", hint: "UPR, TB (treaty body) or SP (special procedure)", list: false },
  { key: "body", label: "Recommending body", hint: "UPR, CESCR, CRC-OPAC, SR on …", list: false },
  { key: "recommendingStates", label: "Recommending States", hint: "UPR only; one or more", list: true },
  { key: "cycle", label: "UPR cycle", hint: "1–4, 3rd", list: false },
  { key: "session", label: "Session", hint: "44 - November 2023", list: false },
  { key: "response", label: "Response", hint: "Supported, Noted, …", list: false },
  { key: "responseSource", label: "Where the response is recorded", hint: "A/HRC/25/5/Add.1, para. 3", list: false },
  { key: "themes", label: "Themes or issues", hint: "one or more", list: true },
  { key: "affectedPersons", label: "Affected persons", hint: "one or more", list: true },
  { key: "sdgGoals", label: "SDGs", hint: "16 - PEACE, JUSTICE…, 16.3", list: true },
  { key: "actionCategory", label: "Action category", hint: "1–5, 5 - Specific action", list: false },
  { key: "publicationDate", label: "Publication date", hint: "2013-12-04, 4 December 2013, 04/12/2013", list: false },
  { key: "externalIds.uhri", label: "UHRI annotation id", hint: "", list: false },
  { key: "externalIds.uprInfo", label: "UPR Info id", hint: "", list: false },
] as const;

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]["key"];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];

/** Column index → field it feeds, or null to ignore the column; what the user confirms. */
export type ColumnMapping = ReadonlyArray<ImportFieldKey | null>;

/** The mapping as a form or request sends it back. */
export const ColumnMappingSchema = z.array(z.enum(IMPORT_FIELD_KEYS).nullable()).max(500);

/** A cell as a reader hands it over: CSV gives strings, JSON and Excel also numbers and dates. */
export type Cell = string | number | boolean | Date | null | undefined;

/**
 * The English labels above stay: they are what a hand-made spreadsheet's headers say, so the
 * column guess matches them. A person reads these catalogue messages instead.
 */
export const IMPORT_FIELD_MESSAGES: Record<ImportFieldKey, MessageId> = {
  text: "import.field.text",
  symbol: "import.field.symbol",
  paragraph: "import.field.paragraph",
  stateUnderReview: "import.field.stateUnderReview",
  mechanism: "import.field.mechanism",
  body: "import.field.body",
  recommendingStates: "import.field.recommendingStates",
  cycle: "import.field.cycle",
  session: "import.field.session",
  response: "import.field.response",
  responseSource: "import.field.responseSource",
  themes: "import.field.themes",
  affectedPersons: "import.field.affectedPersons",
  sdgGoals: "import.field.sdgGoals",
  actionCategory: "import.field.actionCategory",
  publicationDate: "import.field.publicationDate",
  "externalIds.uhri": "import.field.uhriId",
  "externalIds.uprInfo": "import.field.uprInfoId",
};
