import { Form, Link } from "@remix-run/react";
import { Alert, Button, Card, CheckboxField } from "../components/ui";
import { useT } from "../i18n/i18n-provider";

/** The owner's switch in workspace settings: two-step sign-in for everyone before any draft opens. */
export function WorkspaceTwoStepCard({ required, saved, busy }: { required: boolean; saved: boolean; busy: boolean }) {
  const { t } = useT();
  return (
    <Card aria-labelledby="two-step-requirement-heading">
      <h2 id="two-step-requirement-heading">{t("twoStep.workspace.heading")}</h2>
      <p className="muted">{t("twoStep.workspace.body")}</p>
      {saved ? <Alert tone="success">{t("twoStep.workspace.saved")}</Alert> : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value="require-two-step" />
        <CheckboxField label={t("twoStep.workspace.require")} name="required" defaultChecked={required} />
        <div className="form-actions">
          <Button type="submit" busy={busy}>
            {t("twoStep.workspace.save")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

/** On the workspace's pages: the requirement, and what the reader has to do about it. */
export function TwoStepRequiredBanner({ hasTwoStep }: { hasTwoStep: boolean }) {
  const { t } = useT();
  return (
    <Alert tone={hasTwoStep ? "info" : "warning"} title={t("twoStep.workspace.banner")}>
      {hasTwoStep ? (
        t("twoStep.workspace.bannerDone")
      ) : (
        <>
          {t("twoStep.workspace.bannerTodo")}{" "}
          <Link to="/account/two-step">{t("twoStep.section.setUp")}</Link>
        </>
      )}
    </Alert>
  );
}
