import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLE_LABELS } from "../../core/policies";
import { requireUser } from "../auth/auth.server";
import { Badge, Button, Card, EmptyState, PageHeader, TextareaField, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { WorkspaceSchema } from "../schemas/workspace";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "workspace.list.metaTitle");

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
  const { t } = useT();
  const { workspaces } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <>
      <PageHeader
        title={t("workspace.list.title")}
        description={t("workspace.list.description")}
      />
      <div className="grid grid-2">
        <div>
          {workspaces.length === 0 ? (
            <EmptyState title={t("workspace.list.empty")}>
              <p>{t("workspace.list.emptyBody")}</p>
            </EmptyState>
          ) : (
            <ul className="cards" aria-label={t("workspace.list.label")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {workspaces.map((w) => (
                <li key={w.id}>
                  <Link to={`/workspaces/${w.id}`} className="workspace-card">
                    <h2>{w.name}</h2>
                    {w.description ? <p className="muted small">{w.description}</p> : null}
                    <p className="small muted" style={{ margin: 0 }}>
                      <Badge tone={w.role === "owner" ? "accent" : "neutral"}>{t(ROLE_LABELS[w.role])}</Badge> {t("workspace.list.counts", { drafts: w.draftCount, members: w.memberCount })}
                    </p>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </div>
        <Card aria-labelledby="new-workspace">
          <h2 id="new-workspace">{t("workspace.new.heading")}</h2>
          <Form method="post" className="form" noValidate>
            <TextField label={t("workspace.field.coalitionName")} name="name" required errors={errors.name} placeholder={t("workspace.field.coalitionPlaceholder")} />
            <TextareaField
              label={t("workspace.field.description")}
              name="description"
              description={t("workspace.field.descriptionHint")}
              errors={errors.description}
            />
            <div className="form-actions">
              <Button type="submit" busy={busy}>
                {t("workspace.new.submit")}
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
