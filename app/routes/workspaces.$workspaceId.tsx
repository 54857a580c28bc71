import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, NavLink, Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { ROLE_LABELS } from "../../core/policies";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Badge, PageHeader } from "../components/ui";
import { useT } from "../i18n/i18n-provider";
import { metaTranslator } from "../i18n/meta";
import { TwoStepRequiredBanner } from "../two-step/workspace-requirement";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = metaTranslator(matches);
  return [{ title: data ? t("workspace.layout.metaTitle", { name: data.workspace.name }) : t("common.meta.title") }];
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, membership, abilities, user } = await requireWorkspaceAccess(request, context, params.workspaceId);
  return {
    workspace: { id: workspace.id, name: workspace.name, description: workspace.description },
    role: membership.role,
    abilities,
    // Re-read whenever Remix revalidates this layout (after any action, or a reload), so
    // marking read shows at once; a mention from someone else shows from the next one on.
    unreadNotifications: await context.services.review.unreadNotifications(user.id, workspace.id),
    // The owner requires two-step sign-in (issue 22): the banner says so, and whether the reader has it.
    twoStep: workspace.require_two_step ? { hasTwoStep: await context.services.twoStep.hasSecondStep(user.id) } : null,
  };
}

export default function WorkspaceLayout() {
  const { t, number } = useT();
  const { workspace, role, abilities, unreadNotifications, twoStep } = useLoaderData<typeof loader>();
  const base = `/workspaces/${workspace.id}`;
  // The draft page needs the screen for the text: its child route asks for a one-line header.
  const compact = useMatches().some((match) => (match.handle as { compactHeader?: boolean } | undefined)?.compactHeader);
  return (
    <div className={compact ? "workspace-compact" : undefined}>
      <PageHeader
        eyebrow={compact ? undefined : t("workspace.layout.eyebrow")}
        title={workspace.name}
        description={compact ? undefined : workspace.description || undefined}
        actions={
          <>
            <Link className="notifications-link" to={`${base}/notifications`}>
              {t("workspace.layout.notifications")}
              {unreadNotifications > 0 ? (
                <span className="notifications-count">
                  {number(unreadNotifications)}
                  <span className="sr-only"> {t("workspace.layout.unread")}</span>
                </span>
              ) : null}
            </Link>
            <Badge tone={role === "owner" ? "accent" : "neutral"}>{t("workspace.layout.yourRole", { role: t(ROLE_LABELS[role]) })}</Badge>
          </>
        }
      />
      <nav className="tabs" aria-label={t("workspace.layout.nav")}>
        <NavLink to={base} end>
          {t("workspace.tab.drafts")}
        </NavLink>
        <NavLink to={`${base}/library`}>{t("workspace.tab.library")}</NavLink>
        <NavLink to={`${base}/organisations`}>{t("workspace.tab.organisations")}</NavLink>
        {abilities.manage ? <NavLink to={`${base}/members`}>{t("workspace.tab.members")}</NavLink> : null}
        {abilities.manage ? <NavLink to={`${base}/audit`}>{t("workspace.tab.audit")}</NavLink> : null}
        {abilities.manage ? <NavLink to={`${base}/settings`}>{t("workspace.tab.settings")}</NavLink> : null}
      </nav>
      {twoStep && !compact ? <TwoStepRequiredBanner hasTwoStep={twoStep.hasTwoStep} /> : null}
      <Outlet />
    </div>
  );
}
