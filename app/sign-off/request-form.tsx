import { useId, useState } from "react";
import { useT } from "../i18n/i18n-provider";
import { Alert, Button } from "../components/ui";
import { say, type Said } from "../review/say";
import { postSignOff, type SignOffState } from "./sign-off-api";

const NAME_NOW = "";

/**
 * The coordinator's "Ask for sign-off": one of the named versions, or the current state named
 * here; an optional message. A new request supersedes the one before.
 */
export function RequestForm({ url, namedVersions, onRequested }: { url: string; namedVersions: SignOffState["namedVersions"]; onRequested: (state: SignOffState) => void }) {
  const { t, date, text } = useT();
  const ids = useId();
  const [versionId, setVersionId] = useState(namedVersions[0]?.id ?? NAME_NOW);
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Said | null>(null);
  const naming = versionId === NAME_NOW;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const outcome = await postSignOff(url, { intent: "request", ...(naming ? { name } : { versionId }), message: note });
    setBusy(false);
    if (!outcome.ok) return setError(outcome.error);
    setNote("");
    setName("");
    onRequested(outcome.state);
  }

  return (
    <form className="sign-off-request" onSubmit={(e) => void submit(e)} aria-labelledby={`${ids}-title`}>
      <h3 id={`${ids}-title`}>{t("signOff.request.title")}</h3>
      <label className="field-label" htmlFor={`${ids}-version`}>
        {t("signOff.request.version")}
      </label>
      <select id={`${ids}-version`} className="input" value={versionId} onChange={(e) => setVersionId(e.target.value)} disabled={busy}>
        {namedVersions.map((v) => (
          <option key={v.id} value={v.id}>
            {t("signOff.request.versionOption", { name: v.name, when: date(v.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
          </option>
        ))}
        <option value={NAME_NOW}>{t("signOff.request.nameNow")}</option>
      </select>
      {naming ? (
        <>
          <label className="field-label" htmlFor={`${ids}-name`}>
            {t("signOff.request.name")}
          </label>
          <input id={`${ids}-name`} className="input" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required disabled={busy} />
        </>
      ) : null}
      <label className="field-label" htmlFor={`${ids}-message`}>
        {t("signOff.request.message")}
      </label>
      <textarea id={`${ids}-message`} className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} disabled={busy} />
      <div className="form-actions">
        <Button type="submit" size="sm" busy={busy} disabled={busy || (naming && name.trim() === "")}>
          {t("signOff.request.submit")}
        </Button>
      </div>
      {error ? <Alert tone="error">{say(text, error)}</Alert> : null}
    </form>
  );
}
