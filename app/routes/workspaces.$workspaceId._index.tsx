import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { mechanismName } from "../../core/un/mechanisms";
import { stateName } from "../../core/un/states";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { findTemplate } from "../../templates";
import { STATUS_LABELS } from "../components/draft-status";
import { Badge, ButtonLink, Card, DataTable, EmptyState, type Column } from "../components/ui";
import { count } from "../../core/text/count";
import { PageErrorBoundary } from "../components/page-error-boundary";

const COLUMNS: Column[] = [
  { label: "Title" },
  { label: "Mechanism" },
  { label: "State under review" },
  { label: "Status" },
  { label: "Open threads", align: "end" },
  { label: "Deadline" },
];

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
      state: stateName(d.state_under_review),
      status: d.status,
      openThreads,
      awaitingMyReview,
      deadline: d.deadline ? d.deadline.toISOString().slice(0, 10) : null,
      updatedAt: d.updated_at.toISOString(),
    })),
  };
}

export default function Drafts() {
  const { drafts, canCreate } = useLoaderData<typeof loader>();
  const forMe = drafts.filter((d) => d.awaitingMyReview);
  return (
    <>
      {forMe.length > 0 ? (
        <Card aria-labelledby="review-heading" className="review-queue">
          <h2 id="review-heading">Assigned to you for review</h2>
          <ul>
            {forMe.map((d) => (
              <li key={d.id}>
                <Link to={`drafts/${d.id}`}>{d.title}</Link>{" "}
                <span className="small muted">
                  {count(d.openThreads, "open thread")}
                  {d.deadline ? ` · due ${d.deadline}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card aria-labelledby="drafts-heading">
        <div className="card-header">
          <h2 id="drafts-heading">Drafts</h2>
          <div className="card-actions">
            <ButtonLink to="drafts/import" variant="secondary">
              {canCreate ? "From a Word file" : "Check a Word file"}
            </ButtonLink>
            {canCreate ? <ButtonLink to="drafts/new">New draft</ButtonLink> : null}
          </div>
        </div>
        {drafts.length === 0 ? (
          <EmptyState title="No drafts yet">
            <p>
              {canCreate
                ? "Start one from a UPR or treaty-body template with “New draft”, or bring a Word file with “From a Word file”."
                : "Editors and owners start drafts. You can check a Word file against a template's rules."}
            </p>
          </EmptyState>
        ) : (
          <DataTable columns={COLUMNS}>
            {drafts.map((d) => (
              <tr key={d.id}>
                <td>
                  <Link className="row-title" to={`drafts/${d.id}`}>
                    {d.title}
                  </Link>
                  {d.template ? <div className="small muted">{d.template}</div> : null}
                </td>
                <td>
                  <abbr title={mechanismName(d.mechanism)}>{d.mechanism}</abbr>
                </td>
                <td>{d.state}</td>
                <td>
                  <Badge>{STATUS_LABELS[d.status]}</Badge>
                  {d.awaitingMyReview ? (
                    <>
                      {" "}
                      <Badge tone="accent">Your review</Badge>
                    </>
                  ) : null}
                </td>
                <td className="actions">{d.openThreads > 0 ? d.openThreads : <span className="muted">—</span>}</td>
                <td>{d.deadline ?? <span className="muted">—</span>}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
