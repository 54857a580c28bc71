import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useState, type MouseEvent } from "react";
import type { Message } from "../../core/i18n/message";
import { Alert, Button } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { askForPasskey, postPasskeyRoute } from "./passkey-client";

/**
 * "Sign in with a passkey" on the sign-in form: no e-mail, no password; the passkey says whose it
 * is. It reads "shared computer" and where to go next from the form it sits in. Shown only where
 * the browser can use passkeys (after hydration: the server cannot know).
 */
export function PasskeySignInButton() {
  const { t, text } = useT();
  const [supported, setSupported] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Message | null>(null);
  useEffect(() => setSupported(browserSupportsWebAuthn()), []);
  if (!supported) return null;

  async function signIn(event: MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    setBusy(true);
    setError(null);
    const field = (name: string) => form?.elements.namedItem(name) as HTMLInputElement | null;
    const fields = { intent: "options", mode: "passkey-only", redirectTo: field("redirectTo")?.value ?? "", shared: field("shared")?.checked ? "on" : "" };
    const opened = await postPasskeyRoute("/login/passkey", fields);
    const answer = opened.ok ? await askForPasskey(opened.options) : opened;
    const verified = answer.ok ? await postPasskeyRoute("/login/passkey", { intent: "verify", response: answer.json }) : answer;
    if (verified.ok) {
      // A full load: the new session cookie is in place and every loader reads it.
      window.location.assign(verified.redirectTo ?? "/workspaces");
      return;
    }
    setError(verified.error);
    setBusy(false);
  }

  return (
    <div className="passkey-sign-in">
      {error ? <Alert tone="error">{text(error)}</Alert> : null}
      <Button type="button" variant="secondary" busy={busy} onClick={(event) => void signIn(event)}>
        {t("twoStep.passkey.signIn")}
      </Button>
    </div>
  );
}
