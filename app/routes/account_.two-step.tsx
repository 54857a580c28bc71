import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { message } from "../../core/i18n/message";
import { AuthenticatorCard } from "../account/two-step-authenticator";
import { PasskeysCard } from "../account/two-step-passkeys";
import { RecoveryCodesOnce } from "../account/two-step-recovery-codes";
import { RecoveryAndTurnOffCard } from "../account/two-step-turn-off";
import { requireSession, safeRedirect } from "../auth/auth.server";
import { Alert, PageHeader } from "../components/ui";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { invalid, parseForm } from "../forms.server";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import { TwoStepSettingsSchema } from "../schemas/two-step";
import { publicOrigin } from "../two-step/challenge-cookie.server";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "twoStep.settings.metaTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = await requireSession(request, context);
  const url = new URL(request.url);
  const status = await context.services.twoStep.status(user.id);
  const setup = status.totpEnabled ? null : await context.services.twoStep.totpSetup(user);
  // Sent here by a workspace that requires two-step sign-in: name it (only one of this person's), and the way back.
  const requiredBy = status.requiredBy.find((w) => w.id === url.searchParams.get("required")) ?? null;
  const back = url.searchParams.has("back") ? safeRedirect(url.searchParams.get("back")) : null;
  const { requiredBy: all, ...rest } = status;
  return { status: { ...rest, requiredBy: all.map((w) => w.name) }, setup, asking: requiredBy?.name ?? null, back };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user } = await requireSession(request, context);
  const parsed = parseForm(await request.formData(), TwoStepSettingsSchema);
  if (!parsed.ok) return invalid(parsed);
  const twoStep = context.services.twoStep;
  const intent = parsed.data.intent;
  switch (parsed.data.intent) {
    case "confirm-totp": {
      const outcome = await twoStep.confirmTotp(user.id, parsed.data.code);
      if (outcome.ok) return data({ ok: true as const, intent, recoveryCodes: outcome.recoveryCodes ?? null });
      if (outcome.reason === "rate-limited") {
        return invalid({ intent, fieldErrors: { code: [message("twoStep.code.rateLimited", { minutes: Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000)) })] } }, 429);
      }
      return invalid({ intent, fieldErrors: { code: [message("twoStep.code.wrong")] } }, 401);
    }
    case "regenerate-codes":
      if (!(await twoStep.hasSecondStep(user.id))) return invalid({ intent, fieldErrors: {}, formError: message("twoStep.recovery.needsStep") }, 409);
      return data({ ok: true as const, intent, recoveryCodes: await twoStep.regenerateRecoveryCodes(user.id) });
    case "add-passkey": {
      const { token, name, response } = parsed.data;
      const added = await twoStep.registerPasskey(user.id, { token, name, origin: publicOrigin(request, context), response: response as unknown as RegistrationResponseJSON });
      if (!added.ok) return invalid({ intent, fieldErrors: {}, formError: message("twoStep.passkey.failed") }, 400);
      return data({ ok: true as const, intent, recoveryCodes: added.recoveryCodes ?? null });
    }
    case "remove-passkey": {
      const removed = await twoStep.removePasskey(user.id, parsed.data.passkeyId);
      if (removed.ok) return data({ ok: true as const, intent, recoveryCodes: null });
      if (removed.reason === "required") return invalid({ intent, fieldErrors: {}, formError: message("twoStep.passkeys.lastRequired") }, 409);
      return invalid({ intent, fieldErrors: {}, formError: message("common.error.notFound") }, 404);
    }
    case "turn-off": {
      const outcome = await twoStep.turnOff(user.id, parsed.data.password);
      if (outcome.ok) return redirect("/account?twoStep=off");
      const refusal =
        outcome.reason === "wrong-password"
          ? message("auth.password.wrongCurrent")
          : outcome.reason === "required"
            ? message("twoStep.turnOff.refused")
            : message("twoStep.code.rateLimited", { minutes: Math.max(1, Math.ceil(outcome.retryAfterMs / 60_000)) });
      return invalid({ intent, fieldErrors: { password: [refusal] } }, outcome.reason === "rate-limited" ? 429 : outcome.reason === "required" ? 409 : 401);
    }
  }
}

export default function TwoStepSettings() {
  const { t } = useT();
  const { status, setup, asking, back } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : null;
  const errorsOf = (intent: string, field: string) => (failure?.intent === intent ? failure.fieldErrors[field] : undefined);
  const formErrorOf = (...intents: string[]) => (failure && intents.includes(failure.intent ?? "") ? failure.formError : undefined);
  const codes = result?.ok ? result.recoveryCodes : null;
  const on = status.totpEnabled || status.passkeys > 0;
  return (
    <>
      <PageHeader title={t("twoStep.settings.heading")} description={t("twoStep.settings.intro")} />
      {asking ? (
        <Alert tone="warning" title={t("twoStep.required.title", { workspace: asking })}>
          {t("twoStep.required.body")}
        </Alert>
      ) : null}
      {on && back ? (
        <p>
          <Link to={back}>{t("twoStep.settings.back")}</Link>
        </p>
      ) : null}
      {codes ? <RecoveryCodesOnce codes={codes} continueTo={back ?? "/account/two-step"} /> : null}
      <div className="grid grid-2">
        <AuthenticatorCard enabled={status.totpEnabled} setup={setup} errors={errorsOf("confirm-totp", "code")} busy={navigation.formData?.get("intent") === "confirm-totp"} />
        <PasskeysCard passkeys={status.passkeyList} error={formErrorOf("add-passkey", "remove-passkey")} />
        {on ? <RecoveryAndTurnOffCard codesLeft={status.recoveryCodesLeft} requiredBy={status.requiredBy} errors={errorsOf("turn-off", "password")} /> : null}
      </div>
      <p>
        <Link to="/account">{t("twoStep.settings.toAccount")}</Link>
      </p>
    </>
  );
}

/** A failure of this page shows in place of the page, inside the app's frame. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
