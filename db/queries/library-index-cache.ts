import { sql, type RawBuilder } from "kysely";
import { NO_RESPONSE } from "../../core/library/search-query";
import type { Executor } from "./executor";
import { LibraryIndexBuilder, NO_DATE, type IndexRow, type LibraryIndex } from "./library-index";
import { SHARED_LIBRARY_KEY } from "./library-scope";

/**
 * The library indexes this process holds, by library and revision. Module-level on purpose: one
 * copy per process serves every request, and it cannot go stale, because every search first
 * reads the libraries' current revisions (one primary-key lookup) and only uses a copy read at
 * that revision. Triggers give a library a new random revision in the same transaction as any
 * write to it, from this node or any other sharing the database, so a write is seen by the next
 * search that starts after it commits. Bounded by rows held; least recently used goes first.
 */
const MAX_ROWS = 1_000_000;
const held = new Map<string, Promise<LibraryIndex>>();
const sizes = new Map<string, number>();

/** The libraries a workspace reads (shared, then its own), each as of its current revision; empty ones are left out. */
export async function findLibraryIndexes(db: Executor, workspaceId: string): Promise<LibraryIndex[]> {
  const revisions = await db
    .selectFrom("library_revisions")
    .select(["library_key", "revision"])
    .where("library_key", "in", [SHARED_LIBRARY_KEY, workspaceId])
    .execute();
  revisions.sort((a, b) => Number(b.library_key === SHARED_LIBRARY_KEY) - Number(a.library_key === SHARED_LIBRARY_KEY));
  const indexes = await Promise.all(revisions.map((row) => indexAt(db, row.library_key, row.revision)));
  return indexes.filter((index) => index.size > 0);
}

function indexAt(db: Executor, key: string, revision: string): Promise<LibraryIndex> {
  const id = `${key}@${revision}`;
  const hit = held.get(id);
  if (hit) {
    held.delete(id);
    held.set(id, hit);
    return hit;
  }
  const loading: Promise<LibraryIndex> = loadLibraryIndex(db, key).then((index) => {
    if (held.get(id) !== loading) return index;
    // A copy may be of a newer revision than asked for (a write in between), never an older one.
    sizes.set(id, index.size);
    for (const other of [...held.keys()]) if (other.startsWith(`${key}@`) && other !== id) forget(other);
    let rows = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    for (const oldest of held.keys()) {
      if (rows <= MAX_ROWS || oldest === id) break;
      rows -= sizes.get(oldest) ?? 0;
      forget(oldest);
    }
    return index;
  });
  held.set(id, loading);
  // A failed load is not kept: the next search tries again.
  loading.catch(() => held.get(id) === loading && forget(id));
  return loading;
}

function forget(id: string) {
  held.delete(id);
  sizes.delete(id);
}

const scopeOf = (key: string): RawBuilder<unknown> => (key === SHARED_LIBRARY_KEY ? sql`workspace_id is null` : sql`workspace_id = ${key}`);
const revisionOf = (key: string) => sql<string>`(select revision from library_revisions where library_key = ${key})`;

// Unit, record and group separators: labels are trimmed text that never holds them, and a row
// that did would change a count below, which sends the library down the JSON path instead.
const FIELD = "\x1f";
const ITEM = "\x1e";
const ROW = "\x1d";

/**
 * Reads one library in one statement (so rows and revision are one snapshot) as one string, not
 * 100,000 rows: PGlite's cost is per row returned. 0.3 s for 100,000 rows on PGlite.
 */
async function loadLibraryIndex(db: Executor, key: string): Promise<LibraryIndex> {
  const { rows } = await sql<{ revision: string; rows: string; items: string; packed: string | null }>`
    select ${revisionOf(key)} as revision, count(*) as rows,
      coalesce(sum(cardinality(recommending_states) + cardinality(themes) + cardinality(affected_persons) + cardinality(sdg_goals)), 0) as items,
      string_agg(concat_ws(${FIELD}, seq, body, state_under_review, coalesce(cycle::text, ''), coalesce('=' || response, ''),
        coalesce((publication_date - date '1970-01-01')::text, ''), symbol, paragraph,
        array_to_string(recommending_states, ${ITEM}), array_to_string(themes, ${ITEM}),
        array_to_string(affected_persons, ${ITEM}), array_to_string(sdg_goals, ${ITEM})), ${ROW} order by seq) as packed
    from recommendations where ${scopeOf(key)}`.execute(db);
  const loaded = rows[0]!;
  const packed = unpack(loaded.packed, Number(loaded.rows), Number(loaded.items));
  return (packed ?? fill(await loadAsJson(db, key))).build(key, loaded.revision);
}

/** The packed rows, straight into a builder; null when a count disagrees (a label held a separator). */
function unpack(packed: string | null, expectedRows: number, expectedItems: number): LibraryIndexBuilder | null {
  if (packed === null) return expectedRows === 0 ? new LibraryIndexBuilder(0) : null;
  const lines = packed.split(ROW);
  if (lines.length !== expectedRows) return null;
  // The same lists recur (a theme pair, a set of States): split each once, and the builder then
  // meets the same string objects, whose hashes V8 has already computed.
  const lists = new Map<string, string[]>();
  const list = (field: string) => {
    let items = lists.get(field);
    if (!items) lists.set(field, (items = field === "" ? [] : field.split(ITEM)));
    return items;
  };
  const builder = new LibraryIndexBuilder(lines.length);
  let items = 0;
  for (const line of lines) {
    const f = line.split(FIELD);
    if (f.length !== 12) return null;
    const row: IndexRow = {
      seq: Number(f[0]),
      body: f[1]!,
      stateUnderReview: f[2]!,
      cycle: f[3] === "" ? null : Number(f[3]),
      response: f[4] === "" ? NO_RESPONSE : f[4]!.slice(1),
      date: f[5] === "" ? NO_DATE : Number(f[5]),
      symbol: f[6]!,
      paragraph: f[7]!,
      recommendingStates: list(f[8]!),
      themes: list(f[9]!),
      affectedPersons: list(f[10]!),
      sdgGoals: list(f[11]!).map(Number),
    };
    items += row.recommendingStates.length + row.themes.length + row.affectedPersons.length + row.sdgGoals.length;
    builder.add(row);
  }
  return items === expectedItems ? builder : null;
}

type JsonRow = [number, string, string, number | null, string | null, number | null, string, string, string[], string[], string[], number[]];

/** The slow, exact path, for a library whose labels hold a separator character. */
async function loadAsJson(db: Executor, key: string): Promise<IndexRow[]> {
  const { rows } = await sql<{ rows: string }>`
    select coalesce(json_agg(json_build_array(seq, body, state_under_review, cycle, response, publication_date - date '1970-01-01',
      symbol, paragraph, recommending_states, themes, affected_persons, sdg_goals) order by seq), '[]')::text as rows
    from recommendations where ${scopeOf(key)}`.execute(db);
  return (JSON.parse(rows[0]!.rows) as JsonRow[]).map((r) => ({
    seq: r[0],
    body: r[1],
    stateUnderReview: r[2],
    cycle: r[3],
    response: r[4] ?? NO_RESPONSE,
    date: r[5] ?? NO_DATE,
    symbol: r[6],
    paragraph: r[7],
    recommendingStates: r[8],
    themes: r[9],
    affectedPersons: r[10],
    sdgGoals: r[11],
  }));
}

function fill(rows: readonly IndexRow[]): LibraryIndexBuilder {
  const builder = new LibraryIndexBuilder(rows.length);
  for (const row of rows) builder.add(row);
  return builder;
}

/** Loads the shared library's index ahead of the first search (about a second per 100,000 records). */
export async function warmSharedLibraryIndex(db: Executor): Promise<void> {
  await findLibraryIndexes(db, SHARED_LIBRARY_KEY);
}
