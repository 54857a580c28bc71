import type { LibraryMechanism } from "./records";
import { IMPORT_FIELDS, type ColumnMapping, type ImportFieldKey } from "./import-fields";

/**
 * The two databases people export recommendations from, and the column names each uses
 * (docs/domain.md §2a, §2b; UHRI's "Reccomending Body" is spelt as the export spells it). Several
 * names per field because the exports have changed over the years.
 */
export interface ImportPreset {
  id: "uhri" | "upr-info";
  label: string;
  /** What provenance.source says unless the importer names the file. */
  source: string;
  aliases: Partial<Record<ImportFieldKey, readonly string[]>>;
  /** Headers only this export has; without one of them the preset is not proposed. */
  distinctive: readonly string[];
  /** Values every row of such an export has, whatever its columns. */
  defaults: { mechanism?: LibraryMechanism; body?: string };
}
export type ImportPresetId = ImportPreset["id"];

export const IMPORT_PRESETS: readonly ImportPreset[] = [
  {
    id: "uhri",
    label: "UHRI export",
    source: "Universal Human Rights Index (uhri.ohchr.org) export",
    aliases: {
      text: ["Text", "Annotation text"],
      symbol: ["Document Symbol", "Symbol"],
      publicationDate: ["Document Publication Date", "PublicationDate", "Publication Date"],
      stateUnderReview: ["Countries Concerned", "Countries", "Country"],
      body: ["Reccomending Body", "Recommending Body", "Body"],
      themes: ["Themes"],
      affectedPersons: ["Affected Persons", "AffectedPersons", "Concerned groups", "Groups of persons"],
      sdgGoals: ["SDGs", "Sdgs"],
      "externalIds.uhri": ["OHCHR Annotation Id", "AnnotationId", "Annotation Id"],
      recommendingStates: ["UPR Reccomending States", "UPR Recommending States", "Recommending States"],
      response: ["UPR Position", "Position"],
      responseSource: ["UPR Position Source", "Position Source"],
      session: ["UPR Session"],
      cycle: ["UPR Cycle", "Cycle"],
      paragraph: ["Paragraph", "Recommendation Number"],
      mechanism: ["Mechanism"],
    },
    distinctive: ["Reccomending Body", "OHCHR Annotation Id", "AnnotationId", "Countries Concerned", "Document Publication Date", "UPR Position", "UPR Reccomending States", "Sdgs"],
    defaults: {},
  },
  {
    id: "upr-info",
    label: "UPR Info",
    source: "UPR Info database of UPR recommendations (upr-info-database.uwazi.io)",
    aliases: {
      stateUnderReview: ["State under Review", "SuR", "State under Review (SuR)"],
      recommendingStates: ["Recommending State", "Recommending States", "RS", "Recommending State (RS)"],
      text: ["Recommendation", "Recommendation text"],
      response: ["Response", "Position"],
      actionCategory: ["Action Category", "Action"],
      themes: ["Issues", "Issue", "Issue(s)"],
      session: ["Session"],
      cycle: ["Cycle"],
      symbol: ["Document", "Related document", "Related documents", "Document symbol", "Report"],
      "externalIds.uprInfo": ["Recommendation ID", "ID"],
      paragraph: ["Recommendation number", "Paragraph", "Number"],
      publicationDate: ["Date", "Document date"],
      responseSource: ["Response source"],
    },
    // Not "State under review", which is also Caucus's own label for that field.
    distinctive: ["Recommending State", "RS", "SuR", "Action Category", "Issues", "Region of RS", "Region of SuR"],
    defaults: { mechanism: "UPR", body: "UPR" },
  },
];

/** "Reccomending  Body", "reccomending_body" and "RECCOMENDING BODY" are one header. */
export function headerKey(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

function aliasTable(aliases: Partial<Record<ImportFieldKey, readonly string[]>>): Map<string, ImportFieldKey> {
  const table = new Map<string, ImportFieldKey>();
  for (const [field, names] of Object.entries(aliases) as Array<[ImportFieldKey, readonly string[]]>) {
    for (const name of names) table.set(headerKey(name), field);
  }
  return table;
}

const PRESET_TABLES = new Map(IMPORT_PRESETS.map((p) => [p.id, aliasTable(p.aliases)]));
const DISTINCTIVE = new Map(IMPORT_PRESETS.map((p) => [p.id, new Set(p.distinctive.map(headerKey))]));
// Caucus's own field names and labels, so its JSON export and hand-made sheets map themselves.
const GENERIC_TABLE = aliasTable(Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, [f.key, f.label]])));

export interface MappingGuess {
  preset: ImportPresetId | null;
  mapping: ColumnMapping;
}

/** Proposes a preset and a column mapping from a header row, for the user to confirm or edit. */
export function guessColumnMapping(headers: readonly string[]): MappingGuess {
  const keys = headers.map(headerKey);
  let preset: ImportPresetId | null = null;
  let best = 1; // one matching header ("Text", "Session") is not enough to call it an export
  for (const [id, table] of PRESET_TABLES) {
    const score = keys.filter((k) => table.has(k)).length;
    // A preset brings defaults (UPR Info: every row is UPR), so it needs a header only it has.
    if (score > best && keys.some((k) => DISTINCTIVE.get(id)!.has(k))) [preset, best] = [id, score];
  }
  const tables = preset ? [PRESET_TABLES.get(preset)!, GENERIC_TABLE] : [GENERIC_TABLE];
  const taken = new Set<ImportFieldKey>();
  const listFields = new Set<string>(IMPORT_FIELDS.filter((f) => f.list).map((f) => f.key));
  const mapping = keys.map((key) => {
    const field = tables.map((t) => t.get(key)).find((f) => f !== undefined);
    // A single-valued field takes its first column; a second "Text" column is left for the user.
    if (!field || (taken.has(field) && !listFields.has(field))) return null;
    taken.add(field);
    return field;
  });
  return { preset, mapping };
}

/** The preset by id, for its defaults and provenance label. */
export function findImportPreset(id: ImportPresetId | null): ImportPreset | null {
  return IMPORT_PRESETS.find((p) => p.id === id) ?? null;
}
