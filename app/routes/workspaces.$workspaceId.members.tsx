import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Alert, Card, CopyField } from "../components/ui";
import { InviteForm, type InviteResult } from "../components/members/invite-form";
import { InvitationList } from "../components/members/invitation-list";
import { MemberList } from "../components/members/member-list";
import { invalid, parseForm } from "../forms.server";
import { MembersActionSchema } from "../schemas/workspace";
import type { FieldRefusal } from "../../server/workspaces/service";
import { PageErrorBoundary } from "../components/page-error-boundary";
import { useT } from "../i18n/i18n-provider";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  const { workspaces } = context.services;
  const [members, invitations, organisations] = await Promise.all([
    workspaces.listMembers(workspace.id),
    workspaces.listPendingInvitations(workspace.id),
    workspaces.listOrganisations(workspace.id),
  ]);
  return {
    currentUserId: user.id,
    members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    invitations: invitations.map((i) => ({ ...i, expiresAt: i.expiresAt.toISOString(), createdAt: i.createdAt.toISOString() })),
    organisations: organisations.map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name })),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  const parsed = parseForm(await request.formData(), MembersActionSchema);
  if (!parsed.ok) return invalid(parsed);
  const input = parsed.data;
  const actor = { userId: user.id, userName: user.name, workspaceId: workspace.id, workspaceName: workspace.name };
  const { workspaces } = context.services;
  const refused = (refusal: FieldRefusal) => invalid({ intent: input.intent, fieldErrors: { [refusal.field]: [refusal.message] } }, 409);
  switch (input.intent) {
    case "invite": {
      // The link is built on the public origin, as the invitee's browser will reach it.
      const origin = context.publicOrigin ?? new URL(request.url).origin;
      const invited = await workspaces.invite(actor, input, origin);
      if (!invited.ok) return refused(invited);
      return data({ ok: true as const, intent: input.intent, invite: { link: invited.link, email: input.email, delivered: invited.delivered, validDays: invited.validDays } satisfies InviteResult });
    }
    case "revoke-invitation": {
      const revoked = await workspaces.revokeInvitation(actor, input.invitationId);
      if (!revoked.ok) return refused(revoked);
      break;
    }
    case "update-member": {
      const changed = await workspaces.changeMember(actor, input);
      if (!changed.ok) return refused(changed);
      break;
    }
    case "remove-member": {
      const removed = await workspaces.removeMember(actor, input.membershipId);
      if (!removed.ok) return refused(removed);
      if (removed.removedSelf) return redirect("/workspaces");
      break;
    }
  }
  return data({ ok: true as const, intent: input.intent, invite: null });
}

export default function Members() {
  const { t, text } = useT();
  const { members, invitations, organisations, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const invite = actionData?.ok ? actionData.invite : null;
  const failure = actionData && !actionData.ok ? actionData : null;
  const listError =
    failure && failure.intent !== "invite" ? Object.values(failure.fieldErrors).flat().filter((m) => m !== undefined).map(text).join(" ") : null;
  return (
    <div className="grid grid-2">
      <div>
        {listError ? <Alert tone="error">{listError}</Alert> : null}
        <MemberList members={members} organisations={organisations} currentUserId={currentUserId} />
        <InvitationList invitations={invitations} />
      </div>
      <Card aria-labelledby="invite-heading">
        <h2 id="invite-heading">{t("workspace.invite.heading")}</h2>
        {invite ? (
          <Alert tone="success" title={t("workspace.invite.created", { email: invite.email })}>
            <p>
              {invite.delivered
                ? t("workspace.invite.delivered")
                : t("workspace.invite.share", { days: invite.validDays })}
            </p>
            <CopyField label={t("workspace.invite.linkLabel")} value={invite.link} />
          </Alert>
        ) : null}
        <InviteForm key={invite?.link ?? "new"} organisations={organisations} errors={failure?.intent === "invite" ? failure.fieldErrors : {}} />
      </Card>
    </div>
  );
}

/** A failure of this page shows inside the workspace layout. */
export function ErrorBoundary() {
  return <PageErrorBoundary />;
}
