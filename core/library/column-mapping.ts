import { z } from "zod";
import { isStateCode } from "../un/states";
import { canonicalStateName, findStateCode } from "../un/state-aliases";
import { parseDate } from "./import-dates";
import type { Cell, ColumnMapping, ImportFieldKey } from "./import-fields";
import { message, type Message } from "../i18n/message";
import {
  cellText,
  checkSymbol,
  cleanParagraph,
  cleanText,
  extractLeadingNumber,
  extractTrailingStates,
  normaliseBody,
  normaliseResponse,
  parseActionCategory,
  parseCycle,
  parseMechanism,
  parseSdgGoal,
  splitList,
  stripBullet,
  type CheckedSymbol,
} from "./import-values";
import { RecommendationInputSchema, type LibraryMechanism, type ProvenanceSchema, type RecommendationInput } from "./records";

export { IMPORT_FIELDS, IMPORT_FIELD_MESSAGES, ColumnMappingSchema, type Cell, type ColumnMapping, type ImportFieldKey } from "./import-fields";
export { IMPORT_PRESETS, findImportPreset, guessColumnMapping, type ImportPreset, type ImportPresetId, type MappingGuess } from "./import-presets";

/**
 * One spreadsheet row → one RecommendationInput, or the reasons it cannot be one, as messages
 * for the person who made the spreadsheet, in their language. Shared by the browser's mapping preview and the server's
 * import so both say the same thing about the same row.
 */

/** Values for the whole file, used where a row's own cell is empty; provenance is required. */
export interface RowDefaults {
  provenance: z.input<typeof ProvenanceSchema>;
  mechanism?: LibraryMechanism;
  body?: string;
  /** A UN State's name or ISO3 code. */
  stateUnderReview?: string;
  symbol?: string;
  cycle?: number | null;
  session?: string | null;
}

export type MapRowResult = { ok: true; record: RecommendationInput } | { ok: false; errors: Message[] };

// checkSymbol has already normalised the symbol, more strictly than the schema's own grammar;
// parsing it twice more per row was a third of a 100,000-row import's mapping time.
const MappedRecordSchema = RecommendationInputSchema.extend({ symbol: z.string().min(1).max(120) });

// RecommendationInputSchema's limits, checked here first so the message can name the value.
const MAX = { text: 20_000, label: 200, body: 200, paragraph: 40, session: 100, response: 200, responseSource: 300, externalId: 200 };

/**
 * A value quoted in a message, cut short so a 20,000-character cell does not fill the screen.
 * The quotation marks are the catalogue's: « » in French, “ ” in English.
 */
function quote(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

/** The message for a cell that is not a UN symbol; the JSON import says it the same way. */
export function symbolProblem(value: string): Message {
  return message("import.row.symbolInvalid", { value: quote(value) });
}

/**
 * A value the schema refused where the checks below did not foresee it: the field by its key,
 * which the catalogue names in the person's language ("other" for a path it does not know).
 */
export function fieldProblem(path: ReadonlyArray<PropertyKey>): Message {
  return message("import.row.fieldInvalid", { field: selectorOf(path.map(String).join(".") || "item") });
}

/** An ICU selector is a plain word: "externalIds.uhri" is asked for as "uhriId". */
function selectorOf(field: string): string {
  return field === "externalIds.uhri" ? "uhriId" : field === "externalIds.uprInfo" ? "uprInfoId" : field.replace(/[^A-Za-z0-9]/g, "_");
}

function gather(cells: ReadonlyArray<Cell>, mapping: ColumnMapping): Map<ImportFieldKey, Cell[]> {
  const found = new Map<ImportFieldKey, Cell[]>();
  for (let i = 0; i < mapping.length; i++) {
    const field = mapping[i];
    const cell = cells[i];
    if (!field || cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "")) continue;
    const list = found.get(field);
    if (list) list.push(cell);
    else found.set(field, [cell]);
  }
  return found;
}

function uniqueIgnoringCase(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && Boolean(seen.add(v.toLowerCase())));
}

function listOf(cells: Cell[] | undefined): string[] {
  if (!cells) return [];
  if (cells.length === 1) return splitList(cellText(cells[0]));
  return cells.flatMap((c) => splitList(cellText(c)));
}

function labelsOf(key: ImportFieldKey, cells: Cell[] | undefined, errors: Message[]): string[] {
  const values = listOf(cells);
  const long = values.find((v) => v.length > MAX.label);
  if (long) errors.push(message("import.row.labelTooLong", { field: key, value: quote(long), max: MAX.label }));
  return values;
}

function mechanismOfSymbol(symbol: CheckedSymbol | undefined): LibraryMechanism | undefined {
  if (!symbol?.body) return undefined;
  return symbol.body === "UPR" ? "UPR" : "TB";
}

interface Row {
  raw: Map<ImportFieldKey, Cell[]>;
  defaults: RowDefaults;
  errors: Message[];
}

const first = (row: Row, key: ImportFieldKey): string => cellText(row.raw.get(key)?.[0]);

/** Symbol, mechanism and body, which vouch for one another: "CEDAW/C/…" means a treaty body. */
function readOrigin(row: Row, recommendingStates: readonly string[]) {
  const { defaults, errors } = row;
  let symbol: CheckedSymbol | undefined;
  const symbolText = first(row, "symbol") || defaults.symbol || "";
  if (!symbolText) errors.push(message("import.row.symbolEmpty"));
  else {
    symbol = checkSymbol(symbolText);
    if (!symbol) errors.push(symbolProblem(symbolText));
  }
  const bodyText = first(row, "body");
  const body = bodyText ? normaliseBody(bodyText) : undefined;
  const mechanismText = first(row, "mechanism");
  const stated = mechanismText ? parseMechanism(mechanismText) : undefined;
  if (mechanismText && !stated) errors.push(message("import.row.mechanismInvalid", { value: quote(mechanismText) }));
  if (stated && body?.mechanism && stated !== body.mechanism) {
    errors.push(message("import.row.mechanismMismatch", { value: quote(mechanismText), body: quote(body.body) }));
  }
  const defaultBody = defaults.body ? normaliseBody(defaults.body) : undefined;
  // What the row says, then the file's defaults, then what its symbol or recommending States imply
  // (only UPR recommendations are made by States).
  const mechanism =
    stated ??
    body?.mechanism ??
    (bodyText ? undefined : defaultBody?.mechanism) ??
    defaults.mechanism ??
    mechanismOfSymbol(symbol) ??
    (recommendingStates.length > 0 ? "UPR" : undefined);
  const bodyName = body?.body ?? defaultBody?.body ?? symbol?.body ?? (mechanism === "UPR" ? "UPR" : undefined);
  if (!mechanism && !mechanismText) errors.push(message("import.row.mechanismUnknown"));
  if (!bodyName) errors.push(message("import.row.bodyEmpty"));
  else if (bodyName.length > MAX.body) errors.push(message("import.row.bodyTooLong", { value: quote(bodyName), max: MAX.body }));
  return { symbol, mechanism, body: bodyName };
}

function readStateUnderReview(row: Row, symbol: CheckedSymbol | undefined): string | null {
  const names = splitList(first(row, "stateUnderReview"));
  const name = names[0] ?? row.defaults.stateUnderReview;
  if (names.length > 1) row.errors.push(message("import.row.severalStates", { states: names.join(", ") }));
  else if (name) {
    const code = findStateCode(name);
    if (code) return code;
    row.errors.push(message("import.row.stateUnknown", { value: quote(name) }));
  } else if (symbol?.country && isStateCode(symbol.country)) return symbol.country;
  else row.errors.push(message("import.row.stateEmpty"));
  return null;
}

/** The text without what UHRI writes around it: the UPR number before, the recommending States after. */
function readText(row: Row, mechanism: LibraryMechanism | undefined) {
  let text = cleanText(first(row, "text"));
  let paragraph = cleanParagraph(first(row, "paragraph"));
  const leading = extractLeadingNumber(text);
  if (leading.paragraph && (!paragraph || paragraph === leading.paragraph)) {
    text = leading.text;
    paragraph ||= leading.paragraph;
  }
  let states: string[] = [];
  if (mechanism === "UPR") ({ text, states } = extractTrailingStates(text));
  if (!text) row.errors.push(message("import.row.textEmpty"));
  else if (text.length > MAX.text) row.errors.push(message("import.row.textTooLong", { length: text.length, max: MAX.text }));
  if (paragraph.length > MAX.paragraph) row.errors.push(message("import.row.paragraphTooLong", { value: quote(paragraph), max: MAX.paragraph }));
  return { text, paragraph, states };
}

function readReview(row: Row) {
  const { defaults, errors } = row;
  const cycleText = first(row, "cycle");
  const cycle = cycleText ? parseCycle(cycleText) : defaults.cycle ?? null;
  if (cycle === undefined || (cycle !== null && (cycle < 1 || cycle > 20))) errors.push(message("import.row.cycleInvalid", { value: quote(cycleText) }));
  const session = stripBullet(first(row, "session")) || defaults.session || null;
  if (session && session.length > MAX.session) errors.push(message("import.row.sessionTooLong", { value: quote(session), max: MAX.session }));
  const response = normaliseResponse(first(row, "response"));
  if (response && response.response.length > MAX.response)
    errors.push(message("import.row.responseTooLong", { value: quote(response.response), max: MAX.response }));
  const responseSource = stripBullet(first(row, "responseSource")) || response?.source || null;
  if (responseSource && responseSource.length > MAX.responseSource) errors.push(message("import.row.responseSourceTooLong", { value: quote(responseSource) }));
  const actionText = first(row, "actionCategory");
  const actionCategory = actionText ? parseActionCategory(actionText) : null;
  if (actionCategory === undefined) errors.push(message("import.row.actionCategoryInvalid", { value: quote(actionText) }));
  return { cycle, session, response: response?.response ?? null, responseSource, actionCategory };
}

function readTags(row: Row) {
  const sdgGoals: number[] = [];
  for (const label of listOf(row.raw.get("sdgGoals"))) {
    const goal = parseSdgGoal(label);
    if (goal === undefined) row.errors.push(message("import.row.sdgInvalid", { value: quote(label) }));
    else if (!sdgGoals.includes(goal)) sdgGoals.push(goal);
  }
  const dateCell = row.raw.get("publicationDate")?.[0];
  const publicationDate = dateCell === undefined ? null : parseDate(dateCell);
  if (publicationDate === undefined) {
    row.errors.push(message("import.row.dateInvalid", { value: quote(cellText(dateCell)) }));
  }
  const externalIds: Record<string, string> = {};
  for (const [key, field] of [["uhri", "externalIds.uhri"], ["uprInfo", "externalIds.uprInfo"]] as const) {
    const id = first(row, field);
    if (id.length > MAX.externalId) row.errors.push(message("import.row.externalIdTooLong", { field: key, value: quote(id) }));
    else if (id) externalIds[key] = id;
  }
  const themes = labelsOf("themes", row.raw.get("themes"), row.errors);
  const affectedPersons = labelsOf("affectedPersons", row.raw.get("affectedPersons"), row.errors);
  return { sdgGoals, publicationDate, externalIds, themes, affectedPersons };
}

/** Maps and normalises one row (docs/domain.md §5e); never throws on bad data. */
export function mapRow(cells: ReadonlyArray<Cell>, mapping: ColumnMapping, defaults: RowDefaults): MapRowResult {
  const row: Row = { raw: gather(cells, mapping), defaults, errors: [] };
  const columnStates = listOf(row.raw.get("recommendingStates")).map(canonicalStateName);
  const { symbol, mechanism, body } = readOrigin(row, columnStates);
  const stateUnderReview = readStateUnderReview(row, symbol);
  const { text, paragraph, states } = readText(row, mechanism);
  const recommendingStates = columnStates.length + states.length > 1 ? uniqueIgnoringCase([...columnStates, ...states]) : [...columnStates, ...states];
  const review = readReview(row);
  const tags = readTags(row);
  if (row.errors.length > 0) return { ok: false, errors: row.errors };

  const parsed = MappedRecordSchema.safeParse({
    mechanism,
    body,
    stateUnderReview,
    recommendingStates,
    symbol: symbol!.symbol,
    paragraph,
    text,
    ...review,
    ...tags,
    provenance: defaults.provenance,
  });
  if (parsed.success) return { ok: true, record: parsed.data };
  // The checks above word the common faults; this catches what they do not foresee.
  return { ok: false, errors: parsed.error.issues.map((issue) => fieldProblem(issue.path)) };
}
