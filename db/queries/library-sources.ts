import { sql, type Selectable } from "kysely";
import { sourceDedupeKey, type SourceInput, type SourceRecord } from "../../core/library/records";
import { sourceSearchDocument } from "../../core/library/search-document";
import type { SourcesTable } from "../schema";
import type { Executor } from "./executor";
import { inLibraryScope, SHARED_LIBRARY_KEY } from "./library-scope";

const ROWS_PER_STATEMENT = 500;
const COLUMNS = ["id", "workspace_id", "csl", "un_symbol", "issuing_body", "default_pinpoint", "provenance", "updated_at"] as const;
type SourceRow = Pick<Selectable<SourcesTable>, (typeof COLUMNS)[number]>;

function toSourceRecord(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    csl: row.csl as SourceRecord["csl"],
    unSymbol: row.un_symbol,
    issuingBody: row.issuing_body,
    defaultPinpoint: row.default_pinpoint,
    provenance: row.provenance as unknown as SourceRecord["provenance"],
    updatedAt: row.updated_at.toISOString(),
  };
}

function toRow(workspaceId: string | null, input: SourceInput, createdBy: string | null) {
  return {
    workspace_id: workspaceId,
    csl: JSON.stringify(input.csl),
    un_symbol: input.unSymbol,
    issuing_body: input.issuingBody,
    default_pinpoint: input.defaultPinpoint,
    provenance: JSON.stringify(input.provenance),
    dedupe_key: sourceDedupeKey(input),
    search_document: sourceSearchDocument(input),
    created_by: createdBy,
  };
}

/**
 * Inserts sources into one library, or refreshes the one that is the same document (symbol,
 * DOI, URL, or title and date). Returns the stored records in input order, so a caller that
 * adds one source learns its id whether it was new or already there.
 */
export async function upsertSources(
  db: Executor,
  workspaceId: string | null,
  inputs: readonly SourceInput[],
  options: { createdBy?: string | null } = {},
): Promise<{ records: SourceRecord[]; inserted: number; updated: number }> {
  const byKey = new Map<string, SourceInput>();
  for (const input of inputs) byKey.set(sourceDedupeKey(input), input);
  const stored = new Map<string, SourceRecord>();
  let inserted = 0;
  const unique = [...byKey.values()];
  for (let start = 0; start < unique.length; start += ROWS_PER_STATEMENT) {
    const rows = await db
      .insertInto("sources")
      .values(unique.slice(start, start + ROWS_PER_STATEMENT).map((input) => toRow(workspaceId, input, options.createdBy ?? null)))
      .onConflict((oc) =>
        oc.expression(sql`(coalesce(workspace_id, ${sql.lit(SHARED_LIBRARY_KEY)}::uuid)), dedupe_key`).doUpdateSet((eb) => ({
          csl: eb.ref("excluded.csl"),
          un_symbol: eb.ref("excluded.un_symbol"),
          issuing_body: eb.ref("excluded.issuing_body"),
          default_pinpoint: eb.ref("excluded.default_pinpoint"),
          search_document: eb.ref("excluded.search_document"),
          updated_at: sql<Date>`now()`,
        })),
      )
      .returning([...COLUMNS, "dedupe_key", sql<boolean>`(xmax = 0)`.as("inserted")])
      .execute();
    for (const row of rows) {
      stored.set(row.dedupe_key, toSourceRecord(row));
      if (row.inserted) inserted++;
    }
  }
  const records = inputs.map((input) => stored.get(sourceDedupeKey(input))!);
  return { records, inserted, updated: unique.length - inserted };
}

/** Sources by id that a workspace may read (shared + its own); others are absent. */
export async function findSources(db: Executor, workspaceId: string, ids: readonly string[]): Promise<SourceRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("sources").select(COLUMNS).where("id", "in", ids).where((eb) => inLibraryScope(eb, workspaceId)).execute();
  return rows.map(toSourceRecord);
}

/** The source for a UN document, preferring the coalition's own copy over the shared one. */
export async function findSourceBySymbol(db: Executor, workspaceId: string, symbol: string): Promise<SourceRecord | undefined> {
  const row = await db
    .selectFrom("sources")
    .select(COLUMNS)
    .where("un_symbol", "=", symbol)
    .where((eb) => inLibraryScope(eb, workspaceId))
    .orderBy(sql`workspace_id is null`)
    .executeTakeFirst();
  return row ? toSourceRecord(row) : undefined;
}

/**
 * Sources matching what a writer types in a footnote's citation picker: words in any order
 * (simple configuration: titles are in every language), or part of a symbol or name.
 */
export async function searchSources(db: Executor, workspaceId: string, q: string, limit = 20): Promise<SourceRecord[]> {
  const text = q.trim();
  let query = db.selectFrom("sources").select(COLUMNS).where((eb) => inLibraryScope(eb, workspaceId));
  if (text) {
    query = query
      .where(sql<boolean>`(tsv_simple @@ websearch_to_tsquery('simple', ${text}) or search_document ilike ${`%${text.replace(/[\\%_]/g, "\\$&")}%`})`)
      .orderBy(sql`ts_rank(tsv_simple, websearch_to_tsquery('simple', ${text}))`, "desc");
  }
  const rows = await query.orderBy("updated_at", "desc").limit(limit).execute();
  return rows.map(toSourceRecord);
}

/** Every source of one library, for export (null = the shared library). */
export async function listLibrarySources(db: Executor, workspaceId: string | null): Promise<SourceRecord[]> {
  const rows = await db
    .selectFrom("sources")
    .select(COLUMNS)
    .where("workspace_id", workspaceId === null ? "is" : "=", workspaceId)
    .orderBy("created_at")
    .execute();
  return rows.map(toSourceRecord);
}
