import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { ROLE_LABELS } from "../../core/policies";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Badge, PageHeader } from "../components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workspace.name} · Caucus` : "Caucus" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, membership, abilities, user } = await requireWorkspaceAccess(request, context, params.workspaceId);
  return {
    workspace: { id: workspace.id, name: workspace.name, description: workspace.description },
    role: membership.role,
    abilities,
    // Re-read whenever Remix revalidates this layout (after any action, or a reload), so
    // marking read shows at once; a mention from someone else shows from the next one on.
    unreadNotifications: await context.services.review.unreadNotifications(user.id, workspace.id),
  };
}

export default function WorkspaceLayout() {
  const { workspace, role, abilities, unreadNotifications } = useLoaderData<typeof loader>();
  const base = `/workspaces/${workspace.id}`;
  // The draft page needs the screen for the text: its child route asks for a one-line header.
  const compact = useMatches().some((match) => (match.handle as { compactHeader?: boolean } | undefined)?.compactHeader);
  return (
    <div className={compact ? "workspace-compact" : undefined}>
      <PageHeader
        eyebrow={compact ? undefined : "Coalition workspace"}
        title={workspace.name}
        description={compact ? undefined : workspace.description || undefined}
        actions={
          <>
            <Link className="notifications-link" to={`${base}/notifications`}>
              Notifications
              {unreadNotifications > 0 ? (
                <span className="notifications-count">
                  {unreadNotifications}
                  <span className="sr-only"> unread</span>
                </span>
              ) : null}
            </Link>
            <Badge tone={role === "owner" ? "accent" : "neutral"}>Your role: {ROLE_LABELS[role]}</Badge>
          </>
        }
      />
      <nav className="tabs" aria-label="Workspace">
        <NavLink to={base} end>
          Drafts
        </NavLink>
        <NavLink to={`${base}/library`}>Library</NavLink>
        <NavLink to={`${base}/organisations`}>Organisations</NavLink>
        {abilities.manage ? <NavLink to={`${base}/members`}>Members</NavLink> : null}
        {abilities.manage ? <NavLink to={`${base}/audit`}>Audit log</NavLink> : null}
        {abilities.manage ? <NavLink to={`${base}/settings`}>Settings</NavLink> : null}
      </nav>
      <Outlet />
    </div>
  );
}
