import { useMemo } from "react";
import { useT } from "../i18n/i18n-provider";
import { Alert } from "../components/ui";
import { say } from "../review/say";
import { signOffUrl, useSignOffState } from "./sign-off-api";
import { SignOffList } from "./sign-off-list";

export interface ExportSignOffProps {
  workspaceId: string;
  draftId: string;
  /** Changes each time the dialog opens or a submission is refused: the state is read again. */
  refreshKey: number;
  /** Owners: may mark as submitted without every organisation's approval (the route checks again). */
  canOverride: boolean;
  override: boolean;
  onOverride: (override: boolean) => void;
  disabled?: boolean;
}

/**
 * The Export dialog's sign-off part (issue 21): who has signed which version, and whether "Mark
 * as submitted" will pass: every co-submitting organisation must have approved the current text.
 * Owners may tick "Submit anyway", which is recorded with their name on the stored file. Nothing
 * of this goes into the exported file.
 */
export function ExportSignOff({ workspaceId, draftId, refreshKey, canOverride, override, onOverride, disabled }: ExportSignOffProps) {
  const { t, text } = useT();
  const url = useMemo(() => signOffUrl(workspaceId, draftId), [workspaceId, draftId]);
  const { load } = useSignOffState(url, refreshKey);
  if (load.status === "loading") return null;
  if (load.status === "failed") return <Alert tone="warning">{say(text, load.error)}</Alert>;
  const { state } = load;
  if (state.organisations.length === 0 || state.submitted) return null;
  return (
    <section className="export-sign-off" aria-labelledby="export-sign-off-title">
      <h3 id="export-sign-off-title">{t("signOff.export.title")}</h3>
      <SignOffList organisations={state.organisations} workspaceId={workspaceId} draftId={draftId} />
      {state.complete ? (
        <p className="small">{t("signOff.complete")}</p>
      ) : (
        <Alert tone="warning" title={t("signOff.export.incomplete")}>
          {canOverride ? (
            <label className="export-format">
              <input type="checkbox" checked={override} onChange={(e) => onOverride(e.target.checked)} disabled={disabled} /> {t("signOff.export.override")}
            </label>
          ) : (
            <p className="small">{t("signOff.export.ownerOnly")}</p>
          )}
        </Alert>
      )}
    </section>
  );
}
