import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { DraftStatus } from "../../db/schema";
import type { DraftStatusControlData } from "../../server/review/status";
import { STATUS_MESSAGES } from "./draft-status";
import { useT } from "../i18n/i18n-provider";
import { Alert, Badge, Button, CheckboxField } from "./ui";

/** What the draft page's loader hands the control (server/review/status.ts builds it). */
export type DraftStatusControlProps = DraftStatusControlData;

/** What the status route answers (kept here so the component needs nothing from the server). */
type StatusResult = { ok: true; status: DraftStatus } | { ok: false; error: string };

/**
 * The draft's status: a badge for those who cannot change it; for owners and editors, a form
 * that moves it between drafting and in review and chooses who reviews.
 */
export function DraftStatusControl({ workspaceId, draftId, status, candidates, reviewerIds, canChange }: DraftStatusControlProps) {
  const { t, list } = useT();
  const fetcher = useFetcher<StatusResult>();
  const [choice, setChoice] = useState<DraftStatus>(status);
  // Someone else may change the status (the page revalidates on their event): follow it.
  useEffect(() => setChoice(status), [status]);
  const assigned = candidates.filter((c) => reviewerIds.includes(c.id));

  if (!canChange || status === "submitted") {
    return (
      <div className="status-control">
        <Badge tone={status === "in_review" ? "accent" : "neutral"}>{t(STATUS_MESSAGES[status])}</Badge>
        {status === "in_review" && assigned.length > 0 ? (
          <span className="small muted"> {t("editor.status.reviewersNamed", { names: list(assigned.map((r) => r.name)) })}</span>
        ) : null}
      </div>
    );
  }

  const busy = fetcher.state !== "idle";
  const error = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data.error : null;
  return (
    <fetcher.Form method="post" action={`/workspaces/${workspaceId}/drafts/${draftId}/status`} className="status-control form">
      <input type="hidden" name="intent" value="set-status" />
      <div className="field">
        <label className="field-label" htmlFor={`status-${draftId}`}>
          {t("editor.status.label")}
        </label>
        <select id={`status-${draftId}`} className="input" name="status" value={choice} onChange={(e) => setChoice(e.target.value as DraftStatus)}>
          <option value="drafting">{t(STATUS_MESSAGES.drafting)}</option>
          <option value="in_review">{t(STATUS_MESSAGES.in_review)}</option>
        </select>
      </div>
      {choice === "in_review" ? (
        <fieldset className="reviewer-choice">
          <legend className="field-label">{t("editor.status.reviewers")}</legend>
          {candidates.length === 0 ? <p className="small muted">{t("editor.status.noCandidates")}</p> : null}
          {candidates.map((c) => (
            <CheckboxField key={c.id} name="reviewerIds" value={c.id} defaultChecked={reviewerIds.includes(c.id)} label={c.name} description={t("editor.status.role", { role: c.role })} />
          ))}
        </fieldset>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="form-actions">
        <Button type="submit" size="sm" busy={busy}>
          {choice === "in_review" && status !== "in_review" ? t("editor.status.send") : t("editor.status.save")}
        </Button>
      </div>
    </fetcher.Form>
  );
}
