import { FACETS, type Facet, type LibrarySearch } from "../../core/library/search-query";
import { compareAcross, type LibraryIndex, type MultiColumn } from "./library-index";

export interface FacetCount {
  value: string;
  count: number;
}

/** What matched in one library, after the filters. */
export interface Hits {
  readonly index: LibraryIndex;
  /** Row numbers, ascending where that is free (memory order suits counting); pageOf orders them. */
  readonly rows: Int32Array;
  /** Per hit, lower comes first (negated relevance, or trigram distance); null = browse order only. */
  readonly scores: Float64Array | null;
}

/** Facet values shown per facet; the rest are reachable by typing. */
const FACET_LIMIT = 30;

const collator = new Intl.Collator("en", { numeric: true });

const has = (column: MultiColumn, row: number, value: number) => {
  for (let i = column.start[row]!, end = column.start[row + 1]!; i < end; i++) if (column.values[i] === value) return true;
  return false;
};

/**
 * The facet filters as a test of a row of one library; false when a filter's value is not in
 * this library at all (nothing can match), null when there is no filter.
 */
export function rowFilter(index: LibraryIndex, search: LibrarySearch): ((row: number) => boolean) | false | null {
  const tests: Array<(row: number) => boolean> = [];
  const { codes } = index.labels;
  const scalar = (wanted: string | undefined, known: ReadonlyMap<string, number>, column: Int32Array) => {
    if (wanted === undefined) return true;
    const c = known.get(wanted) ?? -1;
    tests.push((row) => column[row] === c);
    return c >= 0;
  };
  const multi = (wanted: string | number | undefined, known: ReadonlyMap<string, number> | null, column: MultiColumn) => {
    if (wanted === undefined) return true;
    const c = known ? (known.get(String(wanted)) ?? -1) : Number(wanted);
    tests.push((row) => has(column, row, c));
    return c >= 0;
  };
  const possible = [
    scalar(search.body, codes.body, index.body),
    scalar(search.stateUnderReview, codes.stateUnderReview, index.stateUnderReview),
    scalar(search.response, codes.response, index.response),
    multi(search.recommendingState, codes.recommendingStates, index.recommendingStates),
    multi(search.theme, codes.themes, index.themes),
    multi(search.sdg, null, index.sdgGoals),
  ].every(Boolean);
  if (search.cycle !== undefined) tests.push((row) => index.cycle[row] === search.cycle);
  if (!possible) return false;
  if (tests.length === 0) return null;
  return (row) => tests.every((test) => test(row));
}

/** Keeps the rows (and their scores) that pass the filters. */
export function filterHits(index: LibraryIndex, rows: Int32Array, scores: Float64Array | null, search: LibrarySearch): Hits {
  const test = rowFilter(index, search);
  if (test === null) return { index, rows, scores };
  const keptRows: number[] = [];
  const keptScores: number[] = [];
  for (let i = 0; test && i < rows.length; i++) {
    if (!test(rows[i]!)) continue;
    keptRows.push(rows[i]!);
    if (scores) keptScores.push(scores[i]!);
  }
  return { index, rows: new Int32Array(keptRows), scores: scores && new Float64Array(keptScores) };
}

/** Every row of a library that passes the filters. */
export function browseHits(index: LibraryIndex, search: LibrarySearch): Hits {
  return filterHits(index, index.all, null, search);
}

/** The search's total: every row counts once, whichever library holds it. */
export const totalOf = (hits: readonly Hits[]) => hits.reduce((sum, h) => sum + h.rows.length, 0);

/**
 * Counts per facet value over every hit; an array field counts once per value, so a
 * recommendation made by three States counts once for each.
 */
export function countFacets(hits: readonly Hits[]): Record<Facet, FacetCount[]> {
  const totals = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<Facet, Map<string, number>>;
  const add = (facet: Facet, label: string, count: number) => {
    if (count > 0) totals[facet].set(label, (totals[facet].get(label) ?? 0) + count);
  };
  for (const { index, rows } of hits) {
    const { labels } = index;
    const tally = (facet: Facet, column: Int32Array, names: readonly string[] | null, size: number) => {
      const counts = new Int32Array(size);
      for (let i = 0; i < rows.length; i++) counts[column[rows[i]!]!]!++;
      for (let value = 0; value < size; value++) add(facet, names ? names[value]! : String(value), counts[value]!);
    };
    // Goal numbers and cycles are their own codes, so a small array either way; cycle 0 is none.
    const tallyMulti = (facet: Facet, column: MultiColumn, names: readonly string[] | null, size: number) => {
      const counts = new Int32Array(size);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i]!;
        for (let j = column.start[row]!, end = column.start[row + 1]!; j < end; j++) counts[column.values[j]!]!++;
      }
      for (let value = 0; value < size; value++) add(facet, names ? names[value]! : String(value), counts[value]!);
    };
    tally("body", index.body, labels.body, labels.body.length);
    tally("stateUnderReview", index.stateUnderReview, labels.stateUnderReview, labels.stateUnderReview.length);
    tally("response", index.response, labels.response, labels.response.length);
    tally("cycle", index.cycle, null, index.maxCycle + 1);
    totals.cycle.delete("0");
    tallyMulti("recommendingState", index.recommendingStates, labels.recommendingStates, labels.recommendingStates.length);
    tallyMulti("theme", index.themes, labels.themes, labels.themes.length);
    tallyMulti("sdg", index.sdgGoals, null, index.maxSdg + 1);
  }
  const facets = {} as Record<Facet, FacetCount[]>;
  for (const facet of FACETS) {
    const counts = [...totals[facet]].map(([value, count]) => ({ value, count }));
    counts.sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
    facets[facet] = counts.slice(0, FACET_LIMIT);
  }
  return facets;
}

/** One row of the page. */
export interface PageRow {
  index: LibraryIndex;
  row: number;
}

/** Hits offset … offset + limit in order: by score when there is one, then in browse order. */
export function pageOf(hits: readonly Hits[], offset: number, limit: number): PageRow[] {
  const page = hits.every((h) => h.scores === null) ? firstInBrowseOrder(hits, offset + limit) : firstByScore(hits, offset + limit);
  return page.slice(offset);
}

/**
 * Walks each library's browse order, skipping rows that are not hits, merging the libraries,
 * and stops at the page's end: the first page of 100,000 rows reads a few dozen of them.
 */
function firstInBrowseOrder(hits: readonly Hits[], wanted: number): PageRow[] {
  const members = hits.map(({ index, rows }) => {
    if (rows.length === index.size) return null;
    const member = new Uint8Array(index.size);
    for (let i = 0; i < rows.length; i++) member[rows[i]!] = 1;
    return member;
  });
  const next = hits.map(() => 0);
  const head = (k: number) => {
    const { index } = hits[k]!;
    while (next[k]! < index.size && members[k] && !members[k]![index.order[next[k]!]!]) next[k]!++;
    return next[k]! < index.size ? index.order[next[k]!]! : -1;
  };
  const page: PageRow[] = [];
  while (page.length < wanted) {
    let pick = -1;
    for (let k = 0; k < hits.length; k++) {
      const row = head(k);
      if (row >= 0 && (pick < 0 || compareAcross(hits[k]!.index, row, hits[pick]!.index, head(pick)) < 0)) pick = k;
    }
    if (pick < 0) break;
    page.push({ index: hits[pick]!.index, row: head(pick) });
    next[pick]!++;
  }
  return page;
}

type Scored = PageRow & { score: number };

/** The best `wanted` hits by score, kept in a sorted list no longer than that: no full sort for page 1. */
function firstByScore(hits: readonly Hits[], wanted: number): PageRow[] {
  const compare = (a: Scored, b: Scored) => a.score - b.score || compareAcross(a.index, a.row, b.index, b.row);
  const kept: Scored[] = [];
  if (wanted > 1_000) {
    // A deep page: insertion into a long list would cost more than one sort of every hit.
    for (const { index, rows, scores } of hits) rows.forEach((row, i) => kept.push({ index, row, score: scores![i]! }));
    return kept.sort(compare).slice(0, wanted);
  }
  for (const { index, rows, scores } of hits) {
    for (let i = 0; i < rows.length; i++) {
      const candidate = { index, row: rows[i]!, score: scores![i]! };
      if (kept.length === wanted && compare(candidate, kept[wanted - 1]!) >= 0) continue;
      let low = 0;
      let high = kept.length;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (compare(kept[middle]!, candidate) <= 0) low = middle + 1;
        else high = middle;
      }
      kept.splice(low, 0, candidate);
      if (kept.length > wanted) kept.pop();
    }
  }
  return kept;
}
