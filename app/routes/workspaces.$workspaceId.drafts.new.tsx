import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { DOCUMENT_LANGUAGES, LANGUAGE_ENDONYMS } from "../../core/i18n/locales";
import { printedStateName, UN_STATES } from "../../core/un/states";
import { TEMPLATES } from "../../templates";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { TemplateGallery } from "../components/templates/template-gallery";
import { summariseTemplate } from "../components/templates/template-summary";
import { SubmittingOrganisationsField } from "../components/organisations/submitting-organisations-field";
import { Button, Card, SelectField, TextField } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { DraftSchema } from "../../core/schemas/draft";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "drafts.new.title");

/** Each of the six UN languages by its own name ("Français", "العربية"): how a reader of only that language finds it. */
const languageOptions = DOCUMENT_LANGUAGES.map((value) => ({ value, label: LANGUAGE_ENDONYMS[value] }));

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
  const { t, locale } = useT();
  // The States by their UN names in the reader's language, in that language's alphabetical order.
  const stateOptions = useMemo(
    () => UN_STATES.map((s) => ({ value: s.code, label: printedStateName(s.code, locale) })).sort((a, b) => a.label.localeCompare(b.label, locale)),
    [locale],
  );
  return (
    <Form method="post" className="form new-draft" noValidate>
      <p className="small">
        <Link to="..">{t("drafts.new.back")}</Link>
      </p>
      <TemplateGallery templates={templates} errors={errors.template} />
      <Card aria-labelledby="cover-heading">
        <h2 id="cover-heading">{t("drafts.new.coverHeading")}</h2>
        <p className="muted">{t("drafts.new.coverIntro")}</p>
        <div className="form">
          <TextField label={t("drafts.new.titleLabel")} name="title" required errors={errors.title} placeholder={t("drafts.new.titlePlaceholder")} />
          <SelectField label={t("drafts.new.stateLabel")} name="stateUnderReview" options={stateOptions} placeholder={t("drafts.new.choose")} errors={errors.stateUnderReview} />
          <TextField label={t("drafts.new.sessionLabel")} name="session" errors={errors.session} placeholder={t("drafts.new.sessionPlaceholder")} />
          <SubmittingOrganisationsField organisations={organisations} errors={errors.organisations} />
          <TextField label={t("drafts.new.contactLabel")} name="contact" errors={errors.contact} description={t("drafts.new.contactHint")} />
          {/* The submission's language, not the interface's: a French-speaking member may write in English. */}
          <SelectField
            label={t("drafts.new.languageLabel")}
            name="language"
            options={languageOptions}
            defaultValue={(DOCUMENT_LANGUAGES as readonly string[]).includes(locale) ? locale : "en"}
            description={t("drafts.new.languageHint")}
            errors={errors.language}
          />
          <TextField label={t("drafts.new.deadlineLabel")} name="deadline" type="date" description={t("drafts.new.deadlineHint")} errors={errors.deadline} />
        </div>
      </Card>
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t("drafts.new.create")}
        </Button>
      </div>
    </Form>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
