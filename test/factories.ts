import { randomBytes } from "node:crypto";
import type { Role } from "../core/policies";
import type { DatabaseHandle } from "../db/client";
import { createWorkspace } from "../db/queries/workspaces";
import { createOrganisation } from "../db/queries/organisations";
import { createDraft } from "../db/queries/drafts";
import { upsertMembership } from "../db/queries/memberships";
import { createUser } from "../db/queries/users";
import { hashPassword } from "../server/auth/password";
import { createSession } from "../server/auth/sessions";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString("hex");

/** A user with TEST_PASSWORD and a live session token. */
export async function buildUser(handle: DatabaseHandle, name = `Person ${unique()}`) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${unique()}@example.org`;
  const user = await createUser(handle.db, { email, name, passwordHash: await passwordHash });
  if (!user) throw new Error("factory email collided");
  const { token } = await createSession(handle.db, user.id, { userAgent: "Caucus tests", shared: false, method: "sign-up" });
  return { ...user, token };
}

export type TestUser = Awaited<ReturnType<typeof buildUser>>;

/** A workspace with one member per role, an organisation and a draft. */
export async function buildWorkspace(handle: DatabaseHandle) {
  const owner = await buildUser(handle, "Owner");
  const workspace = await createWorkspace(handle.db, { name: `Coalition ${unique()}`, description: "", ownerId: owner.id });
  const members: Record<Role, TestUser> = {
    owner,
    editor: await addMember(handle, workspace.id, "editor"),
    reviewer: await addMember(handle, workspace.id, "reviewer"),
    viewer: await addMember(handle, workspace.id, "viewer"),
  };
  const organisation = await createOrganisation(handle.db, workspace.id, {
    name: `Org ${unique()}`,
    acronym: "ORG",
    confidential: false,
  });
  const draft = await createDraft(handle.db, {
    workspace_id: workspace.id,
    title: "Joint submission",
    mechanism: "UPR",
    state_under_review: "GHA",
    created_by: owner.id,
  });
  return { workspace, members, organisation: organisation!, draft };
}

export async function addMember(handle: DatabaseHandle, workspaceId: string, role: Role, organisationId: string | null = null) {
  const user = await buildUser(handle, role[0]!.toUpperCase() + role.slice(1));
  const membership = await upsertMembership(handle.db, { workspaceId, userId: user.id, role, organisationId });
  return { ...user, membershipId: membership.id };
}
