import type { AppLoadContext } from "@remix-run/node";
import { recordAudit } from "../../db/queries/audit";
import {
  createOrganisation,
  deleteOrganisation,
  findOrganisation,
  updateOrganisation,
  type OrganisationInput,
} from "../../db/queries/organisations";

export class OrganisationError extends Error {
  override readonly name = "OrganisationError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const DUPLICATE = "This workspace already has an organisation with that name.";

interface Actor {
  userId: string;
  workspaceId: string;
}

export async function addOrganisation(context: AppLoadContext, actor: Actor, input: OrganisationInput): Promise<void> {
  await context.db.transaction().execute(async (tx) => {
    const organisation = await createOrganisation(tx, actor.workspaceId, input);
    if (!organisation) throw new OrganisationError("name", DUPLICATE);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "organisation.added",
      targetType: "organisation",
      targetId: organisation.id,
      details: { name: input.name, acronym: input.acronym, confidential: input.confidential },
    });
  });
}

export async function editOrganisation(
  context: AppLoadContext,
  actor: Actor,
  organisationId: string,
  input: OrganisationInput,
): Promise<void> {
  await context.db.transaction().execute(async (tx) => {
    const before = await findOrganisation(tx, actor.workspaceId, organisationId);
    if (!before) throw new OrganisationError("organisationId", "That organisation was removed.");
    if (!(await updateOrganisation(tx, actor.workspaceId, organisationId, input))) {
      throw new OrganisationError("name", DUPLICATE);
    }
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "organisation.updated",
      targetType: "organisation",
      targetId: organisationId,
      details: { before: { name: before.name, acronym: before.acronym, confidential: before.confidential }, after: { name: input.name, acronym: input.acronym, confidential: input.confidential } },
    });
  });
}

export async function removeOrganisation(context: AppLoadContext, actor: Actor, organisationId: string): Promise<void> {
  await context.db.transaction().execute(async (tx) => {
    const organisation = await findOrganisation(tx, actor.workspaceId, organisationId);
    if (!organisation) throw new OrganisationError("organisationId", "That organisation was already removed.");
    await deleteOrganisation(tx, actor.workspaceId, organisationId);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "organisation.removed",
      targetType: "organisation",
      targetId: organisationId,
      details: { name: organisation.name },
    });
  });
}
