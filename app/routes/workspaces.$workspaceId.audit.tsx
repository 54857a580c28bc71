import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { describeAuditEvent } from "../components/audit/describe-event";
import { Card, EmptyState } from "../components/ui";
import { PageErrorBoundary } from "../components/page-error-boundary";

const PAGE_SIZE = 50;
const Before = z.string().regex(/^\d{1,18}$/).optional().catch(undefined);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  const before = Before.parse(new URL(request.url).searchParams.get("before") ?? undefined);
  const rows = await context.services.workspaces.auditLog(workspace.id, { limit: PAGE_SIZE + 1, before });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    events: page.map((e) => ({
      id: e.id,
      actor: e.actorName ?? "A former member",
      description: describeAuditEvent(e.action, e.details),
      at: e.created_at.toISOString(),
    })),
    olderCursor: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null,
    isFirstPage: !before,
  };
}

export default function AuditLog() {
  const { events, olderCursor, isFirstPage } = useLoaderData<typeof loader>();
  return (
    <Card aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      <p className="muted small">Every change to who belongs to this workspace and what they may do. Only owners see it.</p>
      {events.length === 0 ? (
        <EmptyState title="Nothing recorded yet" />
      ) : (
        <ol className="audit-list" aria-label="Events, newest first">
          {events.map((e) => (
            <li key={e.id}>
              <span>
                <strong>{e.actor}</strong> {e.description}
              </span>
              <time dateTime={e.at}>{e.at.replace("T", " ").slice(0, 16)} UTC</time>
            </li>
          ))}
        </ol>
      )}
      <div className="form-actions" style={{ marginTop: "1rem" }}>
        {!isFirstPage ? <Link to=".">Newest</Link> : null}
        {olderCursor ? <Link to={`?before=${olderCursor}`}>Older events</Link> : null}
      </div>
    </Card>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
