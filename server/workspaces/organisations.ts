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
import { canBeFocalPoint, canSetFocalPoint, type SignOffActor } from "../../core/policies";
import { findMembership } from "../../db/queries/memberships";
import { setFocalPoint } from "../../db/queries/sign-offs";
import { findUserById } from "../../db/queries/users";

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

/**
 * Names (or clears, null) the member who signs for an organisation (issue 21). Owners for any
 * organisation, its current focal point to hand over (core/policies/sign-off.ts); the person named
 * must be a member whose membership is in that organisation. Decided under the row's lock.
 */
export async function setOrganisationFocalPoint(db: Db, actor: SignOffActor & { workspaceId: string }, organisationId: string, focalPointId: string | null): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const organisation = await findOrganisation(tx, actor.workspaceId, organisationId);
    if (!organisation) throw new OrganisationError("organisationId", message("workspace.refusal.organisationRemoved"));
    if (!canSetFocalPoint(actor, { id: organisation.id, focalPointId: organisation.focal_point_id })) throw new OrganisationError("focalPointId", message("signOff.focal.refusedNotAllowed"));
    const member = focalPointId ? await findMembership(tx, actor.workspaceId, focalPointId) : undefined;
    if (focalPointId && (!member || !canBeFocalPoint({ organisationId: member.organisation_id }, organisation))) {
      throw new OrganisationError("focalPointId", message("signOff.focal.refusedNotMember"));
    }
    const changed = await setFocalPoint(tx, actor.workspaceId, organisationId, focalPointId);
    if (!changed) throw new OrganisationError("organisationId", message("workspace.refusal.organisationRemoved"));
    const person = focalPointId ? await findUserById(tx, focalPointId) : undefined;
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "organisation.focal_point_set",
      targetType: "organisation",
      targetId: organisationId,
      details: { name: organisation.name, before: changed.before, focalPointId, focalPointName: person?.name ?? null },
    });
  });
}
