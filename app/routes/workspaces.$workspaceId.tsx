import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "../../core/policies";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Badge, PageHeader } from "../components/ui";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.workspace.name} · Caucus` : "Caucus" }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, membership, abilities } = await requireWorkspaceAccess(request, context, params.workspaceId);
  return {
    workspace: { id: workspace.id, name: workspace.name, description: workspace.description },
    role: membership.role,
    abilities,
  };
}

export default function WorkspaceLayout() {
  const { workspace, role, abilities } = useLoaderData<typeof loader>();
  const base = `/workspaces/${workspace.id}`;
  return (
    <>
      <PageHeader
        eyebrow="Coalition workspace"
        title={workspace.name}
        description={workspace.description || undefined}
        actions={<Badge tone={role === "owner" ? "accent" : "neutral"}>Your role: {ROLE_LABELS[role]}</Badge>}
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
    </>
  );
}
