import { isRole, ROLE_LABELS } from "../../../core/policies";
import type { DraftStatus } from "../../../db/schema";
import { STATUS_LABELS } from "../draft-status";
import { count } from "../../../core/text/count";

/** One audit event as a sentence an owner can read without knowing the schema. */
export function describeAuditEvent(action: string, details: Record<string, unknown>): string {
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : "");
  const role = (key: string) => {
    const value = details[key];
    return isRole(value) ? ROLE_LABELS[value] : "unknown role";
  };
  const status = (key: string) => {
    const value = details[key];
    return typeof value === "string" && value in STATUS_LABELS ? STATUS_LABELS[value as DraftStatus] : "an unknown status";
  };
  const draft = (key: string) => (text(key) ? `the draft “${text(key)}”` : "a draft");
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
    case "draft.imported": {
      const n = (key: string, one: string, many: string) => count(Number(details[key] ?? 0), one, many);
      return `created the draft “${text("title")}” (${text("mechanism")}) from the Word file ${text("file")}: ${n("numberedParagraphs", "numbered paragraph", "numbered paragraphs")}, ${n("footnotes", "footnote", "footnotes")}, ${n("comments", "comment", "comments")}`;
    }
    case "draft.status_changed": {
      const reviewers = people(details.reviewers);
      return `moved ${draft("title")} from ${status("from")} to ${status("to")}${reviewers ? `, for review by ${reviewers}` : ""}`;
    }
    case "draft.reviewers_changed": {
      const changes = [["added", people(details.added)], ["removed", people(details.removed)]].filter(([, who]) => who).map(([verb, who]) => `${verb} ${who}`);
      return `changed the reviewers of ${draft("title")}${changes.length ? ` (${changes.join("; ")})` : ""}`;
    }
    case "draft.exported":
      return `exported ${draft("title")} as ${format(details.format)}${details.stored === true ? " (the stored submitted file)" : ""}${overridden(details.overridden)}`;
    case "draft.submitted":
      return `marked ${draft("title")} as submitted and stored its ${format(details.format)} file${text("sha256") ? ` (SHA-256 ${text("sha256").slice(0, 12)}…)` : ""}${overridden(details.overridden)}`;
    case "draft.reopened":
      return `reopened ${draft("title")} for a correction; its submitted file${text("sha256") ? ` (SHA-256 ${text("sha256").slice(0, 12)}…)` : ""} is kept as it was`;
    case "comment.thread_resolved":
      return `resolved a comment thread on ${draft("draftTitle")}`;
    case "comment.thread_reopened":
      return `reopened a comment thread on ${draft("draftTitle")}`;
    case "comment.deleted":
      return `deleted their comment on ${draft("draftTitle")}${details.threadDeleted === true ? ", and with it the thread" : ""}`;
    case "library.imported":
      return `imported ${text("file")} into the coalition library (${Number(details.inserted ?? 0)} new, ${Number(details.updated ?? 0)} updated${Number(details.skipped ?? 0) ? `, ${Number(details.skipped)} bad rows skipped` : ""})`;
    case "library.recommendation_deleted":
      return `deleted ${text("symbol")}${details.paragraph ? `, para. ${text("paragraph")}` : ""} from the coalition library`;
    default:
      return action;
  }
}

/** "Ana, Ben and a former member" from the `[{ id, name }]` a review event stores. */
function people(value: unknown): string {
  if (!Array.isArray(value)) return "";
  const names = value.map((p) => {
    const name = (p as { name?: unknown } | null)?.name;
    return typeof name === "string" && name ? name : "a former member";
  });
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** "PDF" or "Word (.docx)" from the format an export event stores. */
function format(value: unknown): string {
  return value === "pdf" ? "PDF" : value === "docx" ? "Word (.docx)" : "a file";
}

/**
 * ", exporting anyway 2 mentions of a confidential organisation and 1 template placeholder": what
 * an owner chose to let through, from the counts by rule id the event keeps (never the text).
 */
function overridden(value: unknown): string {
  if (!value || typeof value !== "object") return "";
  const counts = value as Record<string, unknown>;
  const n = (rule: string) => (typeof counts[rule] === "number" ? (counts[rule] as number) : 0);
  const mentions = n("confidential.mention") + n("cover.confidential-mention");
  const placeholders = n("placeholder.left");
  const parts = [
    mentions ? `${count(mentions, "mention")} of a confidential organisation` : "",
    placeholders ? count(placeholders, "template placeholder") : "",
  ].filter(Boolean);
  return parts.length ? `, exporting anyway ${parts.join(" and ")}` : "";
}
