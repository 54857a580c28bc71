import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { passwordProblem } from "../../core/accounts/password-policy";
import { message, type MessageId } from "../../core/i18n/message";
import { requireAnonymous, safeRedirect, signInAndRedirect } from "../auth/auth.server";
import { ByInvitationOnly, CheckInbox, FirstAccountForm, InvitationProblem, InvitationSignUpForm, OpenSignUpForm } from "../components/sign-up-forms";
import { invalid, parseForm } from "../forms.server";
import { pageMeta } from "../i18n/meta";
import { readPreferences } from "../i18n/preferences.server";
import { FirstAccountSchema, InvitationSignUpSchema, OpenSignUpSchema } from "../schemas/sign-up";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.signup.metaTitle");

/** Why an invitation link cannot make an account, in the words the invitation page uses. */
const INVITATION_PROBLEMS: Record<"unknown" | "expired" | "used" | "revoked", MessageId> = {
  unknown: "auth.invite.problemUnknown",
  expired: "auth.invite.problemExpired",
  used: "auth.invite.problemUsed",
  revoked: "auth.invite.problemRevoked",
};

/**
 * What /signup offers: the first account of a fresh install; with an invitation link, the account
 * it is for; with SIGNUP=open, a form that asks only an address; otherwise a note that accounts
 * are by invitation. None of them tells a visitor whether an address has an account.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request, context);
  const { registration } = context.services;
  const token = new URL(request.url).searchParams.get("invitation");
  if (token !== null) {
    const found = await registration.describeInvitation(token);
    if (found.state !== "valid") return data({ view: "invitation-problem" as const, problem: INVITATION_PROBLEMS[found.state] }, { status: 404 });
    const { workspaceName, email, maskedEmail } = found.invite;
    return data({ view: "invited" as const, token, invite: { workspaceName, email, maskedEmail }, hasAccount: found.hasAccount });
  }
  return data({ view: await registration.mode() });
}

const rateLimited = (retryAfterMs: number) =>
  invalid({ fieldErrors: {}, formError: message("signup.rateLimited", { minutes: Math.max(1, Math.ceil(retryAfterMs / 60_000)) }) }, 429);

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request, context);
  const form = await request.formData();
  const { registration } = context.services;
  const intent = form.get("intent");

  if (intent === "invitation") {
    const parsed = parseForm(form, InvitationSignUpSchema);
    if (!parsed.ok) return invalid(parsed);
    const found = await registration.describeInvitation(parsed.data.invitation);
    const problem = found.invite ? passwordProblem(parsed.data.password, found.invite.email) : null;
    if (problem) return invalid({ fieldErrors: { password: [problem] } });
    const result = await registration.signUpFromInvitation({ token: parsed.data.invitation, name: parsed.data.name, password: parsed.data.password }, context.clientIp);
    if (result.ok) return signInAndRedirect(request, context, result.userId, `/workspaces/${result.workspaceId}`, { method: "sign-up", shared: false });
    if (result.reason === "rate_limited") return rateLimited(result.retryAfterMs);
    if (result.reason === "has_account") return invalid({ fieldErrors: {}, formError: message("signup.invitation.hasAccount") }, 409);
    return invalid({ fieldErrors: {}, formError: message(INVITATION_PROBLEMS[result.reason]) }, 404);
  }

  const mode = await registration.mode();
  if (intent === "first") {
    const parsed = parseForm(form, FirstAccountSchema);
    if (!parsed.ok) return invalid(parsed);
    if (mode !== "first") return invalid({ fieldErrors: {}, formError: message("signup.first.taken") }, 409);
    const result = await registration.createFirstAccount(parsed.data, context.clientIp);
    if (result.ok) return signInAndRedirect(request, context, result.userId, safeRedirect(parsed.data.redirectTo), { method: "sign-up", shared: false });
    if (result.reason === "rate_limited") return rateLimited(result.retryAfterMs);
    // Another visitor was first by a moment: accounts are now made as the settings say.
    return invalid({ fieldErrors: {}, formError: message("signup.first.taken") }, 409);
  }

  if (intent === "open" && mode === "open") {
    const parsed = parseForm(form, OpenSignUpSchema);
    if (!parsed.ok) return invalid(parsed);
    const { locale } = readPreferences(request, null);
    const origin = context.publicOrigin ?? new URL(request.url).origin;
    const result = await registration.requestOpenSignUp({ email: parsed.data.email, locale, origin }, context.clientIp);
    if (!result.ok) return rateLimited(result.retryAfterMs);
    // The same answer for an address with an account and one without: only the mail differs.
    return data({ ok: true as const, sentTo: parsed.data.email });
  }

  // Invitation-only (or a form from before the settings changed): nothing to create here.
  return invalid({ fieldErrors: {}, formError: message("signup.closed.body") }, 403);
}

export default function Signup() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : undefined;
  if (actionData?.ok) return <CheckInbox email={actionData.sentTo} />;
  switch (loaded.view) {
    case "first":
      return <FirstAccountForm failure={failure} />;
    case "open":
      return <OpenSignUpForm failure={failure} />;
    case "invited":
      return <InvitationSignUpForm token={loaded.token} invite={loaded.invite} hasAccount={loaded.hasAccount} failure={failure} />;
    case "invitation-problem":
      return <InvitationProblem problem={loaded.problem} />;
    default:
      return <ByInvitationOnly />;
  }
}
