import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { Form, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Message } from "../../core/i18n/message";
import { Alert, Button, Card, TextField } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { makePasskey, postPasskeyRoute } from "../two-step/passkey-client";

export interface PasskeyItem {
  id: string;
  name: string;
  createdAt: string | Date;
  lastUsedAt: string | Date | null;
}

/** The person's passkeys, by the names they gave, each with Remove; and a new one. */
export function PasskeysCard({ passkeys, error }: { passkeys: PasskeyItem[]; error?: Message }) {
  const { t, text, date } = useT();
  return (
    <Card aria-labelledby="passkeys-heading">
      <h2 id="passkeys-heading">{t("twoStep.passkeys.heading")}</h2>
      <p className="muted">{t("twoStep.passkeys.body")}</p>
      {error ? <Alert tone="error">{text(error)}</Alert> : null}
      {passkeys.length > 0 ? (
        <ul className="passkey-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id}>
              <strong>{passkey.name || t("twoStep.passkeys.unnamed")}</strong>
              <span className="muted passkey-when">
                {passkey.lastUsedAt
                  ? t("twoStep.passkeys.lastUsed", { date: date(new Date(passkey.lastUsedAt)) })
                  : t("twoStep.passkeys.added", { date: date(new Date(passkey.createdAt)) })}
              </span>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove-passkey" />
                <input type="hidden" name="passkeyId" value={passkey.id} />
                <Button type="submit" variant="secondary" size="sm" aria-label={t("twoStep.passkeys.removeNamed", { name: passkey.name || t("twoStep.passkeys.unnamed") })}>
                  {t("twoStep.passkeys.remove")}
                </Button>
              </Form>
            </li>
          ))}
        </ul>
      ) : null}
      <AddPasskey />
    </Card>
  );
}

/** Asks the browser to make a passkey for this account, then hands its answer to the page's action. */
function AddPasskey() {
  const { t, text } = useT();
  const submit = useSubmit();
  const [supported, setSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [name, setName] = useState("");
  const [error, setError] = useState<Message | null>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (!supported) return <p className="muted">{t("twoStep.passkeys.unsupported")}</p>;

  async function add() {
    setBusy(true);
    setError(null);
    const opened = await postPasskeyRoute("/account/two-step/passkey", {});
    const made = opened.ok ? await makePasskey(opened.options) : opened;
    setBusy(false);
    if (!made.ok) return setError(made.error);
    submit({ intent: "add-passkey", token: opened.ok ? (opened.token ?? "") : "", name, response: made.json }, { method: "post" });
  }

  return (
    <div className="form">
      {error ? <Alert tone="error">{text(error)}</Alert> : null}
      <TextField label={t("twoStep.passkeys.nameLabel")} description={t("twoStep.passkeys.nameHint")} value={name} maxLength={60} onChange={(e) => setName(e.currentTarget.value)} />
      <div className="form-actions">
        <Button type="button" busy={busy} onClick={() => void add()}>
          {t("twoStep.passkeys.add")}
        </Button>
      </div>
    </div>
  );
}
