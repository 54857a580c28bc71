import type { Kysely } from "kysely";
import { message, type Message } from "../../core/i18n/message";
import { recordAudit } from "../../db/queries/audit";
import {
  createOrganisation,
  deleteOrganisation,
  findOrganisation,
  updateOrganisation,
  type OrganisationInput,
} from "../../db/queries/organisations";
import type { Database } from "../../db/schema";

type Db = Kysely<Database>;

/** A refusal the organisations page shows beside the form, in the reader's language. */
export class OrganisationError extends Error {
  override readonly name = "OrganisationError";
  constructor(
    readonly field: string,
    readonly refusal: Message,
  ) {
    super(refusal.id);
  }
}

const DUPLICATE = message("workspace.refusal.organisationDuplicate");

interface Actor {
  userId: string;
  workspaceId: string;
}

export async function addOrganisation(db: Db, actor: Actor, input: OrganisationInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
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
  db: Db,
  actor: Actor,
  organisationId: string,
  input: OrganisationInput,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await findOrganisation(tx, actor.workspaceId, organisationId);
    if (!before) throw new OrganisationError("organisationId", message("workspace.refusal.organisationRemoved"));
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

export async function removeOrganisation(db: Db, actor: Actor, organisationId: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const organisation = await findOrganisation(tx, actor.workspaceId, organisationId);
    if (!organisation) throw new OrganisationError("organisationId", message("workspace.refusal.organisationAlreadyRemoved"));
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
