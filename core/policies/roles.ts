/** Workspace roles, strongest first. The order matters: it is used to sort member lists. */
export const ROLES = ["owner", "editor", "reviewer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  editor: "Editor",
  reviewer: "Reviewer",
  viewer: "Viewer",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Manages members, organisations and the library; edits and exports.",
  editor: "Writes and edits drafts, comments and exports.",
  reviewer: "Reads and comments on drafts; cannot edit them.",
  viewer: "Reads drafts and exports; cannot comment or edit.",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
