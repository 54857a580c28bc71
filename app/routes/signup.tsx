import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useSearchParams } from "@remix-run/react";
import { PASSWORD_MIN_LENGTH } from "../../core/accounts/password-policy";
import { requireAnonymous, safeRedirect, signInAndRedirect } from "../auth/auth.server";
import { AuthCard } from "../components/auth-card";
import { TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { SignupSchema } from "../schemas/account";

export const meta: MetaFunction = () => [{ title: "Create an account · Caucus" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), SignupSchema);
  if (!parsed.ok) return invalid(parsed);
  const user = await context.services.auth.register(parsed.data);
  if (!user) {
    return invalid({ fieldErrors: { email: ["An account with this email already exists. Sign in instead."] } }, 409);
  }
  return signInAndRedirect(request, context, user.id, safeRedirect(parsed.data.redirectTo));
}

export default function Signup() {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = actionData?.fieldErrors ?? {};
  return (
    <AuthCard
      title="Create your account"
      intro="You will create a coalition workspace next, or join one you were invited to."
      formError={actionData?.formError}
      submitLabel="Create account"
      switchPrompt="Already have an account?"
      switchLabel="Sign in"
      switchTo="/login"
    >
      <TextField label="Your name" name="name" autoComplete="name" required errors={errors.name} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={params.get("email") ?? undefined}
        errors={errors.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        description={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words work well.`}
        errors={errors.password}
      />
    </AuthCard>
  );
}
