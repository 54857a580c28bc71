import type { Abilities } from "./abilities";

/**
 * Sign-off (issue 21): who names an organisation's focal point, who asks for sign-off, who signs
 * for an organisation and who may submit without every signature. One table for the routes and
 * the UI. Signing is not editing: a focal point with any role (viewers and reviewers included)
 * signs for their organisation, and nobody else does, owners included.
 */

/** The person acting: their abilities in the workspace and the organisation their membership is in. */
export interface SignOffActor {
  readonly userId: string;
  readonly abilities: Abilities;
  readonly organisationId: string | null;
}

/** The part of an organisation that decides: its focal point's user id, null until one is named. */
export interface SignOffOrganisation {
  readonly id: string;
  readonly focalPointId: string | null;
}

/** The coordinator (owner) asks for sign-off on a named version. */
export function canRequestSignOff(actor: Pick<SignOffActor, "abilities">): boolean {
  return actor.abilities.manage;
}

/**
 * Only the organisation's focal point signs for it, and only while their membership is in that
 * organisation (a focal point moved to another organisation signs for none until named again).
 */
export function canSignFor(actor: SignOffActor, organisation: SignOffOrganisation): boolean {
  return actor.abilities.read && organisation.focalPointId !== null && organisation.focalPointId === actor.userId && actor.organisationId === organisation.id;
}

/**
 * Owners name (or clear) any organisation's focal point. The organisation's current focal point
 * may hand the role over to another member of the organisation or step down: the organisation
 * names its signatory, the coordinator need not be asked for a holiday hand-over. Other members
 * of the organisation may not name themselves: a signature commits the whole organisation.
 */
export function canSetFocalPoint(actor: SignOffActor, organisation: SignOffOrganisation): boolean {
  if (actor.abilities.manage) return true;
  return canSignFor(actor, organisation);
}

/** Only a member whose membership is in the organisation can be its focal point. */
export function canBeFocalPoint(member: { readonly organisationId: string | null }, organisation: Pick<SignOffOrganisation, "id">): boolean {
  return member.organisationId === organisation.id;
}

/**
 * Marking as submitted without every co-submitting organisation's approval of the text is an
 * owner's explicit choice, as exporting despite disclosures is.
 */
export function canSubmitWithoutSignOff(abilities: Abilities): boolean {
  return abilities.manage;
}
