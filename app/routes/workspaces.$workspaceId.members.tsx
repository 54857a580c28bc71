import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { listPendingInvitations } from "../../db/queries/invitations";
import { listMembers } from "../../db/queries/memberships";
import { listOrganisations } from "../../db/queries/organisations";
import { requireWorkspaceAccess } from "../auth/guards.server";
import { Alert, Card, CopyField } from "../components/ui";
import { InviteForm, type InviteResult } from "../components/members/invite-form";
import { InvitationList } from "../components/members/invitation-list";
import { MemberList } from "../components/members/member-list";
import { invalid, parseForm } from "../forms.server";
import { MembersActionSchema } from "../schemas/workspace";
import {
  changeMember,
  inviteMember,
  MemberChangeError,
  removeMember,
  revokeMemberInvitation,
} from "../workspaces/members.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { workspace, user } = await requireWorkspaceAccess(request, context, params.workspaceId, "manage");
  const [members, invitations, organisations] = await Promise.all([
    listMembers(context.db, workspace.id),
    listPendingInvitations(context.db, workspace.id),
    listOrganisations(context.db, workspace.id),
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
  try {
    switch (input.intent) {
      case "invite": {
        const origin = context.publicOrigin ?? new URL(request.url).origin;
        const { link, delivered } = await inviteMember(context, actor, input, origin);
        return data({ ok: true as const, intent: input.intent, invite: { link, email: input.email, delivered } satisfies InviteResult });
      }
      case "revoke-invitation":
        await revokeMemberInvitation(context, actor, input.invitationId);
        break;
      case "update-member":
        await changeMember(context, actor, input);
        break;
      case "remove-member": {
        const { removedSelf } = await removeMember(context, actor, input.membershipId);
        if (removedSelf) return redirect("/workspaces");
        break;
      }
    }
    return data({ ok: true as const, intent: input.intent, invite: null });
  } catch (error) {
    if (error instanceof MemberChangeError) {
      return invalid({ intent: input.intent, fieldErrors: { [error.field]: [error.message] } }, 409);
    }
    throw error;
  }
}

export default function Members() {
  const { members, invitations, organisations, currentUserId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const invite = actionData?.ok ? actionData.invite : null;
  const failure = actionData && !actionData.ok ? actionData : null;
  const listError =
    failure && failure.intent !== "invite" ? Object.values(failure.fieldErrors).flat().filter(Boolean).join(" ") : null;
  return (
    <div className="grid grid-2">
      <div>
        {listError ? <Alert tone="error">{listError}</Alert> : null}
        <MemberList members={members} organisations={organisations} currentUserId={currentUserId} />
        <InvitationList invitations={invitations} />
      </div>
      <Card aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        {invite ? (
          <Alert tone="success" title={`Invitation for ${invite.email} created`}>
            <p>
              {invite.delivered
                ? "We emailed them the link. You can also share it yourself:"
                : "Send them this link through a channel you trust. It works once, for 7 days, and is shown only now."}
            </p>
            <CopyField label="One-time invitation link" value={invite.link} />
          </Alert>
        ) : null}
        <InviteForm key={invite?.link ?? "new"} organisations={organisations} errors={failure?.intent === "invite" ? failure.fieldErrors : {}} />
      </Card>
    </div>
  );
}
