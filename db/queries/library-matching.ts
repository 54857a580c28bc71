import { sql } from "kysely";
import type { QueryIntent } from "../../core/library/search-query";
import { stateName } from "../../core/un/states";
import type { Executor } from "./executor";
import { findRow, type LibraryIndex, type MultiColumn } from "./library-index";

/** Rows of one library that match, each with a score (lower comes first). */
export interface Matches {
  rows: Int32Array;
  scores: Float64Array;
}

/**
 * Full-text matches in the given libraries, English stemming or the "simple" configuration, as
 * "seq:rank" pairs. Only the database can do this part; it answers with one string, not
 * thousands of rows, and the rest of the search happens in memory (fullTextRows).
 */
export async function findFullTextMatches(db: Executor, libraryKeys: readonly string[], text: string): Promise<string> {
  const english = sql`websearch_to_tsquery('english', ${text})`;
  const simple = sql`websearch_to_tsquery('simple', ${text})`;
  const { rows } = await sql<{ matches: string | null }>`
    select string_agg(seq || ':' || (ts_rank(tsv_english, ${english}) + ts_rank(tsv_simple, ${simple})), ',') as matches
    from recommendation_search
    where library_key in (${sql.join(libraryKeys)}) and (tsv_english @@ ${english} or tsv_simple @@ ${simple})`.execute(db);
  return rows[0]?.matches ?? "";
}

/** The libraries' rows behind "seq:rank" pairs, scored by negated rank so the best comes first. */
export function fullTextRows(libraries: readonly LibraryIndex[], pairs: string): Matches[] {
  const found = libraries.map(() => ({ rows: [] as number[], scores: [] as number[] }));
  // Read in place: splitting 12,000 pairs into strings cost more than the scan.
  for (let at = 0; at < pairs.length; ) {
    const colon = pairs.indexOf(":", at);
    let end = pairs.indexOf(",", colon);
    if (end < 0) end = pairs.length;
    const seq = readInteger(pairs, at, colon);
    // Libraries are disjoint; a seq in none of them was written after their copies were read.
    for (let k = 0; k < libraries.length; k++) {
      const row = findRow(libraries[k]!, seq);
      if (row < 0) continue;
      found[k]!.rows.push(row);
      found[k]!.scores.push(-Number(pairs.slice(colon + 1, end)));
      break;
    }
    at = end + 1;
  }
  return found.map((f) => ({ rows: new Int32Array(f.rows), scores: new Float64Array(f.scores) }));
}

function readInteger(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** Rows with the symbol and/or paragraph of a reference. */
export function referenceRows(index: LibraryIndex, intent: Extract<QueryIntent, { kind: "reference" }>): Int32Array {
  const { labels } = index;
  const symbol = intent.symbol === null ? -1 : (labels.codes.symbol.get(intent.symbol) ?? -2);
  // lower() in SQL, toLowerCase() here: paragraphs are "186.60", "27 (d)", "Annex, 4".
  const paragraph = intent.paragraph?.toLowerCase() ?? null;
  const paragraphs = new Uint8Array(labels.paragraph.length);
  let found = paragraph === null;
  if (paragraph !== null) {
    labels.paragraph.forEach((label, code) => {
      if (label.toLowerCase() !== paragraph) return;
      paragraphs[code] = 1;
      found = true;
    });
  }
  if (symbol === -2 || !found) return new Int32Array(0);
  const rows: number[] = [];
  for (let row = 0; row < index.size; row++) {
    if ((symbol === -1 || index.symbol[row] === symbol) && (paragraph === null || paragraphs[index.paragraph[row]!])) rows.push(row);
  }
  return new Int32Array(rows);
}

/**
 * Search keys within trigram reach of a misspelt query ("discrimation"), with their distance
 * (1 − word similarity). Matched against the distinct keys of all libraries (~40,000 short
 * strings), not against every row; similarRows() maps them to a library's rows.
 */
export async function findSimilarKeys(db: Executor, text: string): Promise<Map<string, number>> {
  const { rows } = await sql<{ keys: string }>`
    select coalesce(json_agg(json_build_array(term, ${text} <<-> term)), '[]')::text as keys
    from (select distinct term from library_terms where ${text} <% term) t`.execute(db);
  return new Map(JSON.parse(rows[0]!.keys) as Array<[string, number]>);
}

/**
 * Rows holding any of the keys, scored by their closest key. A row's keys are what
 * recommendationSearchKeys() (core/library/search-document.ts) writes for it: symbol, paragraph,
 * State under review (code and name), body, recommending States, themes, affected persons.
 */
export function similarRows(index: LibraryIndex, keys: ReadonlyMap<string, number>): Matches {
  if (keys.size === 0) return { rows: new Int32Array(0), scores: new Float64Array(0) };
  const { labels } = index;
  const { codes } = labels;
  // Each field's distance by code, Infinity where the label is no key near the query. Found from
  // the few keys, not by reading every label (there are 40,000 symbols and paragraphs).
  const per = (field: keyof typeof codes, nameOf?: (label: string) => string) => {
    const names = labels[field];
    const by = new Float64Array(names.length).fill(Infinity);
    const set = (code: number, distance: number) => (by[code] = Math.min(by[code]!, distance));
    for (const [key, distance] of keys) {
      const code = codes[field].get(key);
      if (code !== undefined) set(code, distance);
    }
    if (nameOf) names.forEach((label, code) => set(code, keys.get(nameOf(label)) ?? Infinity));
    // The trigger splits search keys at " | ", so a label holding one is several keys.
    for (const code of labels.compound[field]) for (const part of names[code]!.split(" | ")) set(code, keys.get(part) ?? Infinity);
    return by;
  };
  // Most fields have no label near the query: only those that do are read, row by row.
  const best = new Float64Array(index.size).fill(Infinity);
  const scalar = (column: Int32Array, by: Float64Array) => {
    if (!by.some(Number.isFinite)) return;
    for (let row = 0; row < index.size; row++) best[row] = Math.min(best[row]!, by[column[row]!]!);
  };
  const multi = (column: MultiColumn, by: Float64Array) => {
    if (!by.some(Number.isFinite)) return;
    for (let row = 0; row < index.size; row++) {
      for (let i = column.start[row]!, end = column.start[row + 1]!; i < end; i++) best[row] = Math.min(best[row]!, by[column.values[i]!]!);
    }
  };
  scalar(index.symbol, per("symbol"));
  scalar(index.paragraph, per("paragraph"));
  scalar(index.stateUnderReview, per("stateUnderReview", stateName));
  scalar(index.body, per("body"));
  multi(index.recommendingStates, per("recommendingStates"));
  multi(index.themes, per("themes"));
  multi(index.affectedPersons, per("affectedPersons"));
  const rows: number[] = [];
  const scores: number[] = [];
  for (let row = 0; row < index.size; row++) {
    if (best[row] === Infinity) continue;
    rows.push(row);
    scores.push(best[row]!);
  }
  return { rows: new Int32Array(rows), scores: new Float64Array(scores) };
}
