import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Message } from "../../core/i18n/message";
import { Alert, Button } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { askForPasskey, postPasskeyRoute } from "./passkey-client";

/**
 * "Use a passkey" as the second step: the prompt's options come for this pending sign-in's
 * person, and the passkey's answer goes to the page's own action, which signs in.
 */
export function SecondStepPasskeyButton({ primary }: { primary: boolean }) {
  const { t, text } = useT();
  const submit = useSubmit();
  const [supported, setSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (!supported) return null;

  async function proveWithPasskey() {
    setBusy(true);
    setError(null);
    const opened = await postPasskeyRoute("/login/passkey", { intent: "options", mode: "second-step" });
    const answer = opened.ok ? await askForPasskey(opened.options) : opened;
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    submit({ intent: "passkey", response: answer.json }, { method: "post" });
  }

  return (
    <div className="passkey-sign-in">
      {error ? <Alert tone="error">{text(error)}</Alert> : null}
      <Button type="button" variant={primary ? "primary" : "secondary"} busy={busy} onClick={() => void proveWithPasskey()}>
        {t("twoStep.signIn.usePasskey")}
      </Button>
    </div>
  );
}
