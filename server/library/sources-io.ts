import { message, type Message } from "../../core/i18n/message";
import type { Provenance, SourceInput, SourceRecord } from "../../core/library/records";
import { ImportFileError } from "./import/import-file-error";
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

export interface ParsedSources {
  format: SourcesFormat;
  sources: SourceInput[];
  /** index: the entry's position in the file, from 0, counting entries only (not @string, @comment). */
  errors: Array<{ index: number; reason: Message }>;
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

/** BibTeX entries one by one, each with the file's @string macros so it reads alone. */
function bibtexEntries(text: string): string[] {
  const starts = [...text.matchAll(ENTRY_START)].map((m) => ({ at: m.index, type: m[1]!.toLowerCase() }));
  const chunks = starts.map((s, i) => ({ type: s.type, text: text.slice(s.at, starts[i + 1]?.at ?? text.length) }));
  const macros = chunks.filter((c) => c.type === "string").map((c) => c.text).join("\n");
  return chunks.filter((c) => !["string", "comment", "preamble"].includes(c.type)).map((c) => (macros ? `${macros}\n${c.text}` : c.text));
}

/** RIS records from "TY  - " to "ER  - "; a record cut off before its ER line is kept, to be reported. */
function risRecords(text: string): Array<{ text: string; complete: boolean }> {
  const records: Array<{ text: string; complete: boolean }> = [];
  let current: string[] | null = null;
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (/^TY {2}- /.test(line)) {
      if (current) records.push({ text: current.join("\n"), complete: false });
      current = [line];
    } else if (current && /^ER {2}-/.test(line)) {
      current.push(line);
      records.push({ text: `${current.join("\n")}\n`, complete: true });
      current = null;
    } else if (current) current.push(line);
  }
  if (current) records.push({ text: current.join("\n"), complete: false });
  return records;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.trim();
}

/** An entry we refuse ourselves, with our own message; anything else thrown is the reader's. */
class EntryProblem extends Error {
  constructor(readonly reason: Message) {
    super(reason.id);
  }
}

/** Why an entry was not read: ours as a message, a reader's (citation-js) quoted as it says it. */
function entryReason(error: unknown): Message {
  return error instanceof EntryProblem ? error.reason : message("import.entry.unreadable", { detail: firstLine(error) });
}

/** Reads a file of sources; whole-file faults throw ImportFileError, a bad entry is reported and skipped. */
export function parseSources(text: string, format: SourcesFormat | "auto", provenance: Provenance): ParsedSources {
  if (text.length > SOURCES_LIMITS.maxChars) {
    throw new ImportFileError("too-large", "import.file.tooManyChars", { count: text.length, max: SOURCES_LIMITS.maxChars });
  }
  const body = text.replace(/^\uFEFF/, "");
  const detected = format === "auto" ? detectSourcesFormat(body) : format;
  if (!detected) throw new ImportFileError("unsupported-format", "import.file.notSources");

  // Each entry becomes CSL items, or the reason it cannot.
  let entries: Array<() => CslObject[]>;
  if (detected === "csl-json") {
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch (error) {
      throw new ImportFileError("unreadable", "import.file.cslNotJson", { detail: firstLine(error) });
    }
    const items = Array.isArray(data) ? data : [data];
    entries = items.map((item) => () => {
      if (!item || typeof item !== "object" || Array.isArray(item)) throw new EntryProblem(message("import.entry.notCsl"));
      return [item as CslObject];
    });
  } else if (detected === "bibtex") {
    entries = bibtexEntries(body).map((entry) => () => readBibtex(entry));
  } else {
    entries = risRecords(body).map((record) => () => {
      if (!record.complete) throw new EntryProblem(message("import.entry.risCutOff"));
      return readRis(record.text);
    });
  }
  if (entries.length === 0) throw new ImportFileError("empty", "import.file.noEntries");
  if (entries.length > SOURCES_LIMITS.maxEntries) {
    throw new ImportFileError("too-many-rows", "import.file.tooManyEntries", { count: entries.length, max: SOURCES_LIMITS.maxEntries });
  }

  const sources: SourceInput[] = [];
  const errors: ParsedSources["errors"] = [];
  entries.forEach((read, index) => {
    let items: CslObject[];
    try {
      items = read();
    } catch (error) {
      errors.push({ index, reason: entryReason(error) });
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
