import { useEffect, useId, useRef, useState } from "react";
import { BUDGET_KINDS, budgetTotals, type BudgetKind, type WordBudget } from "../../core/budgets/shares";
import type { MessageId } from "../../core/i18n/message";
import { Alert, Button } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import type { BudgetsView } from "../routes/workspaces.$workspaceId.drafts.$draftId_.budgets";
import { targetLabel } from "./budget-checks";
import type { BudgetsStore } from "./use-budgets";

/** Between a box or a name and what follows it. */
const SPACE = " ";

const KIND_TITLES: Record<BudgetKind, MessageId> = { section: "budgets.dialog.sections", organisation: "budgets.dialog.organisations" };
const key = (kind: BudgetKind, id: string) => `${kind}:${id}`;

/** The budgets a form's boxes say: empty boxes are no share; anything else is sent as typed, for the server to judge. */
function budgetsOf(values: Record<string, string>): WordBudget[] {
  return Object.entries(values).flatMap(([k, value]) => {
    if (value.trim() === "") return [];
    const [kind, ...id] = k.split(":");
    return [{ kind: kind as BudgetKind, id: id.join(":"), words: Number(value) }];
  });
}

/**
 * The coordinator's dialog: a box of words for each template section and each organisation, the
 * running total of each kind against the limit, and Save, which replaces every share at once (the
 * server checks the totals and targets again and answers why it refuses). A native modal dialog.
 */
export function BudgetDialog({ view, store, headings, onClose }: { view: BudgetsView; store: BudgetsStore; headings: ReadonlyMap<string, string> | undefined; onClose: () => void }) {
  const { t } = useT();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(view.budgets.map((b) => [key(b.kind, b.id), String(b.words)])));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  const limit = view.limit ?? 0;
  const totals = budgetTotals(budgetsOf(values).filter((b) => Number.isFinite(b.words)));
  const targets: Record<BudgetKind, string[]> = { section: view.sections.map((s) => s.id), organisation: view.organisations.map((o) => o.id) };

  async function save() {
    setBusy(true);
    setResult(null);
    const refusal = await store.save(budgetsOf(values)).catch(() => "");
    setBusy(false);
    setResult(refusal === null ? { tone: "success", text: t("budgets.dialog.saved") } : { tone: "error", text: refusal || t("budgets.dialog.failed") });
  }

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby={`${ids}-title`} onClose={onClose}>
      <div className="export-dialog-head">
        <h2 id={`${ids}-title`}>{t("budgets.dialog.title")}</h2>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => dialog.current?.close()}>
          {t("budgets.dialog.close")}
        </button>
      </div>
      <p className="small">{t("budgets.dialog.intro", { limit })}</p>
      {BUDGET_KINDS.map((kind) =>
        targets[kind].length === 0 ? null : (
          <fieldset key={kind} className="export-formats" disabled={busy}>
            <legend className="field-label">{t(KIND_TITLES[kind])}</legend>
            {targets[kind].map((id) => {
              const { name, confidential } = targetLabel(view, headings, { kind, id });
              const label = `${name ?? id}${confidential ? t("budgets.checks.confidential") : ""}`;
              return (
                <label key={id} className="export-format">
                  <input
                    type="number"
                    min={1}
                    max={limit}
                    step={1}
                    inputMode="numeric"
                    style={{ width: "7em" }}
                    aria-label={t("budgets.dialog.wordsFor", { target: label })}
                    value={values[key(kind, id)] ?? ""}
                    onChange={(event) => setValues((current) => ({ ...current, [key(kind, id)]: event.target.value }))}
                  />{SPACE}
                  {label}
                </label>
              );
            })}
            <p className="small muted" aria-live="polite">
              {totals[kind] > limit
                ? t("budgets.dialog.totalOver", { total: totals[kind], limit, over: totals[kind] - limit })
                : t("budgets.dialog.total", { total: totals[kind], limit, rest: limit - totals[kind] })}
            </p>
          </fieldset>
        ),
      )}
      <div className="form-actions">
        <Button type="button" onClick={() => void save()} busy={busy} disabled={busy}>
          {t("budgets.dialog.save")}
        </Button>
      </div>
      {result ? <Alert tone={result.tone}>{result.text}</Alert> : null}
    </dialog>
  );
}
