import { Form } from "@remix-run/react";
import type { Message } from "../../core/i18n/message";
import { Alert, Button, Card, TextField } from "../components/ui";
import { useT } from "../i18n/i18n-provider";

/** Recovery codes left and a new set; turning everything off, which asks for the password. */
export function RecoveryAndTurnOffCard({ codesLeft, requiredBy, errors }: { codesLeft: number; requiredBy: string[]; errors?: Message[] }) {
  const { t, list } = useT();
  return (
    <Card aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t("twoStep.recovery.heading")}</h2>
      <p className="muted">{t("twoStep.recovery.left", { count: codesLeft })}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="regenerate-codes" />
        <Button type="submit" variant="secondary">
          {t("twoStep.recovery.regenerate")}
        </Button>
      </Form>
      <h2 id="turn-off-heading">{t("twoStep.turnOff.heading")}</h2>
      {requiredBy.length > 0 ? (
        <Alert tone="info">{t("twoStep.turnOff.required", { workspaces: list(requiredBy) })}</Alert>
      ) : (
        <Form method="post" className="form" noValidate aria-labelledby="turn-off-heading">
          <input type="hidden" name="intent" value="turn-off" />
          <TextField label={t("twoStep.turnOff.password")} name="password" type="password" autoComplete="current-password" errors={errors} />
          <div className="form-actions">
            <Button type="submit" variant="danger">
              {t("twoStep.turnOff.submit")}
            </Button>
          </div>
        </Form>
      )}
    </Card>
  );
}
