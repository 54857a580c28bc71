import type { Role } from "./roles";

/**
 * What a person may do, as in docs/design.md §5. Pure data in, pure data out, so the HTTP guards,
 * the collaboration socket and the UI all decide from the same table.
 */
export type Ability = "read" | "comment" | "edit" | "export" | "manage";
export type Abilities = Readonly<Record<Ability, boolean>>;

/** The part of a membership that decides abilities; `null` means "not a member". */
export interface MembershipLike {
  readonly role: Role;
}

/** The part of a draft that decides abilities. */
export interface DraftLike {
  readonly workspaceId: string;
  readonly status: "drafting" | "in_review" | "submitted";
}

const TABLE: Record<Role, Abilities> = {
  owner: { read: true, comment: true, edit: true, export: true, manage: true },
  editor: { read: true, comment: true, edit: true, export: true, manage: false },
  reviewer: { read: true, comment: true, edit: false, export: true, manage: false },
  viewer: { read: true, comment: false, edit: false, export: true, manage: false },
};

export const NO_ABILITIES: Abilities = { read: false, comment: false, edit: false, export: false, manage: false };

/** Abilities in a workspace; strangers get none. */
export function workspaceAbilities(membership: MembershipLike | null): Abilities {
  return membership ? TABLE[membership.role] : NO_ABILITIES;
}

/**
 * Abilities on one draft. A membership from another workspace grants nothing, and a submitted
 * draft is frozen: what went to Geneva must stay what went to Geneva.
 */
export function draftAbilities(
  membership: (MembershipLike & { readonly workspaceId: string }) | null,
  draft: DraftLike,
): Abilities {
  if (!membership || membership.workspaceId !== draft.workspaceId) return NO_ABILITIES;
  const base = TABLE[membership.role];
  if (draft.status === "submitted") return { ...base, edit: false };
  return base;
}

/**
 * Exporting or submitting a draft that names a confidential organisation, or keeps a template's
 * placeholders, is an owner's explicit choice: owners decide which organisations are confidential
 * (manage), so only they may decide that a file names one anyway.
 */
export function canExportDespiteDisclosures(abilities: Abilities): boolean {
  return abilities.manage;
}
