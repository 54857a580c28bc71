import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageId } from "../../core/i18n/message";
import { mechanismName } from "../../core/un/mechanisms";
import { stateName } from "../../core/un/states";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { findTemplate } from "../../templates";
import { templateNameIds } from "../components/templates/template-summary";
import { STATUS_MESSAGES } from "../components/draft-status";
import { Badge, ButtonLink, Card, DataTable, EmptyState, type Column } from "../components/ui";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";

/** A deadline is a calendar day: written in UTC, so no time zone moves it to the day before. */
const DEADLINE: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeZone: "UTC" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, abilities, user } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const drafts = await context.services.workspaces.listDrafts(workspace.id, user.id);
  return {
    canCreate: abilities.edit,
    drafts: drafts.map(({ draft: d, openThreads, awaitingMyReview }) => ({
      id: d.id,
      title: d.title,
      mechanism: d.mechanism,
      template: d.template_slug ? (findTemplate(d.template_slug)?.title ?? null) : null,
      templateSlug: d.template_slug,
      // The code: the page names the State in the reader's language.
      state: d.state_under_review,
      status: d.status,
      openThreads,
      awaitingMyReview,
      deadline: d.deadline ? d.deadline.toISOString().slice(0, 10) : null,
      updatedAt: d.updated_at.toISOString(),
    })),
  };
}

export default function Drafts() {
  const { t, number, date, locale } = useT();
  const { drafts, canCreate } = useLoaderData<typeof loader>();
  const columns: Column[] = [
    { label: t("workspace.drafts.colTitle") },
    { label: t("workspace.drafts.colMechanism") },
    { label: t("workspace.drafts.colState") },
    { label: t("workspace.drafts.colStatus") },
    { label: t("workspace.drafts.colOpenThreads"), align: "end" },
    { label: t("workspace.drafts.colDeadline") },
  ];
  const forMe = drafts.filter((d) => d.awaitingMyReview);
  return (
    <>
      {forMe.length > 0 ? (
        <Card aria-labelledby="review-heading" className="review-queue">
          <h2 id="review-heading">{t("workspace.drafts.forReview")}</h2>
          <ul>
            {forMe.map((d) => (
              <li key={d.id}>
                <Link to={`drafts/${d.id}`}>{d.title}</Link> <span className="small muted">
                  {d.deadline
                    ? t("workspace.drafts.openThreadsDue", { count: d.openThreads, date: date(d.deadline, DEADLINE) })
                    : t("workspace.drafts.openThreads", { count: d.openThreads })}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card aria-labelledby="drafts-heading">
        <div className="card-header">
          <h2 id="drafts-heading">{t("workspace.drafts.heading")}</h2>
          <div className="card-actions">
            <ButtonLink to="drafts/import" variant="secondary">
              {canCreate ? t("workspace.drafts.fromWord") : t("workspace.drafts.checkWord")}
            </ButtonLink>
            {canCreate ? <ButtonLink to="drafts/new">{t("workspace.drafts.new")}</ButtonLink> : null}
          </div>
        </div>
        {drafts.length === 0 ? (
          <EmptyState title={t("workspace.drafts.empty")}>
            <p>
              {canCreate ? t("workspace.drafts.emptyEditor") : t("workspace.drafts.emptyReader")}
            </p>
          </EmptyState>
        ) : (
          <DataTable columns={columns}>
            {drafts.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link className="row-title" to={`drafts/${d.id}`}>
                    {d.title}
                  </Link>
                  {d.template ? <div className="small muted">{templateTitle(t, d.templateSlug, d.template)}</div> : null}
                </td>
                <td>
                  <abbr title={mechanismName(d.mechanism, locale)}>{d.mechanism}</abbr>
                </td>
                <td>{stateName(d.state, locale)}</td>
                <td>
                  <Badge>{t(STATUS_MESSAGES[d.status])}</Badge>
                  {d.awaitingMyReview ? (
                    <>
                      {" "}
                      <Badge tone="accent">{t("workspace.drafts.yourReview")}</Badge>
                    </>
                  ) : null}
                </td>
                <td className="actions">{d.openThreads > 0 ? number(d.openThreads) : <span className="muted">{t("workspace.drafts.noValue")}</span>}</td>
                <td>{d.deadline ? <time dateTime={d.deadline}>{date(d.deadline, DEADLINE)}</time> : <span className="muted">{t("workspace.drafts.noValue")}</span>}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

/** A template's title in the reader's language; a slug the catalogue does not know keeps its English title. */
function templateTitle(t: (id: MessageId) => string, slug: string | null, english: string): string {
  const names = slug ? templateNameIds(slug) : null;
  return names ? t(names.title) : english;
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
