import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { UN_STATES } from "../../core/un/states";
import { TEMPLATES } from "../../templates";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { TemplateGallery } from "../components/templates/template-gallery";
import { UN_LANGUAGES } from "../../core/un/languages";
import { summariseTemplate } from "../components/templates/template-summary";
import { SubmittingOrganisationsField } from "../components/organisations/submitting-organisations-field";
import { Button, Card, SelectField, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { DraftSchema } from "../../core/schemas/draft";
import { PageErrorBoundary } from "../components/page-error-boundary";

export const meta: MetaFunction = () => [{ title: "New draft · Caucus" }];

const stateOptions = UN_STATES.map((s) => ({ value: s.code, label: s.name }));
const languageOptions = Object.entries(UN_LANGUAGES).map(([value, label]) => ({ value, label }));

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  const organisations = await context.services.workspaces.listOrganisations(workspace.id);
  return {
    templates: TEMPLATES.map(summariseTemplate),
    // Confidential organisations are listed here: only members of this workspace see this page.
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym, confidential: o.confidential })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  const parsed = parseForm(await request.formData(), DraftSchema);
  if (!parsed.ok) return invalid(parsed);
  const created = await context.services.workspaces.createDraft(user.id, workspace.id, parsed.data);
  if (!created.ok) return invalid({ fieldErrors: created.fieldErrors }, 409);
  return redirect(`/workspaces/${workspace.id}/drafts/${created.draft.id}`);
}

export default function NewDraft() {
  const { templates, organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.fieldErrors ?? {};
  return (
    <Form method="post" className="form new-draft" noValidate>
      <p className="small">
        <Link to="..">← All drafts</Link>
      </p>
      <TemplateGallery templates={templates} errors={errors.template} />
      <Card aria-labelledby="cover-heading">
        <h2 id="cover-heading">Cover</h2>
        <p className="muted">What the submission says about itself. Everyone in the draft can change it later.</p>
        <div className="form">
          <TextField label="Title" name="title" required errors={errors.title} placeholder="Joint submission for the 4th UPR cycle" />
          <SelectField label="State under review" name="stateUnderReview" options={stateOptions} placeholder="Choose…" errors={errors.stateUnderReview} />
          <TextField label="Session or cycle" name="session" errors={errors.session} placeholder="UPR 4th cycle, 47th session (November 2024)" />
          <SubmittingOrganisationsField organisations={organisations} errors={errors.organisations} />
          <TextField label="Contact" name="contact" errors={errors.contact} description="Optional. Name and email OHCHR or the committee can write to." />
          <SelectField label="Language" name="language" options={languageOptions} defaultValue="en" errors={errors.language} />
          <TextField label="Deadline" name="deadline" type="date" description="Optional. The submission deadline set by OHCHR or the committee." errors={errors.deadline} />
        </div>
      </Card>
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          Create draft
        </Button>
      </div>
    </Form>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
