import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { message } from "../../core/i18n/message";
import { requireAnonymous, signInAndRedirect } from "../auth/auth.server";
import { Alert, Button, Card, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { SecondStepSchema } from "../schemas/two-step";
import { clearedChallengeCookie, publicOrigin, readChallengeToken } from "../two-step/challenge-cookie.server";
import { SecondStepPasskeyButton } from "../two-step/second-step-passkey";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "twoStep.signIn.metaTitle");

/** Without a live pending sign-in (none, used, or older than ten minutes) there is nothing to finish: back to the password. */
function backToSignIn(request: Request, context: LoaderFunctionArgs["context"]) {
  return redirect("/login", { headers: { "Set-Cookie": clearedChallengeCookie(request, context) } });
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const token = readChallengeToken(request);
  const ways = token ? await context.services.twoStep.pendingSecondStep(token) : null;
  if (!ways) throw backToSignIn(request, context);
  return ways;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const token = readChallengeToken(request);
  if (!token) return backToSignIn(request, context);
  const parsed = parseForm(await request.formData(), SecondStepSchema);
  if (!parsed.ok) return invalid(parsed);
  const step =
    parsed.data.intent === "passkey"
      ? { kind: "passkey" as const, response: parsed.data.response as unknown as AuthenticationResponseJSON }
      : { kind: parsed.data.intent, code: parsed.data.code };
  const outcome = await context.services.twoStep.completeSecondStep(token, step, publicOrigin(request, context));
  if (outcome.ok) {
    const response = await signInAndRedirect(request, context, outcome.userId, outcome.redirectTo, { method: outcome.method, shared: outcome.shared });
    response.headers.append("Set-Cookie", clearedChallengeCookie(request, context));
    return response;
  }
  const intent = parsed.data.intent;
  if (outcome.reason === "expired") return invalid({ intent, fieldErrors: {}, formError: message("twoStep.signIn.expired") }, 410);
  if (outcome.reason === "rate-limited") {
    return invalid({ intent, fieldErrors: {}, formError: message("twoStep.code.rateLimited", { minutes: Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000)) }) }, 429);
  }
  const wrong = intent === "passkey" ? message("twoStep.passkey.notRecognised") : message(intent === "totp" ? "twoStep.code.wrong" : "twoStep.recovery.wrong");
  return invalid({ intent, fieldErrors: intent === "passkey" ? {} : { code: [wrong] }, formError: intent === "passkey" ? wrong : undefined }, 401);
}

export default function SecondStep() {
  const { t, text } = useT();
  const ways = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = (intent: string) => navigation.formData?.get("intent") === intent;
  const errorsFor = (intent: string) => (failure?.intent === intent ? failure.fieldErrors.code : undefined);
  return (
    <div className="narrow-page">
      <Card className="auth-card">
        <h1>{t("twoStep.signIn.heading")}</h1>
        {failure?.formError ? <Alert tone="error">{text(failure.formError)}</Alert> : null}
        {ways.totp ? (
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="totp" />
            <TextField
              label={t("twoStep.signIn.codeLabel")}
              description={t("twoStep.signIn.codeHint")}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              autoFocus
              errors={errorsFor("totp")}
            />
            <Button type="submit" busy={busy("totp")}>
              {t("twoStep.signIn.verify")}
            </Button>
          </Form>
        ) : null}
        {ways.passkey ? <SecondStepPasskeyButton primary={!ways.totp} /> : null}
        {ways.recoveryCodes ? (
          <details className="recovery-sign-in" open={failure?.intent === "recovery-code"}>
            <summary>{t("twoStep.signIn.useRecoveryCode")}</summary>
            <Form method="post" className="form" noValidate>
              <input type="hidden" name="intent" value="recovery-code" />
              <TextField label={t("twoStep.signIn.recoveryLabel")} name="code" autoComplete="off" spellCheck={false} errors={errorsFor("recovery-code")} />
              <Button type="submit" variant="secondary" busy={busy("recovery-code")}>
                {t("twoStep.signIn.verify")}
              </Button>
            </Form>
          </details>
        ) : null}
        <p className="auth-switch">
          <Link to="/login">{t("twoStep.signIn.startAgain")}</Link>
        </p>
      </Card>
    </div>
  );
}
