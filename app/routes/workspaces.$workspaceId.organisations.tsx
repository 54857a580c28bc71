import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Alert, Card, EmptyState } from "../components/ui";
import { OrganisationForm } from "../components/organisations/organisation-form";
import { OrganisationRow } from "../components/organisations/organisation-row";
import { invalid, parseForm } from "../forms.server";
import { OrganisationActionSchema } from "../schemas/workspace";
import { PageErrorBoundary } from "../components/page-error-boundary";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, abilities } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const organisations = await context.services.workspaces.listOrganisations(workspace.id);
  return {
    canManage: abilities.manage,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, confidential: o.confidential })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  const parsed = parseForm(await request.formData(), OrganisationActionSchema);
  if (!parsed.ok) return invalid(parsed);
  const input = parsed.data;
  const actor = { userId: user.id, workspaceId: workspace.id };
  const { workspaces } = context.services;
  const changed =
    input.intent === "add-organisation"
      ? await workspaces.addOrganisation(actor, input)
      : input.intent === "update-organisation"
        ? await workspaces.editOrganisation(actor, input.organisationId, input)
        : await workspaces.removeOrganisation(actor, input.organisationId);
  if (!changed.ok) return invalid({ intent: input.intent, fieldErrors: { [changed.field]: [changed.message] } }, 409);
  return data({ ok: true as const, intent: input.intent });
}

export default function Organisations() {
  const { organisations, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const addErrors = failure?.intent === "add-organisation" ? failure.fieldErrors : {};
  const rowError = failure && failure.intent !== "add-organisation" ? Object.values(failure.fieldErrors).flat().join(" ") : null;
  return (
    <div className={canManage ? "grid grid-2" : undefined}>
      <Card aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">Member organisations</h2>
        <p className="muted small">
          A confidential organisation is never named outside this workspace: not on invitations, not on an export's cover, and a draft whose text names it is
          not exported unless an owner chooses to.
        </p>
        {rowError ? <Alert tone="error">{rowError}</Alert> : null}
        {organisations.length === 0 ? (
          <EmptyState title="No organisations yet">
            <p>{canManage ? "Add the coalition's member organisations with the form." : "Owners add member organisations."}</p>
          </EmptyState>
        ) : (
          <ul className="audit-list">
            {organisations.map((o) => (
              <OrganisationRow key={o.id} organisation={o} canManage={canManage} />
            ))}
          </ul>
        )}
      </Card>
      {canManage ? (
        <Card aria-labelledby="add-org-heading">
          <h2 id="add-org-heading">Add an organisation</h2>
          <OrganisationForm intent="add-organisation" errors={addErrors} submitLabel="Add organisation" />
        </Card>
      ) : null}
    </div>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
