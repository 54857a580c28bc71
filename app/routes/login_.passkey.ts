import type { ActionFunctionArgs, AppLoadContext } from "@remix-run/node";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { message, type Message } from "../../core/i18n/message";
import { safeRedirect, signInAndRedirect } from "../auth/auth.server";
import { parseForm } from "../forms.server";
import { notFound } from "../http-errors.server";
import { PasskeySignInSchema } from "../schemas/two-step";
import { challengeCookie, clearedChallengeCookie, publicOrigin, readChallengeToken } from "../two-step/challenge-cookie.server";

/** What the passkey button reads: the prompt's options, or where to go once signed in, or why not. */
export type PasskeySignInAnswer = { ok: true; options?: unknown; redirectTo?: string } | { ok: false; error: Message };

// Response.json, not data(): the passkey button fetches this route directly.
const refuse = (status: number, error: Message, headers?: HeadersInit) => Response.json({ ok: false, error } satisfies PasskeySignInAnswer, { status, headers });

/**
 * POST intent=options: options for the browser's passkey prompt, either for a passkey alone
 * (username-less; opens a ten-minute challenge in an HttpOnly cookie) or for the second step of a
 * pending sign-in (that sign-in's cookie must be there). POST intent=verify: the passkey's answer
 * to a passkey-alone sign-in; signs in and says where to go. Nothing here needs a session: the
 * challenge in the cookie is what authorises the answer.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), PasskeySignInSchema);
  if (!parsed.ok) return refuse(400, message("twoStep.passkey.failed"));
  const origin = publicOrigin(request, context);
  const token = readChallengeToken(request);

  if (parsed.data.intent === "options") {
    if (parsed.data.mode === "second-step") {
      const options = token ? await context.services.twoStep.secondStepPasskeyOptions(token, origin) : null;
      return options ? Response.json({ ok: true, options } satisfies PasskeySignInAnswer) : refuse(410, message("twoStep.signIn.expired"));
    }
    const target = { shared: parsed.data.shared, redirectTo: safeRedirect(parsed.data.redirectTo) };
    const opened = await context.services.twoStep.passkeySignInOptions(origin, target, context.clientIp);
    if (!opened.ok) return refuse(429, message("auth.login.rateLimited", { minutes: Math.max(1, Math.ceil(opened.retryAfterMs / 60_000)) }));
    return Response.json({ ok: true, options: opened.options } satisfies PasskeySignInAnswer, {
      headers: { "Set-Cookie": challengeCookie(request, context, opened.token, opened.expiresAt) },
    });
  }

  if (!token) return refuse(410, message("twoStep.signIn.expired"));
  const outcome = await context.services.twoStep.completePasskeySignIn(token, parsed.data.response as unknown as AuthenticationResponseJSON, origin);
  const cleared = { "Set-Cookie": clearedChallengeCookie(request, context) };
  if (!outcome.ok) return refuse(outcome.reason === "expired" ? 410 : 401, message(outcome.reason === "expired" ? "twoStep.signIn.expired" : "twoStep.passkey.notRecognised"), cleared);
  return signedInAnswer(request, context, outcome);
}

/** A GET has nothing to show. */
export function loader() {
  throw notFound();
}

/** The session starts as after any sign-in; the answer is JSON so the button can take the browser on. */
async function signedInAnswer(request: Request, context: AppLoadContext, outcome: { userId: string; redirectTo: string; shared: boolean }) {
  const redirect = await signInAndRedirect(request, context, outcome.userId, outcome.redirectTo, { method: "passkey", shared: outcome.shared });
  const headers = new Headers();
  for (const cookie of redirect.headers.getSetCookie()) headers.append("Set-Cookie", cookie);
  headers.append("Set-Cookie", clearedChallengeCookie(request, context));
  return Response.json({ ok: true, redirectTo: redirect.headers.get("Location") ?? "/workspaces" } satisfies PasskeySignInAnswer, { headers });
}
