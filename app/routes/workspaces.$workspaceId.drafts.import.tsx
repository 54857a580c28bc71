import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { UN_LANGUAGES } from "../../core/un/languages";
import { UN_STATES } from "../../core/un/states";
import { megabytes } from "../../core/text/size";
import { TEMPLATES } from "../../templates";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { CheckReport, ImportReport } from "../components/import/word-report";
import { SubmittingOrganisationsField } from "../components/organisations/submitting-organisations-field";
import { Alert, Button, Card, SelectField, TextField } from "../components/ui";
import { invalid } from "../forms.server";
import { readWordUpload, runWordUpload } from "../import/word-upload.server";
import { PageErrorBoundary } from "../components/page-error-boundary";

export const meta: MetaFunction = () => [{ title: "Word file · Caucus" }];

const templateOptions = TEMPLATES.map((t) => ({ value: t.slug, label: `${t.mechanism} — ${t.title}` }));
const stateOptions = UN_STATES.map((s) => ({ value: s.code, label: s.name }));
const languageOptions = [{ value: "", label: "As the file says" }, ...Object.entries(UN_LANGUAGES).map(([value, label]) => ({ value, label }))];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, abilities } = await requireWorkspaceAccess(request, context, params.workspaceId);
  // Confidential organisations are listed here: only members of this workspace see this page.
  const organisations = abilities.edit ? await context.services.drafts.coverOrganisations(workspace.id) : [];
  return {
    workspaceId: workspace.id,
    canImport: abilities.edit,
    maxBytes: context.services.imports.maxFileBytes,
    organisations,
  };
}

/**
 * "check": the file's pre-flight report, nothing stored (any member may check a file).
 * "import": a new draft from the file (editors and owners). The file is read in the worker
 * pool either way; nothing of it is kept unless the import succeeds whole.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireWorkspaceAccess(request, context, params.workspaceId);
  const upload = await readWordUpload(request, context.services.imports.maxFileBytes);
  if (!upload.ok) return invalid({ fieldErrors: {}, formError: upload.message }, upload.status);
  const outcome = await runWordUpload(context, access, upload.form);
  if (!outcome.ok) return invalid(outcome.failure, outcome.status);
  return data(outcome.result);
}

export default function WordFile() {
  const { workspaceId, canImport, maxBytes, organisations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busyIntent = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const failure = result && !result.ok ? result : null;
  const errors = failure?.fieldErrors ?? {};
  if (result?.ok && result.kind === "import") {
    // The form is gone once the draft exists: a second press would make a second draft.
    return (
      <div className="word-file">
        <p className="small">
          <Link to="..">← All drafts</Link> · <Link to=".">Another Word file</Link>
        </p>
        <ImportReport outcome={result.outcome} draftHref={`/workspaces/${workspaceId}/drafts/${result.outcome.draft.id}`} />
      </div>
    );
  }
  return (
    <div className="word-file">
      <p className="small">
        <Link to="..">← All drafts</Link>
      </p>
      <Form method="post" encType="multipart/form-data" className="form" noValidate aria-labelledby="word-file-heading">
        <Card>
          <h2 id="word-file-heading">{canImport ? "Check a Word file, or make it a draft" : "Check a Word file"}</h2>
          <p className="muted">
            Caucus reads the file's headings, paragraph numbers, footnotes, tables and comments and checks it against the template's rules. Checking keeps
            nothing: the file is read and forgotten{canImport ? ", unless you import it as a new draft" : ""}.
          </p>
          {failure?.formError ? <Alert tone="error">{failure.formError}</Alert> : null}
          <TextField
            label="Word file (.docx)"
            type="file"
            name="file"
            required
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            errors={errors.file}
            description={`Up to ${megabytes(maxBytes)}. Save older .doc files as .docx first.`}
          />
          <SelectField label="Template (the mechanism's rules)" name="template" options={templateOptions} placeholder="Choose…" errors={errors.template} />
          <div className="form-actions">
            <Button type="submit" name="intent" value="check" variant={canImport ? "secondary" : "primary"} busy={busyIntent === "check"}>
              {busyIntent === "check" ? "Checking…" : "Check the file"}
            </Button>
          </div>
          {result?.ok && result.kind === "check" ? <CheckReport check={result.check} headingId="check-heading" /> : null}
        </Card>
        {canImport ? (
          <Card aria-labelledby="import-heading">
            <h2 id="import-heading">New draft from this file</h2>
            <p className="muted">The cover of the new draft. Fields left empty are taken from the file's own cover block when it has one. Everyone in the draft can change them later.</p>
            <div className="form">
              <TextField label="Title" name="title" errors={errors.title} description="Optional: the file's title, or its name." />
              <SelectField label="State under review" name="stateUnderReview" options={stateOptions} placeholder="As the file's cover says" errors={errors.stateUnderReview} />
              <TextField label="Session or cycle" name="session" errors={errors.session} />
              <SubmittingOrganisationsField organisations={organisations} errors={errors.organisations} description="Left unticked: those the file's cover names, by name or acronym." />
              <TextField label="Contact" name="contact" errors={errors.contact} />
              <SelectField label="Language" name="language" options={languageOptions} defaultValue="" errors={errors.language} />
              <TextField label="Deadline" name="deadline" type="date" errors={errors.deadline} />
            </div>
            <div className="form-actions">
              <Button type="submit" name="intent" value="import" busy={busyIntent === "import"}>
                {busyIntent === "import" ? "Importing…" : "Import as a new draft"}
              </Button>
            </div>
          </Card>
        ) : null}
      </Form>
    </div>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
