import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import type { Message } from "../../core/i18n/message";
import type { FieldErrors } from "../../core/schemas/form-data";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { RecommendationImportForm } from "../library/recommendation-import-form";
import { SourcesImportForm } from "../library/sources-import-form";
import { Alert, Card } from "../components/ui";
import { invalid } from "../forms.server";
import { parseImportRequest, runImportRequest } from "../library/import-request.server";
import { MAX_UPLOAD_BYTES, readLibraryUpload } from "../library/upload.server";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "import.page.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  return { workspaceId: workspace.id, maxBytes: MAX_UPLOAD_BYTES };
}

/**
 * The import's form posts: a preview (step 2), or an import, of recommendations or sources.
 * With JavaScript the recommendations import itself goes to library/import.ndjson instead,
 * for its progress; this action is the same work for a browser without it.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  const upload = await readLibraryUpload(request);
  if (!upload.ok) return invalid({ fieldErrors: {}, formError: upload.message }, upload.status);
  const parsed = parseImportRequest(upload.form);
  if (!parsed.ok) {
    const { status, ...failure } = parsed;
    return invalid(failure, status);
  }
  const outcome = await runImportRequest(context, { userId: user.id, workspaceId: workspace.id }, parsed.request);
  if (!outcome.ok) return invalid({ intent: parsed.request.form.intent, fieldErrors: { file: [outcome.message] } }, outcome.status);
  return data(outcome);
}

/** A refusal's messages other than the file's own, which sit beside the file input. */
function otherErrors(failure: { formError?: Message; fieldErrors: FieldErrors }): Message[] | undefined {
  const fields = Object.entries(failure.fieldErrors).flatMap(([field, messages]) => (field === "file" ? [] : messages ?? []));
  const all = [...(failure.formError ? [failure.formError] : []), ...fields];
  return all.length > 0 ? all : undefined;
}

export default function LibraryImport() {
  const { t, text } = useT();
  const { workspaceId, maxBytes } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const libraryHref = `/workspaces/${workspaceId}/library`;
  const failure = result && !result.ok ? result : null;
  // Which form a refusal belongs to; one found before the form was read (too large) goes above both.
  const forSources = failure?.intent === "import-sources";
  const forRecommendations = failure !== null && failure.intent !== undefined && !forSources;
  return (
    <div className="library-import">
      <p>
        <Link to={libraryHref}>{t("import.page.back")}</Link>
      </p>
      {failure && failure.intent === undefined && failure.formError ? <Alert tone="error">{text(failure.formError)}</Alert> : null}
      <Card>
        <RecommendationImportForm
          preview={result?.ok && result.kind === "preview" ? result.preview : null}
          summary={result?.ok && result.kind === "recommendations" ? result.summary : null}
          fileErrors={forRecommendations ? failure.fieldErrors.file : undefined}
          formError={forRecommendations ? otherErrors(failure) : undefined}
          streamUrl={`${libraryHref}/import.ndjson`}
          libraryHref={libraryHref}
          maxBytes={maxBytes}
        />
      </Card>
      <Card>
        <SourcesImportForm
          summary={result?.ok && result.kind === "sources" ? result.summary : null}
          fileErrors={forSources ? failure.fieldErrors.file : undefined}
          formError={forSources ? otherErrors(failure) : undefined}
          libraryHref={libraryHref}
        />
      </Card>
    </div>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
