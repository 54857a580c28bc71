import { useParams } from "@remix-run/react";
import type { Editor } from "@tiptap/react";
import { useState } from "react";
import type { ShareStanding } from "../../core/budgets/shares";
import type { MessageId } from "../../core/i18n/message";
import { useT } from "../i18n/i18n-provider";
import type { BudgetsView } from "../routes/workspaces.$workspaceId.drafts.$draftId_.budgets";
import { BudgetDialog } from "./budget-dialog";
import { useBudgets } from "./use-budgets";
import { useLiveShares, type LiveShares } from "./use-live-shares";

/** Between a box or a name and what follows it. */
const SPACE = " ";

/**
 * The Checks tab's word budgets: every share against its words, live as anyone types, by section
 * and by organisation, each with the rest of the limit; what cannot be credited yet said so. An
 * owner sets the shares here (BudgetDialog). Nothing for a draft without a limit, nor for a
 * member who is not an owner while no share is set.
 */
export function BudgetChecks({ editor }: { editor: Editor }) {
  const { t, date } = useT();
  const { workspaceId, draftId } = useParams();
  const { state, store } = useBudgets(workspaceId, draftId);
  const shares = useLiveShares(editor, state.view, store);
  const [editing, setEditing] = useState(false);
  const view = state.view;
  if (!view) return state.failed ? <p className="small muted">{t("budgets.checks.loadFailed")}</p> : null;
  // Nothing to share without a limit; nothing to show a member who cannot set shares while none is set.
  if (view.limit === null || (!shares && !view.canManage)) return null;
  const time = date(view.stored.readAt, { hour: "2-digit", minute: "2-digit" });
  return (
    <section className="budget-checks" aria-label={t("budgets.checks.title")} data-testid="budget-checks">
      <h3 className="checks-group">{t("budgets.checks.title")}</h3>
      {!shares ? <p className="small muted">{t("budgets.checks.none")}</p> : <ShareLists view={view} shares={shares} />}
      {shares && shares.pending > 0 ? <p className="small muted">{t("budgets.checks.pending", { words: shares.pending, time })}</p> : null}
      {shares ? <p className="small muted">{shares.source === "live" ? t("budgets.checks.live") : t("budgets.checks.stored", { time })}</p> : null}
      {state.failed ? <p className="small muted">{t("budgets.checks.loadFailed")}</p> : null}
      {view.canManage && store ? (
        <>
          <button type="button" className="btn btn-secondary btn-sm" onClick={() => setEditing(true)}>
            {t("budgets.checks.edit")}
          </button>
          {editing ? <BudgetDialog view={view} store={store} headings={shares?.headings} onClose={() => setEditing(false)} /> : null}
        </>
      ) : null}
    </section>
  );
}

function ShareLists({ view, shares }: { view: BudgetsView; shares: LiveShares }) {
  const lists: Array<[MessageId, ShareStanding[]]> = [
    ["budgets.checks.bySection", shares.sections],
    ["budgets.checks.byOrganisation", shares.organisations],
  ];
  return (
    <>
      {lists.map(([title, rows]) => (rows.length === 0 ? null : <ShareList key={title} title={title} rows={rows} label={(row) => targetLabel(view, shares.headings, row)} />))}
    </>
  );
}

function ShareList({ title, rows, label }: { title: MessageId; rows: ShareStanding[]; label: (row: ShareStanding) => { name: string | null; confidential: boolean } }) {
  const { t } = useT();
  return (
    <>
      <p className="small">{t(title)}</p>
      <ul className="checks-sections">
        {rows.map((row) => {
          const { name, confidential } = label(row);
          return (
            <li key={row.id ?? "rest"} data-over={row.over > 0 ? "true" : undefined}>
              <span>
                {name ?? t("budgets.checks.rest")}
                {confidential ? <span className="muted">{t("budgets.checks.confidential")}</span> : null}
              </span>{SPACE}
              <span className={row.over > 0 ? "badge badge-danger" : "muted"}>
                {t("budgets.checks.row", { used: row.used, budget: row.budget })}
                {row.over > 0 ? t("budgets.checks.over", { over: row.over }) : ""}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** A share's name: the section's heading as the draft reads now (else the template's title), or the organisation. */
export function targetLabel(view: BudgetsView, headings: ReadonlyMap<string, string> | undefined, row: { kind: string; id: string | null }): { name: string | null; confidential: boolean } {
  if (row.id === null) return { name: null, confidential: false };
  if (row.kind === "section") return { name: headings?.get(row.id) ?? view.sections.find((s) => s.id === row.id)?.title ?? row.id, confidential: false };
  const organisation = view.organisations.find((o) => o.id === row.id);
  return { name: organisation?.label ?? row.id, confidential: organisation?.confidential ?? false };
}
