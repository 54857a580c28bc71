import { redirect, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { draftAbilities, workspaceAbilities, type Abilities, type Ability } from "../../core/policies";
import type { Draft, Membership, Workspace } from "../../db/schema";
import { forbidden, notFound } from "../http-errors.server";
import { requireSession } from "./auth.server";
import type { SessionUser } from "./session.server";

const Id = z.uuid();

export interface WorkspaceAccess {
  user: SessionUser;
  sessionId: string;
  workspace: Workspace;
  membership: Membership;
  abilities: Abilities;
}

/**
 * The signed-in member's access to a workspace. Signed out → sign-in redirect; not a member (or
 * no such workspace, or a malformed id) → 404; a member without `ability` → 403.
 */
export async function requireWorkspaceAccess(
  request: Request,
  context: AppLoadContext,
  workspaceId: string | undefined,
  ability: Ability = "read",
): Promise<WorkspaceAccess> {
  const session = await requireSession(request, context);
  if (!Id.safeParse(workspaceId).success) throw notFound();
  const found = await context.services.workspaces.memberAccess(workspaceId!, session.user.id);
  if (!found) throw notFound();
  const { workspace, membership } = found;
  const abilities = workspaceAbilities(membership);
  if (!abilities[ability]) throw forbidden();
  return { user: session.user, sessionId: session.sessionId, workspace, membership, abilities };
}

export interface DraftAccess extends WorkspaceAccess {
  draft: Draft;
  draftAbilities: Abilities;
}

/**
 * Like requireWorkspaceAccess, for one draft; a draft of another workspace is a 404. A member of a
 * workspace that requires two-step sign-in, who has none, is sent to set it up first (issue 22).
 */
export async function requireDraftAccess(
  request: Request,
  context: AppLoadContext,
  params: { workspaceId?: string; draftId?: string },
  ability: Ability = "read",
): Promise<DraftAccess> {
  const access = await requireWorkspaceAccess(request, context, params.workspaceId);
  if (!Id.safeParse(params.draftId).success) throw notFound();
  const draft = await context.services.workspaces.draftIn(access.workspace.id, params.draftId!);
  if (!draft) throw notFound();
  if (await context.services.twoStep.missingFor(access.user.id, access.workspace)) throw redirect(twoStepSetupPath(access.workspace.id, draft.id));
  const abilities = draftAbilities(
    { role: access.membership.role, workspaceId: access.membership.workspace_id },
    { workspaceId: draft.workspace_id, status: draft.status },
  );
  if (!abilities[ability]) throw forbidden();
  return { ...access, draft, draftAbilities: abilities };
}

/** The set-up page, naming the workspace that asks for it, and the way back: the draft's own page. */
function twoStepSetupPath(workspaceId: string, draftId: string): string {
  const back = `/workspaces/${workspaceId}/drafts/${draftId}`;
  return `/account/two-step?required=${encodeURIComponent(workspaceId)}&back=${encodeURIComponent(back)}`;
}
