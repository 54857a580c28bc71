import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLE_LABELS } from "../../core/policies";
import { requireUser } from "../auth/auth.server";
import { Badge, Button, Card, EmptyState, PageHeader, TextareaField, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { WorkspaceSchema } from "../schemas/workspace";
import { count } from "../../core/text/count";
import { PageErrorBoundary } from "../components/page-error-boundary";

export const meta: MetaFunction = () => [{ title: "Workspaces · Caucus" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { workspaces: await context.services.workspaces.listForUser(user.id) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = parseForm(await request.formData(), WorkspaceSchema);
  if (!parsed.ok) return invalid(parsed);
  const workspace = await context.services.workspaces.create(user.id, parsed.data);
  return redirect(`/workspaces/${workspace.id}`);
}

export default function Workspaces() {
  const { workspaces } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <PageHeader
        title="Your coalitions"
        description="Each workspace holds one coalition's member organisations, people and drafts."
      />
      <div className="grid grid-2">
        <div>
          {workspaces.length === 0 ? (
            <EmptyState title="No workspaces yet">
              <p>Create one for your coalition, or open the invitation link a coordinator sent you.</p>
            </EmptyState>
          ) : (
            <ul className="cards" aria-label="Workspaces" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {workspaces.map((w) => (
                <li key={w.id}>
                  <Link to={`/workspaces/${w.id}`} className="workspace-card">
                    <h2>{w.name}</h2>
                    {w.description ? <p className="muted small">{w.description}</p> : null}
                    <p className="small muted" style={{ margin: 0 }}>
                      <Badge tone={w.role === "owner" ? "accent" : "neutral"}>{ROLE_LABELS[w.role]}</Badge>{" "}
                      {count(w.draftCount, "draft")} · {count(w.memberCount, "member")}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Card aria-labelledby="new-workspace">
          <h2 id="new-workspace">New workspace</h2>
          <Form method="post" className="form" noValidate>
            <TextField label="Coalition name" name="name" required errors={errors.name} placeholder="e.g. Ghana UPR Coalition" />
            <TextareaField
              label="Description"
              name="description"
              description="Optional. Shown only to members."
              errors={errors.description}
            />
            <div className="form-actions">
              <Button type="submit" busy={busy}>
                Create workspace
              </Button>
            </div>
          </Form>
        </Card>
      </div>
    </>
  );
}

/** A failure of this page shows in place of the page, inside the app's frame. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
