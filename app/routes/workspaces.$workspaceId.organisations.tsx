import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Alert, Card, EmptyState } from "../components/ui";
import { OrganisationForm } from "../components/organisations/organisation-form";
import { OrganisationRow } from "../components/organisations/organisation-row";
import { invalid, parseForm } from "../forms.server";
import { OrganisationActionSchema } from "../schemas/workspace";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";
import { canSetFocalPoint } from "../../core/policies";
import { FocalPointSchema } from "../schemas/sign-off";
import { FocalPointForm } from "../sign-off/focal-point-form";
import { forbidden } from "../http-errors.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, abilities, user, membership } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const [organisations, members] = await Promise.all([context.services.signOff.focalPoints(workspace.id), context.services.workspaces.listMembers(workspace.id)]);
  const actor = { userId: user.id, abilities, organisationId: membership.organisation_id };
  return {
    canManage: abilities.manage,
    organisations: organisations.map((o) => ({
      id: o.id,
      name: o.name,
      acronym: o.acronym,
      confidential: o.confidential,
      // Who signs for the organisation (issue 21), and whom the reader may name instead.
      focal: {
        focalPoint: o.focalPoint,
        candidates: members.filter((m) => m.organisationId === o.id).map((m) => ({ id: m.userId, name: m.name })),
        canSet: canSetFocalPoint(actor, { id: o.id, focalPointId: o.focalPoint?.id ?? null }),
      },
    })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireWorkspaceAccess(request, context, params.workspaceId);
  const form = await request.formData();
  // An organisation's focal point (issue 21): owners, or the focal point handing over; the
  // policy is core/policies/sign-off.ts, decided again under the organisation's row lock.
  if (form.get("intent") === "set-focal-point") return setFocalPoint(access, context, form);
  if (!access.abilities.manage) throw forbidden();
  const { workspace, user } = access;
  const parsed = parseForm(form, OrganisationActionSchema);
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

async function setFocalPoint(access: Awaited<ReturnType<typeof requireWorkspaceAccess>>, context: ActionFunctionArgs["context"], form: FormData) {
  const parsed = parseForm(form, FocalPointSchema);
  if (!parsed.ok) return invalid(parsed);
  const { organisationId, focalPointId } = parsed.data;
  const { signOff } = context.services;
  const organisation = (await signOff.focalPoints(access.workspace.id)).find((o) => o.id === organisationId);
  const actor = { userId: access.user.id, abilities: access.abilities, organisationId: access.membership.organisation_id, workspaceId: access.workspace.id };
  if (organisation && !canSetFocalPoint(actor, { id: organisation.id, focalPointId: organisation.focalPoint?.id ?? null })) throw forbidden();
  const changed = await signOff.setFocalPoint(actor, organisationId, focalPointId);
  if (!changed.ok) return invalid({ intent: "set-focal-point", fieldErrors: { [changed.field]: [changed.message] } }, 409);
  return data({ ok: true as const, intent: "set-focal-point" });
}

export default function Organisations() {
  const { t, text } = useT();
  const { organisations, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const addErrors = failure?.intent === "add-organisation" ? failure.fieldErrors : {};
  const rowError = failure && failure.intent !== "add-organisation" ? Object.values(failure.fieldErrors).flat().filter((m) => m !== undefined).map(text).join(" ") : null;
  return (
    <div className={canManage ? "grid grid-2" : undefined}>
      <Card aria-labelledby="orgs-heading">
        <h2 id="orgs-heading">{t("workspace.orgs.heading")}</h2>
        <p className="muted small">{t("workspace.orgs.intro")}</p>
        {rowError ? <Alert tone="error">{rowError}</Alert> : null}
        {organisations.length === 0 ? (
          <EmptyState title={t("workspace.orgs.empty")}>
            <p>{canManage ? t("workspace.orgs.emptyManager") : t("workspace.orgs.emptyReader")}</p>
          </EmptyState>
        ) : (
          <ul className="audit-list">
            {organisations.map((o) => (
              <OrganisationRow key={o.id} organisation={o} canManage={canManage} focalPoint={<FocalPointForm organisation={o} view={o.focal} />} />
            ))}
          </ul>
        )}
      </Card>
      {canManage ? (
        <Card aria-labelledby="add-org-heading">
          <h2 id="add-org-heading">{t("workspace.orgs.addHeading")}</h2>
          <OrganisationForm intent="add-organisation" errors={addErrors} submitLabel={t("workspace.orgs.addSubmit")} />
        </Card>
      ) : null}
    </div>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
