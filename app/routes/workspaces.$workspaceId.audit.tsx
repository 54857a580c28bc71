import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { FormattedMessage } from "react-intl";
import { z } from "zod";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { describeAuditEvent } from "../components/audit/describe-event";
import { Card, EmptyState } from "../components/ui";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";

const PAGE_SIZE = 50;
const Before = z.string().regex(/^\d{1,18}$/).optional().catch(undefined);

/** When it happened, in UTC as before (owners compare entries across time zones), in the reader's conventions. */
const WHEN: Intl.DateTimeFormatOptions = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  const before = Before.parse(new URL(request.url).searchParams.get("before") ?? undefined);
  const rows = await context.services.workspaces.auditLog(workspace.id, { limit: PAGE_SIZE + 1, before });
  const page = rows.slice(0, PAGE_SIZE);
  return {
    // The event's facts, not a sentence: the page says them in the reader's language.
    events: page.map((e) => ({
      id: e.id,
      actor: e.actorName,
      action: e.action,
      details: (e.details ?? {}) as Record<string, unknown>,
      at: e.created_at.toISOString(),
    })),
    olderCursor: rows.length > PAGE_SIZE ? page[page.length - 1]!.id : null,
    isFirstPage: !before,
  };
}

const bold = (chunks: React.ReactNode[]) => <strong>{chunks}</strong>;

export default function AuditLog() {
  const translator = useT();
  const { t, date } = translator;
  const { events, olderCursor, isFirstPage } = useLoaderData<typeof loader>();
  return (
    <Card aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t("workspace.audit.heading")}</h2>
      <p className="muted small">{t("workspace.audit.intro")}</p>
      {events.length === 0 ? (
        <EmptyState title={t("workspace.audit.empty")} />
      ) : (
        <ol className="audit-list" aria-label={t("workspace.audit.listLabel")}>
          {events.map((e) => (
            <li key={e.id}>
              <span>
                <FormattedMessage
                  id="workspace.audit.event"
                  values={{
                    actor: e.actor ?? t("workspace.formerMember"),
                    description: describeAuditEvent(translator, e.action, e.details as Record<string, unknown>),
                    b: bold,
                  }}
                />
              </span>
              <time dateTime={e.at}>{date(e.at, WHEN)}</time>
            </li>
          ))}
        </ol>
      )}
      <div className="form-actions" style={{ marginTop: "1rem" }}>
        {!isFirstPage ? <Link to=".">{t("workspace.audit.newest")}</Link> : null}
        {olderCursor ? <Link to={`?before=${olderCursor}`}>{t("workspace.audit.older")}</Link> : null}
      </div>
    </Card>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
