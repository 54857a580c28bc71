import { isRole, ROLE_LABELS } from "../../../core/policies";

/** One audit event as a sentence an owner can read without knowing the schema. */
export function describeAuditEvent(action: string, details: Record<string, unknown>): string {
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : "");
  const role = (key: string) => {
    const value = details[key];
    return isRole(value) ? ROLE_LABELS[value] : "unknown role";
  };
  switch (action) {
    case "workspace.created":
      return `created the workspace “${text("name")}”`;
    case "workspace.updated": {
      const before = (details.before as { name?: string } | undefined)?.name;
      const after = (details.after as { name?: string } | undefined)?.name;
      return before && after && before !== after ? `renamed the workspace from “${before}” to “${after}”` : "updated the workspace description";
    }
    case "organisation.added":
      return `added the organisation ${text("name")}${details.confidential ? " (confidential)" : ""}`;
    case "organisation.updated":
      return "updated an organisation's details";
    case "organisation.removed":
      return `removed the organisation ${text("name")}`;
    case "invitation.created":
      return `invited ${text("email")} as ${role("role")}`;
    case "invitation.revoked":
      return `revoked the invitation for ${text("email")}`;
    case "invitation.accepted":
      return `joined as ${role("role")} through an invitation`;
    case "member.role_changed":
      return details.from === details.to
        ? `changed the organisation of ${text("member") || "a member"}`
        : `changed ${text("member") || "a member"} from ${role("from")} to ${role("to")}`;
    case "member.removed":
      return `removed ${text("member") || "a member"} (${role("role")})`;
    case "member.left":
      return "left the workspace";
    case "draft.created":
      return `created the draft “${text("title")}” (${text("mechanism")})`;
    case "library.imported":
      return `imported ${text("file")} into the coalition library (${Number(details.inserted ?? 0)} new, ${Number(details.updated ?? 0)} updated${Number(details.skipped ?? 0) ? `, ${Number(details.skipped)} bad rows skipped` : ""})`;
    case "library.recommendation_deleted":
      return `deleted ${text("symbol")}${details.paragraph ? `, para. ${text("paragraph")}` : ""} from the coalition library`;
    default:
      return action;
  }
}
