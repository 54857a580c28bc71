import { useEffect } from "react";
import { useT } from "../i18n/i18n-provider";
import { compareShares, BUDGET_KINDS, type BudgetKind } from "../../core/budgets/shares";
import type { MessageId } from "../../core/i18n/message";
import { targetLabel } from "./budget-checks";
import { useBudgets } from "./use-budgets";

const KIND_TITLES: Record<BudgetKind, MessageId> = { section: "budgets.checks.bySection", organisation: "budgets.checks.byOrganisation" };

/**
 * The Export dialog's list of shares, against the saved draft's counts (what the file is made
 * from). A member's view, so confidential organisations are named here and marked; nothing of it
 * goes into the exported file.
 */
export function ExportShares({ workspaceId, draftId, opened }: { workspaceId: string; draftId: string; opened: number }) {
  const { t, date } = useT();
  const { state, store } = useBudgets(workspaceId, draftId);
  // Read again each time the dialog opens: the list is what the file would be made from now.
  useEffect(() => {
    if (opened > 0) void store?.refresh(true);
  }, [opened, store]);
  const view = state.view;
  if (!view || view.budgets.length === 0) return null;
  const counts = { section: new Map(Object.entries(view.stored.sections)), organisation: new Map(Object.entries(view.stored.organisations)) };
  const kinds = BUDGET_KINDS.map((kind) => ({ kind, rows: compareShares(kind, view.budgets, counts[kind], view.stored.counted, view.limit) })).filter((k) => k.rows.length > 0);
  return (
    <section className="export-shares" aria-label={t("budgets.export.title")} data-testid="export-shares">
      <h3 className="field-label">{t("budgets.export.title")}</h3>
      {kinds.map(({ kind, rows }) => (
        <div key={kind}>
          <p className="small">{t(KIND_TITLES[kind])}</p>
          <ul className="checks-sections small">
            {rows.map((row) => {
              const { name, confidential } = targetLabel(view, undefined, row);
              return (
                <li key={row.id ?? "rest"}>
                  <span>
                    {t("budgets.export.row", { target: name ?? t("budgets.checks.rest"), used: row.used, budget: row.budget })}
                    {confidential ? <span className="muted">{t("budgets.checks.confidential")}</span> : null}
                  </span>
                  {row.over > 0 ? <span className="badge badge-danger">{t("budgets.checks.over", { over: row.over })}</span> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
      <p className="small muted">{t("budgets.export.note", { time: date(view.stored.readAt, { hour: "2-digit", minute: "2-digit" }) })}</p>
    </section>
  );
}
