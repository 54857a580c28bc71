import { sql } from "kysely";
import type { WordBudget } from "../../core/budgets/shares";
import type { Executor } from "./executor";

/** A draft's word budgets, sections first, each kind by target id. */
export async function listWordBudgets(db: Executor, draftId: string): Promise<WordBudget[]> {
  const rows = await db
    .selectFrom("draft_word_budgets")
    .select(["target_kind", "target_id", "words"])
    .where("draft_id", "=", draftId)
    .orderBy("target_kind", "desc") // "section" before "organisation"
    .orderBy("target_id")
    .execute();
  return rows.map((row) => ({ kind: row.target_kind, id: row.target_id, words: row.words }));
}

/**
 * Replaces every budget of a draft with `budgets` (none clears them). Call inside the
 * transaction that locked the draft and records the audit event, so a set lands whole or not at all.
 */
export async function replaceWordBudgets(db: Executor, draftId: string, budgets: readonly WordBudget[]): Promise<void> {
  await db.deleteFrom("draft_word_budgets").where("draft_id", "=", draftId).execute();
  if (budgets.length === 0) return;
  await db
    .insertInto("draft_word_budgets")
    .values(budgets.map((b) => ({ draft_id: draftId, target_kind: b.kind, target_id: b.id, words: b.words })))
    .execute();
}

/** Locks the draft's row for the rest of the transaction: budget changes to one draft queue. */
export async function lockDraftForBudgets(db: Executor, draftId: string): Promise<boolean> {
  const row = await db.selectFrom("drafts").select("id").where("id", "=", draftId).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/**
 * The Yjs clients whose changes to a draft were stored in the last `seconds` (by the database's
 * clock): who may be typing now and not yet be recorded in draft_clients (the collab server
 * records a new client a few hundred milliseconds after its first change).
 */
export async function recentDraftClients(db: Executor, draftId: string, seconds: number, parseClients: (update: Uint8Array) => Iterable<number>): Promise<Set<number>> {
  const rows = await db
    .selectFrom("draft_updates")
    .select("update")
    .where("draft_id", "=", draftId)
    .where("created_at", ">", sql<Date>`now() - make_interval(secs => ${seconds})`)
    .execute();
  const clients = new Set<number>();
  for (const row of rows) for (const clientId of parseClients(row.update)) clients.add(clientId);
  return clients;
}
