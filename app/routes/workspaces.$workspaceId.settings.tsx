import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Alert, Button, Card, TextareaField, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { WorkspaceSettingsSchema } from "../schemas/workspace";
import { WorkspaceTwoStepSchema } from "../schemas/two-step";
import { WorkspaceTwoStepCard } from "../two-step/workspace-requirement";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";
import { message } from "../../core/i18n/message";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  return { workspace: { name: workspace.name, description: workspace.description, requireTwoStep: workspace.require_two_step } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  const formData = await request.formData();
  if (formData.get("intent") === "require-two-step") {
    const choice = parseForm(formData, WorkspaceTwoStepSchema);
    if (!choice.ok) return invalid(choice);
    await context.services.twoStep.setWorkspaceRequirement(user.id, workspace, choice.data.required);
    return data({ ok: true as const, intent: choice.data.intent });
  }
  const parsed = parseForm(formData, WorkspaceSettingsSchema);
  if (!parsed.ok) return invalid(parsed);
  if (parsed.data.intent === "delete-workspace") {
    if (parsed.data.confirmName !== workspace.name) {
      return invalid({ intent: "delete-workspace", fieldErrors: { confirmName: [message("workspace.settings.confirmMismatch")] } });
    }
    await context.services.workspaces.remove(workspace.id);
    return redirect("/workspaces");
  }
  await context.services.workspaces.updateDetails(user.id, workspace, parsed.data);
  return data({ ok: true as const, intent: parsed.data.intent });
}

export default function WorkspaceSettings() {
  const { t } = useT();
  const { workspace } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = actionData && !actionData.ok ? actionData : null;
  const detailsErrors = failure?.intent === "update-workspace" ? failure.fieldErrors : {};
  const deleteErrors = failure?.intent === "delete-workspace" ? failure.fieldErrors : {};
  return (
    <div className="grid grid-2">
      <Card aria-labelledby="details-heading">
        <h2 id="details-heading">{t("workspace.settings.detailsHeading")}</h2>
        {actionData?.ok && actionData.intent === "update-workspace" ? <Alert tone="success">{t("workspace.settings.saved")}</Alert> : null}
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="update-workspace" />
          <TextField label={t("workspace.field.coalitionName")} name="name" required defaultValue={workspace.name} errors={detailsErrors.name} />
          <TextareaField label={t("workspace.field.description")} name="description" defaultValue={workspace.description} errors={detailsErrors.description} />
          <div className="form-actions">
            <Button type="submit" busy={navigation.formData?.get("intent") === "update-workspace"}>
              {t("workspace.settings.saveDetails")}
            </Button>
          </div>
        </Form>
      </Card>
      <WorkspaceTwoStepCard
        required={workspace.requireTwoStep}
        saved={actionData?.ok === true && actionData.intent === "require-two-step"}
        busy={navigation.formData?.get("intent") === "require-two-step"}
      />
      <Card aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("workspace.settings.deleteHeading")}</h2>
        <p className="muted">{t("workspace.settings.deleteBody")}</p>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="delete-workspace" />
          <TextField
            label={t("workspace.settings.confirmLabel", { name: workspace.name })}
            name="confirmName"
            autoComplete="off"
            errors={deleteErrors.confirmName}
          />
          <div className="form-actions">
            <Button type="submit" variant="danger">
              {t("workspace.settings.deleteSubmit")}
            </Button>
          </div>
        </Form>
      </Card>
    </div>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
