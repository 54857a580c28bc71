/**
 * Word budgets (issue 21): the coordinator shares a template's word limit out among its sections
 * or among the coalition's organisations. Pure: the server validates with it, the browser and the
 * server compare counts with it, so both judge a share alike.
 *
 * Sections and organisations are two ways of cutting the same words (an organisation writes in
 * many sections), so each kind is its own split of the limit: the budgets of one kind may not add
 * up to more than the limit, and what the limit leaves over is "the rest" (everyone and
 * everything without a share of that kind: common sections, other organisations, template text).
 */

export const BUDGET_KINDS = ["section", "organisation"] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

/** The largest share the database accepts (db/migrations: words between 1 and 1,000,000). */
export const MAX_BUDGET_WORDS = 1_000_000;
/** More targets than any template has sections or a coalition organisations. */
export const MAX_BUDGETS = 200;

export interface WordBudget {
  kind: BudgetKind;
  /** A template section's id, or an organisation's id. */
  id: string;
  words: number;
}

/** Why a set of budgets is refused; the server puts each into words. */
export type BudgetProblem =
  | { code: "no-limit" }
  | { code: "too-many"; max: number }
  | { code: "bad-words"; kind: BudgetKind; id: string }
  | { code: "duplicate"; kind: BudgetKind; id: string }
  | { code: "unknown-target"; kind: BudgetKind; id: string }
  | { code: "over-limit"; kind: BudgetKind; total: number; limit: number };

export interface BudgetTargets {
  /** The draft template's word limit; null when it has none (then there is nothing to share). */
  limit: number | null;
  sections: ReadonlySet<string>;
  organisations: ReadonlySet<string>;
}

/** The words each kind's budgets add up to. */
export function budgetTotals(budgets: readonly WordBudget[]): Record<BudgetKind, number> {
  const totals: Record<BudgetKind, number> = { section: 0, organisation: 0 };
  for (const budget of budgets) totals[budget.kind] += budget.words;
  return totals;
}

/**
 * The first thing wrong with a complete set of budgets for one draft, or null. An empty set is
 * always fine (it clears the budgets), even without a limit.
 */
export function budgetProblem(budgets: readonly WordBudget[], targets: BudgetTargets): BudgetProblem | null {
  if (budgets.length === 0) return null;
  if (targets.limit === null) return { code: "no-limit" };
  if (budgets.length > MAX_BUDGETS) return { code: "too-many", max: MAX_BUDGETS };
  const seen = new Set<string>();
  for (const { kind, id, words } of budgets) {
    if (!Number.isInteger(words) || words < 1 || words > MAX_BUDGET_WORDS) return { code: "bad-words", kind, id };
    const key = `${kind}:${id}`;
    if (seen.has(key)) return { code: "duplicate", kind, id };
    seen.add(key);
    const known = kind === "section" ? targets.sections : targets.organisations;
    if (!known.has(id)) return { code: "unknown-target", kind, id };
  }
  const totals = budgetTotals(budgets);
  for (const kind of BUDGET_KINDS) {
    if (totals[kind] > targets.limit) return { code: "over-limit", kind, total: totals[kind], limit: targets.limit };
  }
  return null;
}

/** One share against what it holds now. */
export interface ShareStanding {
  kind: BudgetKind;
  /** The target's id, or null for the rest of the limit (everything without a share of this kind). */
  id: string | null;
  budget: number;
  used: number;
  /** used − budget when positive, else 0. */
  over: number;
  /** budget − used when positive, else 0. */
  left: number;
}

function standing(kind: BudgetKind, id: string | null, budget: number, used: number): ShareStanding {
  return { kind, id, budget, used, over: Math.max(0, used - budget), left: Math.max(0, budget - used) };
}

/**
 * Each budget of `kind` against the words its target holds (`counts`: target id → words; a
 * target missing from it holds none), in the budgets' order, then the rest: the limit less the
 * budgets, against every counted word no budgeted target holds (`counted` − the budgeted
 * targets' words). No rest row when there are no budgets of that kind, or no limit.
 */
export function compareShares(
  kind: BudgetKind,
  budgets: readonly WordBudget[],
  counts: ReadonlyMap<string, number>,
  counted: number,
  limit: number | null,
): ShareStanding[] {
  const own = budgets.filter((b) => b.kind === kind);
  if (own.length === 0) return [];
  const rows = own.map((b) => standing(kind, b.id, b.words, counts.get(b.id) ?? 0));
  if (limit === null) return rows;
  const budgeted = rows.reduce((sum, row) => sum + row.budget, 0);
  const used = rows.reduce((sum, row) => sum + row.used, 0);
  rows.push(standing(kind, null, Math.max(0, limit - budgeted), Math.max(0, counted - used)));
  return rows;
}

/** The shares (not the rest) that hold more words than their budget. */
export function sharesOver(rows: readonly ShareStanding[]): ShareStanding[] {
  return rows.filter((row) => row.id !== null && row.over > 0);
}

/** Sorts budgets into one order (kind, then id), so a replaced set compares and audits stably. */
export function sortBudgets(budgets: readonly WordBudget[]): WordBudget[] {
  return [...budgets].sort((a, b) => BUDGET_KINDS.indexOf(a.kind) - BUDGET_KINDS.indexOf(b.kind) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
