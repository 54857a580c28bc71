import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { requireAnonymous, safeRedirect, signInAndRedirect } from "../auth/auth.server";
import { AuthCard } from "../components/auth-card";
import { TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { LoginSchema } from "../schemas/account";

export const meta: MetaFunction = () => [{ title: "Sign in · Caucus" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), LoginSchema);
  if (!parsed.ok) return invalid(parsed);
  const result = await context.services.auth.attemptLogin({ ...parsed.data, clientIp: context.clientIp });
  if (!result.ok) {
    return result.reason === "rate_limited"
      ? invalid({ fieldErrors: {}, formError: "Too many attempts. Wait 15 minutes, then try again." }, 429)
      : // One message for unknown email and wrong password: the form must not confirm who has an account.
        invalid({ fieldErrors: {}, formError: "That email and password do not match an account." }, 401);
  }
  return signInAndRedirect(request, context, result.userId, safeRedirect(parsed.data.redirectTo));
}

export default function Login() {
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <AuthCard
      title="Sign in"
      formError={actionData?.formError}
      submitLabel="Sign in"
      switchPrompt="New to Caucus?"
      switchLabel="Create an account"
      switchTo="/signup"
    >
      <TextField label="Email" name="email" type="email" autoComplete="email" required errors={errors.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors.password} />
    </AuthCard>
  );
}
