import { Form } from "@remix-run/react";
import type { Message } from "../../core/i18n/message";
import { Badge, Button, Card, TextField } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { QrCode } from "../two-step/qr-code";

interface Props {
  enabled: boolean;
  /** The key waiting for its first code; null once the app is on. */
  setup: { secret: string; uri: string } | null;
  errors?: Message[];
  busy: boolean;
}

/** The authenticator app: scan (or type) the key, then prove it with a first code. */
export function AuthenticatorCard({ enabled, setup, errors, busy }: Props) {
  const { t } = useT();
  return (
    <Card aria-labelledby="authenticator-heading">
      <h2 id="authenticator-heading">
        {t("twoStep.app.heading")} {enabled ? <Badge tone="accent">{t("twoStep.status.on")}</Badge> : null}
      </h2>
      {enabled || !setup ? (
        <p className="muted">{t("twoStep.app.enabledBody")}</p>
      ) : (
        <>
          <p className="muted">{t("twoStep.app.setupBody")}</p>
          <QrCode text={setup.uri} label={t("twoStep.app.qrLabel")} />
          <p>
            {t("twoStep.app.manualEntry")} <code className="mono" data-testid="totp-secret">{setup.secret}</code>
          </p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="confirm-totp" />
            <TextField label={t("twoStep.app.confirmLabel")} name="code" inputMode="numeric" autoComplete="one-time-code" errors={errors} />
            <div className="form-actions">
              <Button type="submit" busy={busy}>
                {t("twoStep.app.confirm")}
              </Button>
            </div>
          </Form>
        </>
      )}
    </Card>
  );
}
