import { z } from "zod";
import { BUDGET_KINDS, MAX_BUDGETS } from "../../core/budgets/shares";

/**
 * POST …/budgets: every budget of the draft at once (an empty list clears them). The numbers'
 * range, the targets and the totals are core/budgets' budgetProblem, checked by the service.
 */
export const BudgetsRequestSchema = z.object({
  budgets: z
    .array(z.object({ kind: z.enum(BUDGET_KINDS), id: z.string().min(1).max(200), words: z.number() }))
    .max(MAX_BUDGETS * 2),
});

/** Far above any valid request: 400 budgets of a 36-character id and a 7-digit number. */
export const BUDGETS_REQUEST_MAX_CHARS = 64 * 1024;
