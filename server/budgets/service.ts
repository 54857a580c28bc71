import type { WordBudget } from "../../core/budgets/shares";
import type { Draft } from "../../db/schema";
import type { ServiceDeps } from "../services";
import { replaceBudgets } from "./replace";
import { readBudgetsView, type BudgetsView } from "./view";

export type { BudgetsView } from "./view";
export type { BudgetsRefused } from "./replace";

/**
 * Word budgets (issue 21): the coordinator's shares of a draft's word limit by template section
 * or organisation, and the counts they are judged against. Callers authorise: reading is for
 * members, replacing for owners (the manage ability).
 */
export function createBudgetsService({ db }: Pick<ServiceDeps, "db">) {
  return {
    /** The budgets with what the browser needs to count live, and the stored draft's counts. */
    read(draft: Draft, reader: { userId: string; organisationId: string | null; canManage: boolean }): Promise<BudgetsView> {
      return readBudgetsView(db, draft, reader);
    },

    /** Replaces every budget of the draft at once (an empty list clears them), audited. */
    replace(actor: { userId: string }, draft: Draft, budgets: readonly WordBudget[]) {
      return replaceBudgets(db, actor, draft, budgets);
    },
  };
}

export type BudgetsService = ReturnType<typeof createBudgetsService>;
