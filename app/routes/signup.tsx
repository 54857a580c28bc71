import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { PASSWORD_MIN_LENGTH } from "../../core/accounts/password-policy";
import { message } from "../../core/i18n/message";
import { requireAnonymous, safeRedirect, signInAndRedirect } from "../auth/auth.server";
import { AuthCard } from "../components/auth-card";
import { TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { SignupSchema } from "../schemas/account";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.signup.metaTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), SignupSchema);
  if (!parsed.ok) return invalid(parsed);
  const user = await context.services.auth.register({ ...parsed.data, clientIp: context.clientIp });
  if (!user) {
    return invalid({ fieldErrors: { email: [message("auth.signup.emailTaken")] } }, 409);
  }
  return signInAndRedirect(request, context, user.id, safeRedirect(parsed.data.redirectTo), { method: "sign-up", shared: false });
}

export default function Signup() {
  const { t } = useT();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <AuthCard
      title={t("auth.signup.heading")}
      intro={t("auth.signup.intro")}
      formError={actionData?.formError}
      submitLabel={t("auth.signup.submit")}
      switchPrompt={t("auth.signup.switchPrompt")}
      switchLabel={t("auth.signup.switchLabel")}
      switchTo="/login"
    >
      <TextField label={t("auth.field.name")} name="name" autoComplete="name" required errors={errors.name} />
      <TextField
        label={t("auth.field.email")}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={params.get("email") ?? undefined}
        errors={errors.email}
      />
      <TextField
        label={t("auth.field.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        description={t("auth.signup.passwordHint", { min: PASSWORD_MIN_LENGTH })}
        errors={errors.password}
      />
    </AuthCard>
  );
}
