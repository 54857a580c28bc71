import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { passwordProblem } from "../../core/accounts/password-policy";
import { message, type MessageId } from "../../core/i18n/message";
import { requireAnonymous, signInAndRedirect } from "../auth/auth.server";
import { AuthCard } from "../components/auth-card";
import { NewPasswordField } from "../components/sign-up-forms";
import { Alert, Card, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { ConfirmSignUpSchema } from "../schemas/sign-up";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.signup.metaTitle");

const PROBLEMS: Record<"unknown" | "expired" | "used" | "has_account", MessageId> = {
  unknown: "signup.confirm.unknown",
  expired: "signup.confirm.expired",
  used: "signup.confirm.used",
  has_account: "signup.confirm.hasAccount",
};

/**
 * The page a mailed sign-up link opens: the address is confirmed by holding the link, so only a
 * name and a password are asked. Only while open sign-up is on: an operator who closes it closes
 * the links already sent too.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const { registration } = context.services;
  if ((await registration.mode()) !== "open") return data({ problem: PROBLEMS.unknown, email: null }, { status: 404 });
  const found = await registration.describeConfirmation(params.token);
  if (found.state !== "valid") return data({ problem: PROBLEMS[found.state], email: null }, { status: found.state === "unknown" ? 404 : 410 });
  return data({ problem: null, email: found.email });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireAnonymous(request, context);
  const { registration } = context.services;
  const found = (await registration.mode()) === "open" ? await registration.describeConfirmation(params.token) : null;
  if (!found || found.state !== "valid") return invalid({ fieldErrors: {}, formError: message(PROBLEMS[found?.state ?? "unknown"]) }, 404);
  const parsed = parseForm(await request.formData(), ConfirmSignUpSchema);
  if (!parsed.ok) return invalid(parsed);
  const problem = passwordProblem(parsed.data.password, found.email);
  if (problem) return invalid({ fieldErrors: { password: [problem] } });
  const result = await registration.confirmSignUp({ token: params.token ?? "", ...parsed.data });
  if (!result.ok) return invalid({ fieldErrors: {}, formError: message(PROBLEMS[result.reason]) }, result.reason === "has_account" ? 409 : 404);
  return signInAndRedirect(request, context, result.userId, "/workspaces", { method: "sign-up", shared: false });
}

export default function ConfirmSignUp() {
  const { t } = useT();
  const { problem, email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (problem || !email) {
    return (
      <div className="narrow-page">
        <Card className="auth-card">
          <h1>{t("auth.signup.heading")}</h1>
          <Alert tone="error">{t(problem ?? PROBLEMS.unknown)}</Alert>
          <Link to="/login">{t("auth.signup.switchLabel")}</Link>
        </Card>
      </div>
    );
  }
  const errors = actionData?.fieldErrors ?? {};
  return (
    <AuthCard title={t("auth.signup.heading")} intro={t("signup.confirm.intro")} formError={actionData?.formError} submitLabel={t("auth.signup.submit")}>
      <TextField label={t("auth.field.name")} name="name" autoComplete="name" required errors={errors.name} />
      <TextField label={t("auth.field.email")} type="email" autoComplete="email" readOnly value={email} />
      <NewPasswordField errors={errors.password} />
    </AuthCard>
  );
}
