import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FACETS } from "../../core/library/search-query";
import type { LibrarySearchResult } from "../../db/queries/library-search";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { DeleteRecommendationForm } from "../library/delete-recommendation-form";
import { FacetFilters } from "../library/facet-filters";
import { LibrarySearchForm } from "../library/library-search-form";
import { Pager } from "../library/pager";
import { RecommendationCard, recommendationCardTitle } from "../library/recommendation-card";
import { librarySearchHref } from "../library/search-url";
import { Alert, ButtonLink, Card, EmptyState } from "../components/ui";
import { invalid, parseForm } from "../forms.server";
import { message, type Message, type MessageId } from "../../core/i18n/message";
import { FormattedMessage } from "react-intl";
import { useT } from "../i18n/i18n-provider";
import { pageMeta } from "../i18n/meta";
import {
  DeleteRecommendationSchema,
  LIBRARY_MAX_PAGE,
  LIBRARY_PAGE_SIZE,
  parseLibraryQuery,
  selectedFacets,
  toLibrarySearch,
  type LibraryQuery,
} from "../schemas/library";
import { PageErrorBoundary } from "../components/page-error-boundary";

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, "library.page.title");

const EMPTY: LibrarySearchResult = { mode: "browse", total: 0, results: [], facets: Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as LibrarySearchResult["facets"] };

/** A bad URL parameter, by its name, which the catalogue turns into our label for it (q → "Search"). */
const queryProblem = (field: string): Message => message("library.query.invalid", { field });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, abilities } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const parsed = parseLibraryQuery(new URL(request.url).searchParams);
  const page = {
    workspaceId: workspace.id,
    canEdit: abilities.edit,
    canExport: abilities.export,
    ownCount: await context.services.library.countOwn(workspace.id),
  };
  if (!parsed.success) {
    // A hand-edited or stale URL: say what is wrong and show the search box, not an error page.
    const errors = parsed.error.issues.map((issue) => queryProblem(String(issue.path[0] ?? "")));
    return data({ ...page, query: { q: "", page: 1 } as LibraryQuery, result: EMPTY, errors }, { status: 400 });
  }
  const result = await context.services.library.search(workspace.id, toLibrarySearch(parsed.data));
  return { ...page, query: parsed.data, result, errors: [] as Message[] };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "edit");
  const parsed = parseForm(await request.formData(), DeleteRecommendationSchema);
  if (!parsed.ok) return invalid(parsed);
  const outcome = await context.services.library.deleteRecommendation({ userId: user.id, workspaceId: workspace.id }, parsed.data.recommendationId);
  if (outcome.status === "shared") return invalid({ fieldErrors: {}, formError: message("library.delete.shared") }, 403);
  if (outcome.status === "not-found") return invalid({ fieldErrors: {}, formError: message("library.delete.gone") }, 404);
  return data({ ok: true as const, deleted: recommendationCardTitle(outcome.record) });
}

const MODE_NOTES: Partial<Record<LibrarySearchResult["mode"], MessageId>> = { reference: "library.mode.reference", similar: "library.mode.similar" };

export default function Library() {
  const { t, text } = useT();
  const { workspaceId, canEdit, canExport, ownCount, query, result, errors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const selected = selectedFacets(query);
  const filtered = Object.keys(selected).length > 0;
  const base = `/workspaces/${workspaceId}/library`;

  return (
    <div className="library">
      <Card aria-labelledby="library-heading">
        <div className="card-header">
          <h2 id="library-heading">{t("library.page.heading")}</h2>
          {canEdit ? (
            <ButtonLink to={`${base}/import`} variant="secondary" size="sm">
              {t("library.page.import")}
            </ButtonLink>
          ) : null}
        </div>
        <p className="muted small">{t("library.page.intro", { count: ownCount })}</p>
        {canExport ? (
          <p className="library-exports small">
            <FormattedMessage
              id="library.page.exports"
              values={{
                recommendations: (chunks) => (
                  <a href={`${base}/export/recommendations.csv`} download>
                    {chunks}
                  </a>
                ),
                sourcesJson: (chunks) => (
                  <a href={`${base}/export/sources.json`} download>
                    {chunks}
                  </a>
                ),
                sourcesCsv: (chunks) => (
                  <a href={`${base}/export/sources.csv`} download>
                    {chunks}
                  </a>
                ),
              }}
            />
          </p>
        ) : null}
        <LibrarySearchForm q={query.q} selected={selected} errors={errors.length ? errors : undefined} />
      </Card>

      {actionData && !actionData.ok && actionData.formError ? <Alert tone="error">{text(actionData.formError)}</Alert> : null}
      {actionData?.ok ? <Alert tone="success">{t("library.delete.done", { record: actionData.deleted })}</Alert> : null}

      <div className="library-layout">
        <aside className="library-facets">
          <FacetFilters
            facets={result.facets}
            selected={selected}
            hrefFor={(facet, value) => librarySearchHref(query, { [facet]: value })}
            clearAllHref={librarySearchHref({ q: query.q }, {})}
          />
        </aside>
        <section className="library-results" aria-labelledby="results-heading">
          <h2 id="results-heading" className="library-total" aria-live="polite">
            {t("library.results.total", { count: result.total, query: query.q ? "yes" : "no", q: query.q, filtered: filtered ? "yes" : "no" })}
          </h2>
          {MODE_NOTES[result.mode] ? <p className="muted small">{t(MODE_NOTES[result.mode]!)}</p> : null}
          {result.results.length === 0 ? (
            <EmptyState title={result.mode === "browse" && !filtered ? t("library.results.empty") : t("library.results.noMatch")}>
              <p>{canEdit ? t("library.results.tryImport") : t("library.results.tryOther")}</p>
            </EmptyState>
          ) : (
            <ol className="rec-list">
              {result.results.map((record) => (
                <li key={record.id}>
                  <RecommendationCard
                    record={record}
                    actions={
                      canEdit && record.workspaceId !== null ? (
                        <DeleteRecommendationForm recommendationId={record.id} label={recommendationCardTitle(record)} />
                      ) : undefined
                    }
                  />
                </li>
              ))}
            </ol>
          )}
          <Pager
            total={result.total}
            page={query.page}
            pageSize={LIBRARY_PAGE_SIZE}
            maxPage={LIBRARY_MAX_PAGE}
            hrefFor={(page) => librarySearchHref(query, { page })}
            noun="recommendations"
          />
        </section>
      </div>
    </div>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
