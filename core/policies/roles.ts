import type { MessageId } from "../i18n/message";

/** Workspace roles, strongest first. The order matters: it is used to sort member lists. */
export const ROLES = ["owner", "editor", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** The role's name as a catalogue message: pages put it into the reader's language with `t()`. */
export const ROLE_LABELS: Record<Role, MessageId> = {
  owner: "workspace.role.owner",
  editor: "workspace.role.editor",
  reviewer: "workspace.role.reviewer",
  viewer: "workspace.role.viewer",
};

/** What the role may do, as a catalogue message (shown on invitations and the invite form). */
export const ROLE_DESCRIPTIONS: Record<Role, MessageId> = {
  owner: "workspace.roleDescription.owner",
  editor: "workspace.roleDescription.editor",
  reviewer: "workspace.roleDescription.reviewer",
  viewer: "workspace.roleDescription.viewer",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
