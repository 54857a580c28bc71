import { message } from "../../../core/i18n/message";
import { ImportFileError } from "./import-file-error";
import { jsonDepthPast, MAX_JSON_DEPTH } from "./json-depth";
import { boundRow, type ReadLimits, type TableRow, type TableSource } from "./table";

// Caucus's own shape (its export, db/seed/recommendations.json) rather than someone's flat table.
function isRecordShaped(value: Record<string, unknown>): boolean {
  return "text" in value && "symbol" in value && ("stateUnderReview" in value || "provenance" in value);
}

function jsonCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.map(jsonCellText).join("\n"); // one value per line, as UHRI
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Refuses JSON nested past MAX_JSON_DEPTH before it is parsed (json-depth.ts says why). */
export function refuseDeepJson(text: string): void {
  const past = jsonDepthPast(text);
  if (past) throw new ImportFileError("too-deep", "import.file.jsonTooDeep", { max: MAX_JSON_DEPTH, offset: past.offset + 1 });
}

/**
 * A JSON array of objects: recommendation records as they are, or flat objects whose keys are
 * the headers. `{ "recommendations": [...] }` is accepted too.
 */
export function readJson(bytes: Uint8Array, limits: ReadLimits): TableSource {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  refuseDeepJson(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError("unreadable", "import.file.jsonUnreadable", { detail: error instanceof Error ? error.message : String(error) });
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { recommendations?: unknown } | null)?.recommendations;
  if (!Array.isArray(list)) throw new ImportFileError("unsupported-format", "import.file.jsonNotArray");
  if (list.length === 0) throw new ImportFileError("empty", "import.file.jsonEmpty");
  if (list.length > limits.maxRows) throw new ImportFileError("too-many-rows", "import.file.tooManyItems", { max: limits.maxRows });
  const objects = list.map((item) => (item && typeof item === "object" && !Array.isArray(item) ? (item as Record<string, unknown>) : null));
  const first = objects.find((o) => o !== null);
  if (!first) throw new ImportFileError("unsupported-format", "import.file.jsonNotArray");

  if (isRecordShaped(first)) {
    return { kind: "records", format: "json", items: objects.map((value, i) => ({ rowNumber: i + 1, value: value ?? {} })) };
  }
  const headerSet = new Set<string>();
  for (const object of objects) for (const key of Object.keys(object ?? {})) headerSet.add(key);
  const headers = [...headerSet];
  if (headers.length > limits.maxColumns) {
    throw new ImportFileError("too-many-columns", "import.file.tooManyKeys", { count: headers.length, max: limits.maxColumns });
  }
  async function* rows(): AsyncGenerator<TableRow> {
    for (let i = 0; i < objects.length; i++) {
      const object = objects[i];
      if (!object) {
        yield {
          rowNumber: i + 1,
          cells: [],
          problems: [message("import.row.notObject")],
        };
        continue;
      }
      const row = boundRow(i + 1, headers.map((h) => jsonCellText(object[h])), headers, limits);
      if (row) yield row;
    }
  }
  return { kind: "table", format: "json", headers, rows: rows() };
}
