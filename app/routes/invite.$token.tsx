import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useParams } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import type { MessageId } from "../../core/i18n/message";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../core/policies";
import type { AcceptResult, InvitationLookup } from "../../server/workspaces/service";
import { getUser, requireUser } from "../auth/auth.server";
import { Alert, Button, Card } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "auth.invite.metaTitle");

type Problem = Exclude<InvitationLookup["state"], "valid"> | Extract<AcceptResult, { ok: false }>["reason"];

/** Why an invitation cannot be used, as the catalogue says it; the page puts it into words. */
const PROBLEMS: Record<Problem, MessageId> = {
  unknown: "auth.invite.problemUnknown",
  expired: "auth.invite.problemExpired",
  used: "auth.invite.problemUsed",
  revoked: "auth.invite.problemRevoked",
  wrong_email: "auth.invite.problemWrongEmail",
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  // Someone outside the workspace never learns a confidential member's name: the service leaves it out.
  const found = await context.services.workspaces.describeInvitation(params.token);
  if (found.state !== "valid") return data({ problem: PROBLEMS[found.state], invite: null, user: null, path: "" }, { status: 404 });
  const { invite } = found;
  const user = await getUser(request, context);
  return data({
    problem: null,
    path: new URL(request.url).pathname,
    user: user ? { email: user.email, matches: user.email === invite.email } : null,
    invite,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const result = await context.services.workspaces.acceptInvitation(user, params.token ?? "");
  if (result.ok) return redirect(`/workspaces/${result.workspaceId}`);
  return data({ problem: PROBLEMS[result.reason] }, { status: result.reason === "wrong_email" ? 403 : 404 });
}

const bold = (chunks: React.ReactNode[]) => <strong>{chunks}</strong>;

export default function Invitation() {
  const { t } = useT();
  const { problem, invite, user, path } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  // The account is made from the invitation itself (its address fixed), and joins in the same step.
  const { token } = useParams();
  if (problem || !invite) {
    return (
      <div className="narrow-page">
        <Card>
          <h1>{t("auth.invite.heading")}</h1>
          <Alert tone="error">{t(problem ?? "auth.invite.problemUnknown")}</Alert>
          <Link to="/">{t("auth.invite.goHome")}</Link>
        </Card>
      </div>
    );
  }
  const back = encodeURIComponent(path);
  const values = {
    inviter: invite.inviterName ?? t("auth.invite.aCoordinator"),
    email: invite.maskedEmail,
    role: t(ROLE_LABELS[invite.role]),
    b: bold,
  };
  return (
    <div className="narrow-page">
      <Card className="auth-card">
        <p className="eyebrow">{t("auth.invite.heading")}</p>
        <h1>{t("auth.invite.join", { workspace: invite.workspaceName })}</h1>
        <p>
          {invite.organisationName ? (
            <FormattedMessage id="auth.invite.invitedFor" values={{ ...values, organisation: invite.organisationName }} />
          ) : (
            <FormattedMessage id="auth.invite.invited" values={values} />
          )}
        </p>
        <p className="muted small">{t(ROLE_DESCRIPTIONS[invite.role])}</p>
        {actionData?.problem ? <Alert tone="error">{t(actionData.problem)}</Alert> : null}
        {!user ? (
          <div className="form-actions">
            <Link className="btn btn-primary" to={`/signup?invitation=${encodeURIComponent(token ?? "")}&redirectTo=${back}`}>
              {t("auth.invite.createAccount")}
            </Link>
            <Link className="btn btn-secondary" to={`/login?redirectTo=${back}`}>
              {t("auth.invite.signIn")}
            </Link>
          </div>
        ) : user.matches ? (
          <Form method="post">
            <Button type="submit" busy={busy}>
              {t("auth.invite.accept")}
            </Button>
          </Form>
        ) : (
          <Alert tone="warning" title={t("auth.invite.otherAddress")}>
            {t("auth.invite.signedInAs", { email: user.email })} {t(PROBLEMS.wrong_email)}
          </Alert>
        )}
      </Card>
    </div>
  );
}
