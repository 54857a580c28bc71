import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../core/policies";
import { getUser, requireUser } from "../auth/auth.server";
import { Alert, Button, Card } from "../components/ui";

export const meta: MetaFunction = () => [{ title: "Invitation · Caucus" }];

const PROBLEMS = {
  unknown: "This invitation link is not valid. Check that you copied all of it.",
  expired: "This invitation has expired. Ask the coordinator for a new link.",
  used: "This invitation has already been used. If it was you, your workspaces list has it.",
  revoked: "This invitation was withdrawn. Ask the coordinator if you think that is a mistake.",
  wrong_email: "This invitation was sent to a different email address. Sign in with that address to accept it.",
} as const;

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

export default function Invitation() {
  const { problem, invite, user, path } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  if (problem || !invite) {
    return (
      <div className="narrow-page">
        <Card>
          <h1>Invitation</h1>
          <Alert tone="error">{problem}</Alert>
          <Link to="/">Go to Caucus</Link>
        </Card>
      </div>
    );
  }
  const back = encodeURIComponent(path);
  return (
    <div className="narrow-page">
      <Card className="auth-card">
        <p className="eyebrow">Invitation</p>
        <h1>Join {invite.workspaceName}</h1>
        <p>
          {invite.inviterName ?? "A coordinator"} invited <strong>{invite.maskedEmail}</strong> to join as{" "}
          <strong>{ROLE_LABELS[invite.role]}</strong>
          {invite.organisationName ? <> for {invite.organisationName}</> : null}.
        </p>
        <p className="muted small">{ROLE_DESCRIPTIONS[invite.role]}</p>
        {actionData?.problem ? <Alert tone="error">{actionData.problem}</Alert> : null}
        {!user ? (
          <div className="form-actions">
            <Link className="btn btn-primary" to={`/signup?redirectTo=${back}&email=${encodeURIComponent(invite.email)}`}>
              Create an account to join
            </Link>
            <Link className="btn btn-secondary" to={`/login?redirectTo=${back}`}>
              Sign in
            </Link>
          </div>
        ) : user.matches ? (
          <Form method="post">
            <Button type="submit" busy={busy}>
              Join the workspace
            </Button>
          </Form>
        ) : (
          <Alert tone="warning" title="Signed in with another address">
            You are signed in as {user.email}. {PROBLEMS.wrong_email}
          </Alert>
        )}
      </Card>
    </div>
  );
}
