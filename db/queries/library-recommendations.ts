import { sql } from "kysely";
import { recommendationDedupeKey, type RecommendationInput, type RecommendationRecord } from "../../core/library/records";
import { recommendationSearchDocument, recommendationSearchKeys } from "../../core/library/search-document";
import type { Selectable } from "kysely";
import type { RecommendationsTable } from "../schema";
import type { Executor } from "./executor";
import { inLibraryScope, SHARED_LIBRARY_KEY } from "./library-scope";

/** Rows per INSERT: 23 parameters a row stays well under PostgreSQL's 65,535 per statement. */
const ROWS_PER_STATEMENT = 500;

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Inputs that repeated an earlier input's key; the later one was kept. */
  duplicates: number;
}

/** Every column an import may change; the rest identify the row or are managed by the database. */
const UPDATABLE = [
  "mechanism",
  "body",
  "state_under_review",
  "cycle",
  "session",
  "text",
  "response",
  "response_source",
  "themes",
  "affected_persons",
  "sdg_goals",
  "action_category",
  "publication_date",
  "external_ids",
] as const;

function toRow(workspaceId: string | null, input: RecommendationInput, createdBy: string | null) {
  return {
    workspace_id: workspaceId,
    mechanism: input.mechanism,
    body: input.body,
    state_under_review: input.stateUnderReview,
    recommending_states: input.recommendingStates,
    cycle: input.cycle,
    session: input.session,
    symbol: input.symbol,
    paragraph: input.paragraph,
    text: input.text,
    response: input.response,
    response_source: input.responseSource,
    themes: input.themes,
    affected_persons: input.affectedPersons,
    sdg_goals: input.sdgGoals,
    action_category: input.actionCategory,
    publication_date: input.publicationDate,
    external_ids: JSON.stringify(input.externalIds),
    provenance: JSON.stringify(input.provenance),
    dedupe_key: recommendationDedupeKey(input),
    search_document: recommendationSearchDocument(input),
    search_keys: recommendationSearchKeys(input),
    created_by: createdBy,
  };
}

/**
 * Inserts recommendations into one library, or updates the row with the same document,
 * paragraph and recommending States (docs/domain.md §5e). A row whose fields are all unchanged is
 * left alone, so re-importing a file does not mark every record as "changed since". The caller
 * owns the transaction: run it inside one for all-or-nothing.
 */
export async function upsertRecommendations(
  db: Executor,
  workspaceId: string | null,
  inputs: readonly RecommendationInput[],
  options: { createdBy?: string | null; onBatch?: (done: number) => void } = {},
): Promise<UpsertCounts> {
  // One statement may not touch a row twice, so repeats within the input are merged first.
  const byKey = new Map<string, RecommendationInput>();
  for (const input of inputs) byKey.set(recommendationDedupeKey(input), input);
  const unique = [...byKey.values()];
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, duplicates: inputs.length - unique.length };
  for (let start = 0; start < unique.length; start += ROWS_PER_STATEMENT) {
    const batch = unique.slice(start, start + ROWS_PER_STATEMENT);
    const rows = await db
      .insertInto("recommendations")
      .values(batch.map((input) => toRow(workspaceId, input, options.createdBy ?? null)))
      .onConflict((oc) =>
        oc
          .expression(sql`(coalesce(workspace_id, ${sql.lit(SHARED_LIBRARY_KEY)}::uuid)), dedupe_key`)
          .doUpdateSet((eb) => ({
            ...Object.fromEntries(UPDATABLE.map((column) => [column, eb.ref(`excluded.${column}`)])),
            // Derived from the fields above (and from the States' order, which is not a change).
            search_document: eb.ref("excluded.search_document"),
            search_keys: eb.ref("excluded.search_keys"),
            provenance: eb.ref("excluded.provenance"),
            updated_at: sql<Date>`now()`,
          }))
          .where(({ or, eb }) =>
            or(UPDATABLE.map((column) => eb(sql.ref(`recommendations.${column}`), "is distinct from", sql.ref(`excluded.${column}`)))),
          ),
      )
      .returning(sql<boolean>`(xmax = 0)`.as("inserted"))
      .execute();
    const inserted = rows.filter((row) => row.inserted).length;
    counts.inserted += inserted;
    counts.updated += rows.length - inserted;
    counts.unchanged += batch.length - rows.length;
    options.onBatch?.(start + batch.length);
  }
  return counts;
}

/** The columns a record needs; the search columns stay in the database. */
export const RECORD_COLUMNS = [
  "id",
  "workspace_id",
  // The dedupe key's columns: an import never changes them, a record has them.
  "recommending_states",
  "symbol",
  "paragraph",
  ...UPDATABLE,
  "provenance",
  "updated_at",
] as const;
export type RecommendationRow = Pick<Selectable<RecommendationsTable>, (typeof RECORD_COLUMNS)[number]>;

/** The stored row as the rest of the product reads it. */
export function toRecommendationRecord(row: RecommendationRow): RecommendationRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    mechanism: row.mechanism,
    body: row.body,
    stateUnderReview: row.state_under_review,
    recommendingStates: row.recommending_states,
    cycle: row.cycle === null ? null : Number(row.cycle),
    session: row.session,
    symbol: row.symbol,
    paragraph: row.paragraph,
    text: row.text,
    response: row.response,
    responseSource: row.response_source,
    themes: row.themes,
    affectedPersons: row.affected_persons,
    // smallint[] elements arrive as numbers from pg and PGlite alike; Number() keeps both honest.
    sdgGoals: row.sdg_goals.map(Number),
    actionCategory: row.action_category === null ? null : Number(row.action_category),
    publicationDate: isoDate(row.publication_date),
    externalIds: row.external_ids as Record<string, string>,
    provenance: row.provenance as unknown as RecommendationRecord["provenance"],
    updatedAt: row.updated_at.toISOString(),
  };
}

function isoDate(value: Date | string | null): string | null {
  if (value === null) return null;
  if (typeof value === "string") return value.slice(0, 10);
  // A date column comes back as local midnight; format in local time so the day is kept.
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
}

/** Records by id that a workspace may read (its own and the shared library); others are absent. */
export async function findRecommendations(db: Executor, workspaceId: string, ids: readonly string[]): Promise<RecommendationRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("recommendations")
    .select(RECORD_COLUMNS)
    .where("id", "in", ids)
    .where((eb) => inLibraryScope(eb, workspaceId))
    .execute();
  return rows.map(toRecommendationRecord);
}

/** Deletes one of a workspace's own recommendations; the shared library is not theirs to change. */
export async function deleteWorkspaceRecommendation(db: Executor, workspaceId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom("recommendations").where("id", "=", id).where("workspace_id", "=", workspaceId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** How many recommendations a library holds (null = the shared one). */
export async function countRecommendations(db: Executor, workspaceId: string | null): Promise<number> {
  const row = await db
    .selectFrom("recommendations")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("workspace_id", workspaceId === null ? "is" : "=", workspaceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
