import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { UN_LANGUAGES } from "../../core/un/languages";
import { UN_STATES } from "../../core/un/states";
import { TEMPLATES } from "../../templates";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { CheckReport, ImportReport } from "../components/import/word-report";
import { SubmittingOrganisationsField } from "../components/organisations/submitting-organisations-field";
import { Alert, Button, Card, SelectField, TextField } from "../components/ui";
import { invalid } from "../forms.server";
import { readWordUpload, runWordUpload } from "../import/word-upload.server";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "import.word.page.title");

// Template titles, State and language names are the data's own (the templates and core/un).
const templateOptions = TEMPLATES.map((t) => ({ value: t.slug, label: `${t.mechanism} — ${t.title}` }));
const stateOptions = UN_STATES.map((s) => ({ value: s.code, label: s.name }));
const fileLanguages = Object.entries(UN_LANGUAGES).map(([value, label]) => ({ value, label }));

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
  const { t, text } = useT();
  const { workspaceId, canImport, maxBytes, organisations } = useLoaderData<typeof loader>();
  const languageOptions = [{ value: "", label: t("import.word.form.languageFromFile") }, ...fileLanguages];
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
          <Link to="..">{t("import.word.page.allDrafts")}</Link>
          {t("import.word.page.separator")}
          <Link to=".">{t("import.word.page.another")}</Link>
        </p>
        <ImportReport outcome={result.outcome} draftHref={`/workspaces/${workspaceId}/drafts/${result.outcome.draft.id}`} />
      </div>
    );
  }
  return (
    <div className="word-file">
      <p className="small">
        <Link to="..">{t("import.word.page.allDrafts")}</Link>
      </p>
      <Form method="post" encType="multipart/form-data" className="form" noValidate aria-labelledby="word-file-heading">
        <Card>
          <h2 id="word-file-heading">{canImport ? t("import.word.page.headingImport") : t("import.word.page.heading")}</h2>
          <p className="muted">{canImport ? t("import.word.page.introImport") : t("import.word.page.intro")}</p>
          {failure?.formError ? <Alert tone="error">{text(failure.formError)}</Alert> : null}
          <TextField
            label={t("import.word.form.file")}
            type="file"
            name="file"
            required
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            errors={errors.file}
            description={t("import.word.form.fileHint", { max: maxBytes / 1024 / 1024 })}
          />
          <SelectField
            label={t("import.word.form.template")}
            name="template"
            options={templateOptions}
            placeholder={t("import.word.form.choose")}
            errors={errors.template}
          />
          <div className="form-actions">
            <Button type="submit" name="intent" value="check" variant={canImport ? "secondary" : "primary"} busy={busyIntent === "check"}>
              {busyIntent === "check" ? t("import.word.form.checking") : t("import.word.form.check")}
            </Button>
          </div>
          {result?.ok && result.kind === "check" ? <CheckReport check={result.check} headingId="check-heading" /> : null}
        </Card>
        {canImport ? (
          <Card aria-labelledby="import-heading">
            <h2 id="import-heading">{t("import.word.form.newDraft")}</h2>
            <p className="muted">{t("import.word.form.coverIntro")}</p>
            <div className="form">
              <TextField label={t("import.word.form.title")} name="title" errors={errors.title} description={t("import.word.form.titleHint")} />
              <SelectField
                label={t("import.word.form.stateUnderReview")}
                name="stateUnderReview"
                options={stateOptions}
                placeholder={t("import.word.form.fromCover")}
                errors={errors.stateUnderReview}
              />
              <TextField label={t("import.word.form.session")} name="session" errors={errors.session} />
              <SubmittingOrganisationsField
                organisations={organisations}
                errors={errors.organisations}
                description={t("import.word.form.organisationsHint")}
              />
              <TextField label={t("import.word.form.contact")} name="contact" errors={errors.contact} />
              <SelectField label={t("import.word.form.language")} name="language" options={languageOptions} defaultValue="" errors={errors.language} />
              <TextField label={t("import.word.form.deadline")} name="deadline" type="date" errors={errors.deadline} />
            </div>
            <div className="form-actions">
              <Button type="submit" name="intent" value="import" busy={busyIntent === "import"}>
                {busyIntent === "import" ? t("import.word.form.importing") : t("import.word.form.import")}
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
