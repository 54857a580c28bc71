import { message, type Message } from "../../core/i18n/message";
import type { Provenance, SourceInput, SourceRecord } from "../../core/library/records";
import { ImportFileError } from "./import/import-file-error";
import { refuseDeepJson } from "./import/read-json";
import { readBibtex, readRis } from "./citation-js";
import { cslToSource, type CslObject } from "./csl-to-source";

export { exportRecommendationsCsv, exportSourcesCsv } from "./csv-export";

/**
 * Sources in and out of the library as reference managers exchange them: BibTeX/BibLaTeX and RIS
 * (Zotero, EndNote, Mendeley exports) and CSL-JSON (Zotero, citation-js, Caucus itself). Each
 * entry is read on its own, so one bad entry is reported by its position and the rest still load.
 */

export type SourcesFormat = "bibtex" | "ris" | "csl-json";

/** Bounds on one file: a Zotero library of a few thousand items is well inside them. */
export const SOURCES_LIMITS = { maxChars: 5_000_000, maxEntries: 5_000 };

export interface SourceEntryError {
  /** The entry's position in the file, from 0, counting entries only (not @string, @comment). */
  index: number;
  reason: Message;
  /**
   * The entry could not be read as its format is written (a RIS line that is no tag, a record
   * never ended, BibTeX the reader cannot parse): what was read of it may be partial, so the
   * file is imported whole or not at all, whatever the person chose for bad entries.
   */
  malformed?: true;
}

export interface ParsedSources {
  format: SourcesFormat;
  sources: SourceInput[];
  errors: SourceEntryError[];
}

/** BibTeX if an entry starts a line, RIS if a record does, CSL-JSON if it is a JSON array or object. */
export function detectSourcesFormat(text: string): SourcesFormat | null {
  const head = text.replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("[") || head.startsWith("{")) return "csl-json";
  if (/^TY {2}- /m.test(text)) return "ris";
  if (/^[ \t]*@[A-Za-z]+[ \t]*[{(]/m.test(text)) return "bibtex";
  return null;
}

const ENTRY_START = /^[ \t]*@([A-Za-z]+)[ \t]*[{(]/gm;

/** The line (from 1) at which character `at` of `text` stands. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Whether an entry's braces close, outside of nothing: BibTeX has no string quoting that hides them. */
function bracesBalance(entry: string): boolean {
  let depth = 0;
  for (const char of entry) {
    if (char === "{") depth++;
    else if (char === "}" && --depth < 0) return false;
  }
  return depth === 0;
}

/** BibTeX entries one by one, each with the file's @string macros so it reads alone, and the line it starts on. */
function bibtexEntries(text: string): Array<{ text: string; line: number; balanced: boolean }> {
  const starts = [...text.matchAll(ENTRY_START)].map((m) => ({ at: m.index, type: m[1]!.toLowerCase() }));
  const chunks = starts.map((s, i) => ({ type: s.type, at: s.at, text: text.slice(s.at, starts[i + 1]?.at ?? text.length) }));
  const macros = chunks.filter((c) => c.type === "string").map((c) => c.text).join("\n");
  return chunks
    .filter((c) => !["string", "comment", "preamble"].includes(c.type))
    .map((c) => ({ text: macros ? `${macros}\n${c.text}` : c.text, line: lineAt(text, c.at), balanced: bracesBalance(c.text.trimEnd()) }));
}

const RIS_TAG = /^[A-Z][A-Z0-9] {2}-(?: |$)/;
/** Something meant as a tag line but not written as one ("TI - x", "TI  -x", "ti  - x"). */
const RIS_BROKEN_TAG = /^[A-Za-z][A-Za-z0-9]\s*-/;
/** Tags whose free text may run on over several lines (abstracts, notes). */
const RIS_MULTILINE = new Set(["AB", "N1", "N2"]);

interface RisRecord {
  text: string;
  line: number;
  /** What makes the record malformed, each naming its line; empty when it reads as RIS. */
  problems: Message[];
}

/**
 * RIS records from "TY  - " to "ER  - ", checked line by line: every line of a record is a tag
 * line, or runs on an abstract or a note; text outside records and records never ended are
 * problems, so that no record is read in part.
 */
function risRecords(text: string): RisRecord[] {
  const records: RisRecord[] = [];
  let current: (RisRecord & { lines: string[]; tag: string }) | null = null;
  let stray: Message[] = []; // text outside a record: told with the record that follows (or the last)
  const close = (complete: boolean) => {
    if (!current) return;
    if (!complete) current.problems.push(message("import.entry.risCutOff", { line: current.line }));
    records.push({ text: `${current.lines.join("\n")}\n`, line: current.line, problems: current.problems });
    current = null;
  };
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    const number = i + 1;
    if (/^TY {2}- /.test(line)) {
      close(false);
      current = { text: "", line: number, lines: [line], tag: "TY", problems: stray };
      stray = [];
    } else if (!current) {
      if (line.trim() !== "") stray.push(message("import.entry.risOutside", { line: number }));
    } else if (/^ER {2}-/.test(line)) {
      current.lines.push(line);
      close(true);
    } else {
      if (RIS_TAG.test(line)) current.tag = line.slice(0, 2);
      else if (line.trim() !== "" && (RIS_BROKEN_TAG.test(line) || !RIS_MULTILINE.has(current.tag))) {
        current.problems.push(message("import.entry.risBadLine", { line: number }));
      }
      current.lines.push(line);
    }
  });
  close(false);
  const last = records.at(-1);
  if (stray.length > 0 && last) last.problems.push(...stray);
  return records;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

/** An entry we refuse ourselves, with our own message; `malformed` when it is not written as its format is. */
class EntryProblem extends Error {
  constructor(
    readonly reason: Message,
    readonly malformed = false
  ) {
    super(reason.id);
  }
}

/** Why an entry was not read: ours, or the reader's (citation-js) quoted as it says it, which means it is malformed. */
function entryError(index: number, line: number | null, error: unknown): SourceEntryError {
  if (error instanceof EntryProblem) return { index, reason: error.reason, ...(error.malformed ? { malformed: true as const } : {}) };
  const reason = line === null ? message("import.entry.unreadable", { detail: firstLine(error) }) : message("import.entry.unreadableAt", { line, detail: firstLine(error) });
  return { index, reason, malformed: true };
}

/**
 * Reads a file of sources; whole-file faults throw ImportFileError, a bad entry is reported (a
 * malformed one marked so: the file is then imported whole or not at all).
 */
export function parseSources(text: string, format: SourcesFormat | "auto", provenance: Provenance): ParsedSources {
  if (text.length > SOURCES_LIMITS.maxChars) {
    throw new ImportFileError("too-large", "import.file.tooManyChars", { count: text.length, max: SOURCES_LIMITS.maxChars });
  }
  const body = text.replace(/^\uFEFF/, "");
  const detected = format === "auto" ? detectSourcesFormat(body) : format;
  if (!detected) throw new ImportFileError("unsupported-format", "import.file.notSources");

  // Each entry becomes CSL items, or the reason it cannot.
  let entries: Array<{ line: number | null; read: () => CslObject[] }>;
  if (detected === "csl-json") {
    refuseDeepJson(body);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (error) {
      throw new ImportFileError("unreadable", "import.file.cslNotJson", { detail: firstLine(error) });
    }
    const items = Array.isArray(data) ? data : [data];
    entries = items.map((item) => ({
      line: null,
      read: () => {
        if (!item || typeof item !== "object" || Array.isArray(item)) throw new EntryProblem(message("import.entry.notCsl"));
        return [item as CslObject];
      },
    }));
  } else if (detected === "bibtex") {
    entries = bibtexEntries(body).map((entry) => ({
      line: entry.line,
      read: () => {
        if (!entry.balanced) throw new EntryProblem(message("import.entry.bibtexUnbalanced", { line: entry.line }), true);
        return readBibtex(entry.text);
      },
    }));
  } else {
    entries = risRecords(body).map((record) => ({
      line: record.line,
      read: () => {
        // One problem is enough to refuse the record; the first names its line.
        if (record.problems.length > 0) throw new EntryProblem(record.problems[0]!, true);
        return readRis(record.text);
      },
    }));
  }
  if (entries.length === 0) throw new ImportFileError("empty", "import.file.noEntries");
  if (entries.length > SOURCES_LIMITS.maxEntries) {
    throw new ImportFileError("too-many-rows", "import.file.tooManyEntries", { count: entries.length, max: SOURCES_LIMITS.maxEntries });
  }

  const sources: SourceInput[] = [];
  const errors: ParsedSources["errors"] = [];
  entries.forEach(({ line, read }, index) => {
    let items: CslObject[];
    try {
      items = read();
    } catch (error) {
      errors.push(entryError(index, line, error));
      return;
    }
    if (items.length === 0) errors.push({ index, reason: message("import.entry.empty") });
    for (const item of items) {
      const result = cslToSource(item, provenance);
      if (result.ok) sources.push(result.source);
      else errors.push({ index, reason: result.reason });
    }
  });
  return { format: detected, sources, errors };
}

/**
 * CSL-JSON that Zotero and citation-js import, with the UN symbol in `number` and Caucus's own
 * fields in `custom.caucus` so that a re-import gives back the same sources.
 */
export function exportSourcesCslJson(records: ReadonlyArray<SourceInput | SourceRecord>): string {
  const items = records.map((record, index) => {
    const csl: CslObject = { ...record.csl };
    const news = csl.type === "article-newspaper" || csl.type === "article-magazine";
    if (record.unSymbol && !csl.number) csl.number = record.unSymbol;
    if (record.issuingBody && !csl.publisher && !csl.authority && !news) csl.publisher = record.issuingBody;
    const custom = csl.custom && typeof csl.custom === "object" ? (csl.custom as CslObject) : {};
    csl.custom = { ...custom, caucus: { unSymbol: record.unSymbol, issuingBody: record.issuingBody, defaultPinpoint: record.defaultPinpoint } };
    return { id: "id" in record ? record.id : `source-${index + 1}`, ...csl };
  });
  return `${JSON.stringify(items, null, 2)}\n`;
}
