import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { PASSWORD_MIN_LENGTH } from "../../core/accounts/password-policy";
import { requireSession, signedOutHeaders, signInAndRedirect } from "../auth/auth.server";
import { Alert, Button, Card, PageHeader, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { ChangePasswordSchema } from "../schemas/account";
import { TwoStepSection } from "../account/two-step-section";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { LanguageSettings } from "../i18n/language-settings";
import { useT } from "../i18n/i18n-provider";
import { DevicesSection } from "../account/devices-section";
import { loadDevices } from "../account/devices.server";
import { pageMeta } from "../i18n/meta";
import { message } from "../../core/i18n/message";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.account.metaTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await requireSession(request, context);
  const { user } = session;
  const search = new URL(request.url).searchParams;
  const changed = search.get("changed") === "password";
  return {
    user,
    changed,
    devices: await loadDevices(context, session),
    deviceEnded: search.get("ended") === "device",
    twoStepOn: await context.services.twoStep.hasSecondStep(user.id),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, context);
  const formData = await request.formData();

  if (formData.get("intent") === "sign-out-everywhere") {
    await context.services.auth.endAllSessions(session.user.id);
    return redirect("/login", { headers: signedOutHeaders(request, context) });
  }

  const parsed = parseForm(formData, ChangePasswordSchema);
  if (!parsed.ok) return invalid(parsed);
  // A changed password ends every session, including ones an attacker may hold; this device gets a new one.
  const changed = await context.services.auth.changePassword(session.user.id, parsed.data);
  if (!changed.ok && changed.reason === "rate_limited") {
    return invalid({ fieldErrors: { currentPassword: [message("common.limits.tooMany", { minutes: Math.max(1, Math.ceil(changed.retryAfterMs / 60_000)) })] } }, 429);
  }
  if (!changed.ok) return invalid({ fieldErrors: { currentPassword: [message("auth.password.wrongCurrent")] } });
  return signInAndRedirect(request, context, session.user.id, "/account?changed=password", { method: "password", shared: session.shared, sameDevice: true });
}

export default function Account() {
  const { t } = useT();
  const { user, changed, devices, deviceEnded, twoStepOn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <PageHeader title={t("auth.account.heading")} description={t("auth.account.signedInAs", { name: user.name, email: user.email })} />
      {changed ? (
        <Alert tone="success" title={t("auth.account.passwordChanged")}>
          {t("auth.account.passwordChangedBody")}
        </Alert>
      ) : null}
      <div className="grid grid-2">
        <Card aria-labelledby="password-heading">
          <h2 id="password-heading">{t("auth.account.changePassword")}</h2>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="change-password" />
            <TextField label={t("auth.account.currentPassword")} name="currentPassword" type="password" autoComplete="current-password" errors={errors.currentPassword} />
            <TextField
              label={t("auth.account.newPassword")}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              description={t("auth.account.newPasswordHint", { min: PASSWORD_MIN_LENGTH })}
              errors={errors.newPassword}
            />
            <TextField label={t("auth.account.repeatPassword")} name="confirmPassword" type="password" autoComplete="new-password" errors={errors.confirmPassword} />
            <div className="form-actions">
              <Button type="submit" busy={busy}>
                {t("auth.account.changePassword")}
              </Button>
            </div>
          </Form>
        </Card>
        <DevicesSection devices={devices} ended={deviceEnded} />
        <TwoStepSection on={twoStepOn} />
        <LanguageSettings numerals={user.numerals} />
      </div>
    </>
  );
}

/** A failure of this page shows in place of the page, inside the app's frame. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
