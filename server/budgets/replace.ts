import type { Kysely } from "kysely";
import { budgetProblem, budgetTotals, sortBudgets, type BudgetProblem, type WordBudget } from "../../core/budgets/shares";
import { message, type Message } from "../../core/i18n/message";
import { SUBMITTED_STATUS_MESSAGE } from "../../core/policies/submitted";
import { recordAudit } from "../../db/queries/audit";
import { listWordBudgets, lockDraftForBudgets, replaceWordBudgets } from "../../db/queries/word-budgets";
import type { Database, Draft } from "../../db/schema";
import { budgetOrganisations, draftRules } from "./view";

export type BudgetsRefused = { ok: false; status: 404 | 409 | 422; error: Message };

/** A refused set of budgets in the coordinator's words. */
export function problemMessage(problem: BudgetProblem): Message {
  switch (problem.code) {
    case "no-limit":
      return message("budgets.refused.noLimit");
    case "too-many":
      return message("budgets.refused.tooMany", { max: problem.max });
    case "bad-words":
      return message("budgets.refused.badWords");
    case "duplicate":
      return message("budgets.refused.duplicate");
    case "unknown-target":
      return message(problem.kind === "section" ? "budgets.refused.unknownSection" : "budgets.refused.unknownOrganisation");
    case "over-limit":
      return message(problem.kind === "section" ? "budgets.refused.overLimitSections" : "budgets.refused.overLimitOrganisations", {
        total: problem.total,
        limit: problem.limit,
        over: problem.total - problem.limit,
      });
  }
}

/**
 * Replaces all of a draft's budgets in one transaction, under the draft's row lock, with its
 * audit event: checked against the template's limit and sections and the workspace's
 * organisations as they are inside that transaction. The caller has checked the actor may manage.
 * Answers the budgets as stored, or why nothing was written.
 */
export async function replaceBudgets(db: Kysely<Database>, actor: { userId: string }, draft: Draft, budgets: readonly WordBudget[]): Promise<{ ok: true; budgets: WordBudget[] } | BudgetsRefused> {
  const wanted = sortBudgets(budgets);
  return db.transaction().execute(async (tx) => {
    if (!(await lockDraftForBudgets(tx, draft.id))) return { ok: false, status: 404, error: message("budgets.refused.gone") };
    const current = await tx.selectFrom("drafts").select("status").where("id", "=", draft.id).executeTakeFirstOrThrow();
    if (current.status === "submitted") return { ok: false, status: 409, error: message(SUBMITTED_STATUS_MESSAGE) };
    const { limit, sections } = draftRules(draft);
    const organisations = await budgetOrganisations(tx, draft.workspace_id);
    const problem = budgetProblem(wanted, { limit, sections: new Set(sections.map((s) => s.id)), organisations: new Set(organisations.map((o) => o.id)) });
    if (problem) return { ok: false, status: 422, error: problemMessage(problem) };
    const before = await listWordBudgets(tx, draft.id);
    await replaceWordBudgets(tx, draft.id, wanted);
    const totals = budgetTotals(wanted);
    await recordAudit(tx, {
      workspaceId: draft.workspace_id,
      actorId: actor.userId,
      action: "draft.budgets_changed",
      targetType: "draft",
      targetId: draft.id,
      // Counts and totals, never which organisation got what: the log reads without the draft.
      details: {
        title: draft.title,
        limit,
        sections: wanted.filter((b) => b.kind === "section").length,
        organisations: wanted.filter((b) => b.kind === "organisation").length,
        sectionWords: totals.section,
        organisationWords: totals.organisation,
        before: before.length,
      },
    });
    return { ok: true, budgets: await listWordBudgets(tx, draft.id) };
  });
}
