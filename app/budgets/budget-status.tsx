import { useParams } from "@remix-run/react";
import type { Editor } from "@tiptap/react";
import { sharesOver } from "../../core/budgets/shares";
import { useT } from "../i18n/i18n-provider";
import { useBudgets } from "./use-budgets";
import { useLiveShares } from "./use-live-shares";

/**
 * The status bar's part of the word budgets: the reader's organisation against its share, live
 * ("Your organisation is 40 words over its share" once it is), and how many other shares are
 * over. Nothing while no budget is set.
 */
export function BudgetStatus({ editor }: { editor: Editor }) {
  const { t, date } = useT();
  const { workspaceId, draftId } = useParams();
  const { state, store } = useBudgets(workspaceId, draftId);
  const shares = useLiveShares(editor, state.view, store);
  if (!shares || !state.view) return null;
  const yours = state.view.yourOrganisation;
  const own = yours ? shares.organisations.find((row) => row.id === yours) : undefined;
  const others = sharesOver([...shares.organisations, ...shares.sections]).filter((row) => row !== own).length;
  if (!own && others === 0) return null;
  return (
    <span className="budget-status" data-testid="budget-status">
      {/* Crossing one's own share is said once to a screen reader, not every keystroke's count. */}
      <span className="sr-only" aria-live="polite">
        {own && own.over > 0 ? t("budgets.bar.yourOver", { over: own.over }) : ""}
      </span>
      {own ? (
        own.over > 0 ? (
          <strong className="badge badge-danger" aria-hidden="true">{t("budgets.bar.yourOver", { over: own.over })}</strong>
        ) : (
          <span>{t("budgets.bar.yours", { used: own.used, budget: own.budget })}</span>
        )
      ) : null}
      {others > 0 ? <span className="badge badge-warning">{t("budgets.bar.othersOver", { count: others })}</span> : null}
      {shares.pending > 0 ? <span className="muted small">{t("budgets.bar.pending")}</span> : null}
      {shares.source === "stored" ? <span className="muted small">{t("budgets.checks.stored", { time: date(state.view.stored.readAt, { hour: "2-digit", minute: "2-digit" }) })}</span> : null}
    </span>
  );
}
