import { useId, useState } from "react";
import { useT } from "../i18n/i18n-provider";
import { Alert, Button } from "../components/ui";
import { say, type Said } from "../review/say";
import { postSignOff, type OrganisationSignOff, type SignOffState } from "./sign-off-api";

/**
 * The focal point's answer for their organisation: Approve, or Request changes with a comment
 * (required: the button stays disabled until there is one, and the server checks again).
 */
export function SignControls({ url, requestId, organisation, onSigned }: { url: string; requestId: string; organisation: OrganisationSignOff; onSigned: (state: SignOffState) => void }) {
  const { t, text } = useT();
  const ids = useId();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Said | null>(null);

  async function send(intent: "approve" | "request-changes") {
    setBusy(true);
    setError(null);
    const outcome = await postSignOff(url, { intent, requestId, organisationId: organisation.id, comment });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setComment("");
    onSigned(outcome.state);
  }

  return (
    <div className="sign-off-controls">
      <label className="field-label" htmlFor={`${ids}-comment`}>
        {t("signOff.sign.commentLabel", { organisation: organisation.name })}
      </label>
      <textarea id={`${ids}-comment`} className="input" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} disabled={busy} />
      <div className="form-actions">
        <Button type="button" size="sm" onClick={() => void send("approve")} busy={busy} disabled={busy}>
          {t("signOff.sign.approve")}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={() => void send("request-changes")} disabled={busy || comment.trim() === ""}>
          {t("signOff.sign.requestChanges")}
        </Button>
      </div>
      {error ? <Alert tone="error">{say(text, error)}</Alert> : null}
    </div>
  );
}
