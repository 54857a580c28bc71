import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { message } from "../../core/i18n/message";
import { requireAnonymous, safeRedirect, signInAndRedirect } from "../auth/auth.server";
import { AuthCard } from "../components/auth-card";
import { CheckboxField, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { LoginSchema } from "../schemas/account";
import { challengeCookie } from "../two-step/challenge-cookie.server";
import { PasskeySignInButton } from "../two-step/passkey-sign-in";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.login.metaTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  // "Create an account" only where one can be: open sign-up, or a fresh install's first account.
  return { canSignUp: (await context.services.registration.mode()) !== "invitation" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), LoginSchema);
  if (!parsed.ok) return invalid(parsed);
  const result = await context.services.auth.attemptLogin({ ...parsed.data, clientIp: context.clientIp });
  if (!result.ok) {
    return result.reason === "rate_limited"
      ? invalid({ fieldErrors: {}, formError: message("auth.login.rateLimited", { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) }) }, 429)
      : // One message for unknown email and wrong password: the form must not confirm who has an account.
        invalid({ fieldErrors: {}, formError: message("auth.login.mismatch") }, 401);
  }
  const to = safeRedirect(parsed.data.redirectTo);
  // A person with a second step is not signed in yet: a pending sign-in waits for it (issue 22).
  const pending = await context.services.twoStep.beginSecondStep(result.userId, { shared: parsed.data.shared, redirectTo: to });
  if (pending) return redirect("/login/two-step", { headers: { "Set-Cookie": challengeCookie(request, context, pending.token, pending.expiresAt) } });
  return signInAndRedirect(request, context, result.userId, to, { method: "password", shared: parsed.data.shared });
}

export default function Login() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  const { canSignUp } = useLoaderData<typeof loader>();
  const errors = actionData?.fieldErrors ?? {};
  const toSignUp = canSignUp ? ({ switchPrompt: t("auth.login.switchPrompt"), switchLabel: t("auth.login.switchLabel"), switchTo: "/signup" } as const) : {};
  return (
    <AuthCard
      title={t("auth.login.heading")}
      formError={actionData?.formError}
      submitLabel={t("auth.login.submit")}
      {...toSignUp}
    >
      <TextField label={t("auth.field.email")} name="email" type="email" autoComplete="email" required errors={errors.email} />
      <TextField label={t("auth.field.password")} name="password" type="password" autoComplete="current-password" required errors={errors.password} />
      <CheckboxField label={t("auth.login.sharedComputer")} description={t("auth.login.sharedComputerHint")} name="shared" />
      <PasskeySignInButton />
    </AuthCard>
  );
}
