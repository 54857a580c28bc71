import type { Kysely } from "kysely";
import { message, type Message } from "../../core/i18n/message";
import type { Role } from "../../core/policies/roles";
import { recordAudit } from "../../db/queries/audit";
import { createInvitation } from "../../db/queries/invitations";
import { listMembers } from "../../db/queries/memberships";
import { findOrganisation } from "../../db/queries/organisations";
import { normaliseEmail } from "../../db/queries/users";
import { findWorkspace } from "../../db/queries/workspaces";
import type { Database } from "../../db/schema";
import { generateToken, hashToken } from "../auth/tokens";
import type { Mailer } from "../mail/mailer";
import { INVITATION_LIFETIME_MS } from "../workspaces/members";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type CommandLineInvitation =
  | { ok: true; link: string; expiresAt: Date; workspaceName: string; delivered: boolean }
  | { ok: false; problem: Message };

/**
 * An invitation made by the operator (no inviter: the audit log says nobody in the workspace made
 * it). Same rules as the members page: not for someone already a member, an organisation of that
 * workspace only, one-time link stored hashed, mailed when a transport delivers.
 */
export async function inviteFromCommandLine(
  { db, mailer }: { db: Kysely<Database>; mailer: Mailer },
  input: { workspaceId: string; email: string; role: Role; organisationId: string | null },
  origin: string,
): Promise<CommandLineInvitation> {
  const workspace = UUID.test(input.workspaceId) ? await findWorkspace(db, input.workspaceId) : undefined;
  if (!workspace) return { ok: false, problem: message("signup.cli.workspaceUnknown", { id: input.workspaceId }) };
  const organisation = input.organisationId && UUID.test(input.organisationId) ? await findOrganisation(db, workspace.id, input.organisationId) : undefined;
  if (input.organisationId && !organisation) return { ok: false, problem: message("signup.cli.organisationUnknown", { id: input.organisationId }) };
  const email = normaliseEmail(input.email);
  if ((await listMembers(db, workspace.id)).some((m) => m.email === email)) return { ok: false, problem: message("workspace.refusal.alreadyMember") };
  const token = generateToken();
  const expiresAt = new Date(Date.now() + INVITATION_LIFETIME_MS);
  await db.transaction().execute(async (tx) => {
    const invitation = await createInvitation(tx, {
      workspaceId: workspace.id,
      email,
      role: input.role,
      organisationId: organisation?.id ?? null,
      tokenHash: hashToken(token),
      invitedBy: null,
      expiresAt,
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actorId: null,
      action: "invitation.created",
      targetType: "invitation",
      targetId: invitation.id,
      details: { email, role: input.role, from: "command line" },
    });
  });
  const link = `${origin}/invite/${token}`;
  if (mailer.delivers) await mailer.sendInvitation({ to: email, workspaceName: workspace.name, inviterName: null, role: input.role, link, expiresAt });
  return { ok: true, link, expiresAt, workspaceName: workspace.name, delivered: mailer.delivers };
}
