import { sql, type ExpressionBuilder, type Expression, type SqlBool } from "kysely";
import type { RecommendationRecord } from "../../core/library/records";
import { FACETS, NO_RESPONSE, readQuery, type Facet, type LibrarySearch, type QueryIntent } from "../../core/library/search-query";
import type { Database } from "../schema";
import type { Executor } from "./executor";
import { RECORD_COLUMNS, toRecommendationRecord } from "./library-recommendations";
import { inLibraryScope } from "./library-scope";

export interface FacetCount {
  value: string;
  count: number;
}

export interface LibrarySearchResult {
  /** How the query was read: exact reference, full text, or trigram fallback for misspellings. */
  mode: "browse" | "reference" | "fulltext" | "similar";
  total: number;
  results: RecommendationRecord[];
  facets: Record<Facet, FacetCount[]>;
}

/** Facet values shown per facet; the rest are reachable by typing. */
const FACET_LIMIT = 30;

type Eb = ExpressionBuilder<Database, "recommendations">;

function filters(eb: Eb, search: LibrarySearch): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (search.body) where.push(eb("body", "=", search.body));
  if (search.stateUnderReview) where.push(eb("state_under_review", "=", search.stateUnderReview));
  if (search.recommendingState) where.push(sql<SqlBool>`${search.recommendingState} = any(recommending_states)`);
  if (search.cycle !== undefined) where.push(eb("cycle", "=", search.cycle));
  if (search.response) where.push(search.response === NO_RESPONSE ? eb("response", "is", null) : eb("response", "=", search.response));
  if (search.theme) where.push(sql<SqlBool>`${search.theme} = any(themes)`);
  if (search.sdg !== undefined) where.push(sql<SqlBool>`${search.sdg}::smallint = any(sdg_goals)`);
  return where;
}

const englishQuery = (text: string) => sql`websearch_to_tsquery('english', ${text})`;
const simpleQuery = (text: string) => sql`websearch_to_tsquery('simple', ${text})`;

function matches(eb: Eb, intent: QueryIntent, mode: LibrarySearchResult["mode"]): Expression<SqlBool> | null {
  if (intent.kind === "browse") return null;
  if (intent.kind === "reference") {
    const parts: Expression<SqlBool>[] = [];
    if (intent.symbol) parts.push(eb("symbol", "=", intent.symbol));
    if (intent.paragraph) parts.push(sql<SqlBool>`lower(paragraph) = lower(${intent.paragraph})`);
    return eb.and(parts);
  }
  if (mode === "similar") return sql<SqlBool>`${intent.text} <% search_keys`;
  return sql<SqlBool>`(tsv_english @@ ${englishQuery(intent.text)} or tsv_simple @@ ${simpleQuery(intent.text)})`;
}

function order(intent: QueryIntent, mode: LibrarySearchResult["mode"]) {
  if (intent.kind === "words" && mode === "fulltext") {
    return sql`ts_rank(tsv_english, ${englishQuery(intent.text)}) + ts_rank(tsv_simple, ${simpleQuery(intent.text)}) desc, publication_date desc nulls last, id`;
  }
  if (intent.kind === "words" && mode === "similar") return sql`${intent.text} <<-> search_keys, publication_date desc nulls last, id`;
  return sql`publication_date desc nulls last, symbol, paragraph, id`;
}

async function run(db: Executor, workspaceId: string, search: LibrarySearch, intent: QueryIntent, mode: LibrarySearchResult["mode"]) {
  const where = (eb: Eb) => {
    const all = [inLibraryScope(eb, workspaceId), ...filters(eb, search)];
    const match = matches(eb, intent, mode);
    if (match) all.push(match);
    return eb.and(all);
  };
  const [rows, facets] = await Promise.all([
    db
      .selectFrom("recommendations")
      .select(RECORD_COLUMNS)
      .where(where)
      .orderBy(order(intent, mode))
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
    facetCounts(db, where),
  ]);
  // Every row has exactly one body, so the body facet's counts add up to the total.
  const total = facets.totalByBody;
  return { mode, total, results: rows.map(toRecommendationRecord), facets: facets.byFacet };
}

/**
 * Counts for every facet over the matching rows, in one statement: one scan of the matches,
 * grouped seven ways. Array columns are unnested so a recommendation made by three States counts
 * once for each.
 */
async function facetCounts(db: Executor, where: (eb: Eb) => Expression<SqlBool>) {
  const matched = db
    .selectFrom("recommendations")
    .select(["body", "state_under_review", "recommending_states", "cycle", "response", "themes", "sdg_goals"])
    .where(where);
  const rows = await db
    .with("m", () => matched)
    .selectFrom("m")
    .select([sql<string>`'body'`.as("facet"), sql<string>`body`.as("value"), sql<string>`count(*)`.as("n")])
    .groupBy("body")
    .unionAll((qb) =>
      qb.selectFrom("m").select([sql<string>`'stateUnderReview'`.as("facet"), sql<string>`state_under_review`.as("value"), sql<string>`count(*)`.as("n")]).groupBy("state_under_review"),
    )
    .unionAll((qb) =>
      qb
        .selectFrom(sql`m, unnest(m.recommending_states)`.as("u"))
        .select([sql<string>`'recommendingState'`.as("facet"), sql<string>`u`.as("value"), sql<string>`count(*)`.as("n")])
        .groupBy(sql`u`),
    )
    .unionAll((qb) => qb.selectFrom("m").select([sql<string>`'cycle'`.as("facet"), sql<string>`cycle::text`.as("value"), sql<string>`count(*)`.as("n")]).where("cycle", "is not", null).groupBy("cycle"))
    .unionAll((qb) =>
      qb.selectFrom("m").select([sql<string>`'response'`.as("facet"), sql<string>`coalesce(response, ${NO_RESPONSE})`.as("value"), sql<string>`count(*)`.as("n")]).groupBy("response"),
    )
    .unionAll((qb) =>
      qb.selectFrom(sql`m, unnest(m.themes)`.as("u")).select([sql<string>`'theme'`.as("facet"), sql<string>`u`.as("value"), sql<string>`count(*)`.as("n")]).groupBy(sql`u`),
    )
    .unionAll((qb) =>
      qb.selectFrom(sql`m, unnest(m.sdg_goals)`.as("u")).select([sql<string>`'sdg'`.as("facet"), sql<string>`u::text`.as("value"), sql<string>`count(*)`.as("n")]).groupBy(sql`u`),
    )
    .execute();
  const byFacet = Object.fromEntries(FACETS.map((facet) => [facet, [] as FacetCount[]])) as Record<Facet, FacetCount[]>;
  let totalByBody = 0;
  for (const row of rows) {
    const count = Number(row.n);
    byFacet[row.facet as Facet].push({ value: row.value, count });
    if (row.facet === "body") totalByBody += count;
  }
  for (const facet of FACETS) {
    byFacet[facet].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "en", { numeric: true }));
    byFacet[facet] = byFacet[facet].slice(0, FACET_LIMIT);
  }
  return { byFacet, totalByBody };
}

/**
 * Searches the library a workspace reads (shared + its own): an exact reference, or full text
 * in English and in the "simple" configuration; when words find nothing, trigram similarity
 * over symbols, State names and themes catches a misspelling ("discrimation").
 */
export async function searchRecommendations(db: Executor, workspaceId: string, search: LibrarySearch): Promise<LibrarySearchResult> {
  const intent = readQuery(search.q);
  if (intent.kind !== "words") return run(db, workspaceId, search, intent, intent.kind);
  const fulltext = await run(db, workspaceId, search, intent, "fulltext");
  if (fulltext.total > 0) return fulltext;
  return run(db, workspaceId, search, intent, "similar");
}
