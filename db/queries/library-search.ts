/**
 * Library search over 100,000 recommendations within 50 ms on PGlite and PostgreSQL for the
 * query mix of bench/library/search.ts; a word in half the library ("rights") takes ~100 ms,
 * the cost of ranking every match. The database does only what only it can, and answers
 * compactly: full text over the narrow recommendation_search table (one "seq:rank" string), and
 * trigram matching of a misspelling against the distinct keys in library_terms. Filters, facet
 * counts, ordering and paging run over in-memory indexes of the shared and the coalition's
 * library (library-index.ts), which library_revisions keeps current (library-index-cache.ts);
 * only the page's records are read back, by seq.
 */
import { sql, type SqlBool } from "kysely";
import type { RecommendationRecord } from "../../core/library/records";
import { readQuery, type Facet, type LibrarySearch, type QueryIntent } from "../../core/library/search-query";
import type { Executor } from "./executor";
import { browseHits, countFacets, filterHits, pageOf, totalOf, type FacetCount, type Hits, type PageRow } from "./library-hits";
import type { LibraryIndex } from "./library-index";
import { findLibraryIndexes } from "./library-index-cache";
import { findFullTextMatches, findSimilarKeys, fullTextRows, referenceRows, similarRows } from "./library-matching";
import { RECORD_COLUMNS, toRecommendationRecord } from "./library-recommendations";
import { SHARED_LIBRARY_KEY } from "./library-scope";

export type { FacetCount } from "./library-hits";

export interface LibrarySearchResult {
  /** How the query was read: exact reference, full text, or trigram fallback for misspellings. */
  mode: "browse" | "reference" | "fulltext" | "similar";
  total: number;
  results: RecommendationRecord[];
  facets: Record<Facet, FacetCount[]>;
}

type Words = Extract<QueryIntent, { kind: "words" }>;

async function wordHits(db: Executor, libraries: readonly LibraryIndex[], matches: string, intent: Words, search: LibrarySearch) {
  const fulltext = fullTextRows(libraries, matches);
  const hits = libraries.map((index, k) => filterHits(index, fulltext[k]!.rows, fulltext[k]!.scores, search));
  if (totalOf(hits) > 0 || libraries.length === 0) return { mode: "fulltext" as const, hits };
  const keys = await findSimilarKeys(db, intent.text);
  const similar = libraries.map((index) => {
    const found = similarRows(index, keys);
    return filterHits(index, found.rows, found.scores, search);
  });
  return { mode: "similar" as const, hits: similar };
}

/** The page's records, in page order; a row deleted since the index was read is left out. */
async function fetchPage(db: Executor, workspaceId: string, page: readonly PageRow[]): Promise<RecommendationRecord[]> {
  if (page.length === 0) return [];
  const seqs = page.map(({ index, row }) => String(index.seq[row]));
  // One array parameter, not an IN list of 20: PGlite planned the list in 5 ms, the array in 0.3.
  const rows = await db
    .selectFrom("recommendations")
    .select([...RECORD_COLUMNS, "seq"])
    .where(sql<SqlBool>`seq = any(${seqs}::bigint[])`)
    .execute();
  // The scope is checked again here, not in SQL: without statistics (PGlite never analyzes) the
  // planner combined the seq lookup with a scan of the whole shared library by workspace_id.
  const bySeq = new Map(rows.filter((row) => row.workspace_id === null || row.workspace_id === workspaceId).map((row) => [String(row.seq), row]));
  return seqs.flatMap((seq) => {
    const row = bySeq.get(seq);
    return row ? [toRecommendationRecord(row)] : [];
  });
}

/**
 * Searches the library a workspace reads (shared + its own): an exact reference, or full text
 * in English and in the "simple" configuration; when words find nothing, trigram similarity
 * over symbols, State names and themes catches a misspelling ("discrimation"). The database
 * finds the matches; filters, facet counts, ordering and paging run over the in-memory library
 * indexes (library-index.ts), and only the page's records are read back.
 */
export async function searchRecommendations(db: Executor, workspaceId: string, search: LibrarySearch): Promise<LibrarySearchResult> {
  const intent = readQuery(search.q);
  // Full text needs only the libraries' keys, so it runs beside the revision check.
  const [libraries, matches] = await Promise.all([
    findLibraryIndexes(db, workspaceId),
    intent.kind === "words" ? findFullTextMatches(db, [SHARED_LIBRARY_KEY, workspaceId], intent.text) : "",
  ]);
  let mode: LibrarySearchResult["mode"];
  let hits: Hits[];
  if (intent.kind === "browse") {
    mode = "browse";
    hits = libraries.map((index) => browseHits(index, search));
  } else if (intent.kind === "reference") {
    mode = "reference";
    hits = libraries.map((index) => filterHits(index, referenceRows(index, intent), null, search));
  } else {
    ({ mode, hits } = await wordHits(db, libraries, matches, intent, search));
  }
  // The page is read while the facets are counted.
  const results = fetchPage(db, workspaceId, pageOf(hits, search.offset, search.limit));
  const facets = countFacets(hits);
  return { mode, total: totalOf(hits), results: await results, facets };
}
