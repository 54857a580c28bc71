import { useFetcher } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ROLE_LABELS } from "../../core/policies";
import type { DraftStatus } from "../../db/schema";
import type { DraftStatusControlData } from "../../server/review/status";
import { STATUS_LABELS } from "./draft-status";
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
  const fetcher = useFetcher<StatusResult>();
  const [choice, setChoice] = useState<DraftStatus>(status);
  // Someone else may change the status (the page revalidates on their event): follow it.
  useEffect(() => setChoice(status), [status]);
  const assigned = candidates.filter((c) => reviewerIds.includes(c.id));

  if (!canChange || status === "submitted") {
    return (
      <div className="status-control">
        <Badge tone={status === "in_review" ? "accent" : "neutral"}>{STATUS_LABELS[status]}</Badge>
        {status === "in_review" && assigned.length > 0 ? (
          <span className="small muted"> Reviewers: {assigned.map((r) => r.name).join(", ")}</span>
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
          Status
        </label>
        <select id={`status-${draftId}`} className="input" name="status" value={choice} onChange={(e) => setChoice(e.target.value as DraftStatus)}>
          <option value="drafting">{STATUS_LABELS.drafting}</option>
          <option value="in_review">{STATUS_LABELS.in_review}</option>
        </select>
      </div>
      {choice === "in_review" ? (
        <fieldset className="reviewer-choice">
          <legend className="field-label">Reviewers</legend>
          {candidates.length === 0 ? <p className="small muted">Nobody in this workspace can review yet: invite a reviewer first.</p> : null}
          {candidates.map((c) => (
            <CheckboxField key={c.id} name="reviewerIds" value={c.id} defaultChecked={reviewerIds.includes(c.id)} label={c.name} description={ROLE_LABELS[c.role]} />
          ))}
        </fieldset>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="form-actions">
        <Button type="submit" size="sm" busy={busy}>
          {choice === "in_review" && status !== "in_review" ? "Send for review" : "Save status"}
        </Button>
      </div>
    </fetcher.Form>
  );
}
