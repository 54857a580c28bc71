import type { Kysely } from "kysely";
import { createUser, findUserByEmail } from "../../db/queries/users";
import type { Database } from "../../db/schema";
import { hashPassword } from "../auth/password";
import { admitInvitee, describeInvitation, lockValidInvitation, type InvitationState, type InvitationView } from "../workspaces/invitations";

export type InvitationProblem = Exclude<InvitationState, "valid">;

/**
 * What the sign-up page shows someone holding an invitation link: the invitation, and whether its
 * address has an account already (then they sign in to accept). The link's holder got it by mail
 * or from the owner for that address, so telling them reveals nothing they could not know.
 */
export type InvitationSignUpView =
  | { state: "valid"; invite: InvitationView; hasAccount: boolean }
  | { state: InvitationProblem; invite: null; hasAccount: false };

export async function describeInvitationSignUp(db: Kysely<Database>, token: string | undefined): Promise<InvitationSignUpView> {
  const found = await describeInvitation(db, token);
  if (found.state !== "valid") return { state: found.state, invite: null, hasAccount: false };
  const hasAccount = (await findUserByEmail(db, found.invite.email)) !== undefined;
  return { state: "valid", invite: found.invite, hasAccount };
}

export type InvitationSignUpResult =
  | { ok: true; userId: string; workspaceId: string }
  | { ok: false; reason: InvitationProblem | "has_account" };

/**
 * Creates the account the invitation is for (its address, which the form cannot change) and
 * joins the workspace in one transaction: either both happen or neither, and the link is spent.
 */
export async function signUpFromInvitation(
  db: Kysely<Database>,
  input: { token: string; name: string; password: string },
): Promise<InvitationSignUpResult> {
  // The link is checked before the costly hash, and again under the row lock after it.
  const before = await describeInvitationSignUp(db, input.token);
  if (before.state !== "valid") return { ok: false, reason: before.state };
  if (before.hasAccount) return { ok: false, reason: "has_account" };
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx): Promise<InvitationSignUpResult> => {
    const { invitation, state } = await lockValidInvitation(tx, input.token);
    if (!invitation) return { ok: false, reason: state };
    const user = await createUser(tx, { email: invitation.email, name: input.name, passwordHash });
    if (!user) return { ok: false, reason: "has_account" };
    await admitInvitee(tx, invitation, user.id);
    return { ok: true, userId: user.id, workspaceId: invitation.workspace_id };
  });
}
