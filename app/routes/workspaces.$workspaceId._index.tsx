import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { mechanismName } from "../../core/un/mechanisms";
import { stateName } from "../../core/un/states";
import { listDrafts } from "../../db/queries/drafts";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { findTemplate } from "../../templates";
import { Badge, ButtonLink, Card, DataTable, EmptyState, type Column } from "../components/ui";

const COLUMNS: Column[] = [
  { label: "Title" },
  { label: "Mechanism" },
  { label: "State under review" },
  { label: "Status" },
  { label: "Deadline" },
];
import { STATUS_LABELS } from "../components/draft-status";


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, abilities } = await requireWorkspaceAccess(request, context, params.workspaceId);
  const drafts = await listDrafts(context.db, workspace.id);
  return {
    canCreate: abilities.edit,
    drafts: drafts.map((d) => ({
      id: d.id,
      title: d.title,
      mechanism: d.mechanism,
      template: d.template_slug ? (findTemplate(d.template_slug)?.title ?? null) : null,
      state: stateName(d.state_under_review),
      status: d.status,
      deadline: d.deadline ? d.deadline.toISOString().slice(0, 10) : null,
      updatedAt: d.updated_at.toISOString(),
    })),
  };
}

export default function Drafts() {
  const { drafts, canCreate } = useLoaderData<typeof loader>();
  return (
    <Card aria-labelledby="drafts-heading">
      <div className="card-header">
        <h2 id="drafts-heading">Drafts</h2>
        {canCreate ? <ButtonLink to="drafts/new">New draft</ButtonLink> : null}
      </div>
      {drafts.length === 0 ? (
        <EmptyState title="No drafts yet">
          <p>{canCreate ? "Start one from a UPR or treaty-body template with “New draft”." : "Editors and owners start drafts."}</p>
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
              </td>
              <td>{d.deadline ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </Card>
  );
}
