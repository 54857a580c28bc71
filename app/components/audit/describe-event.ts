import type { MessageId } from "../../../core/i18n/message";
import type { Translator } from "../../../core/i18n/translator";
import { isRole, ROLE_LABELS } from "../../../core/policies";
import type { DraftStatus } from "../../../db/schema";
import { STATUS_MESSAGES } from "../draft-status";

/**
 * One audit event as a sentence an owner can read without knowing the schema, in the owner's
 * language. The event stores facts (ids, names, counts, the role), never words, so the same row
 * reads in French for one owner and in Arabic for another.
 */
export function describeAuditEvent(tr: Translator, action: string, details: Record<string, unknown>): string {
  const { t } = tr;
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : "");
  const num = (key: string) => Number(details[key] ?? 0);
  const role = (key: string) => {
    const value = details[key];
    return isRole(value) ? t(ROLE_LABELS[value]) : t("workspace.audit.unknownRole");
  };
  const status = (key: string) => {
    const value = details[key];
    return typeof value === "string" && value in STATUS_MESSAGES ? t(STATUS_MESSAGES[value as DraftStatus]) : t("workspace.audit.unknownStatus");
  };
  const draft = (key: string) => (text(key) ? t("workspace.audit.theDraft", { title: text(key) }) : t("workspace.audit.aDraft"));
  const member = () => text("member") || t("workspace.audit.aMember");
  const hash = text("sha256").slice(0, 12);
  switch (action) {
    case "workspace.created":
      return t("workspace.audit.workspaceCreated", { name: text("name") });
    case "workspace.updated": {
      const before = (details.before as { name?: string } | undefined)?.name;
      const after = (details.after as { name?: string } | undefined)?.name;
      return before && after && before !== after ? t("workspace.audit.workspaceRenamed", { before, after }) : t("workspace.audit.workspaceUpdated");
    }
    case "workspace.two_step_required":
      return t(details.required ? "twoStep.audit.required" : "twoStep.audit.notRequired");
    case "organisation.added":
      return t(details.confidential ? "workspace.audit.organisationAddedConfidential" : "workspace.audit.organisationAdded", { name: text("name") });
    case "organisation.updated":
      return t("workspace.audit.organisationUpdated");
    case "organisation.removed":
      return t("workspace.audit.organisationRemoved", { name: text("name") });
    case "invitation.created":
      return t("workspace.audit.invitationCreated", { email: text("email"), role: role("role") });
    case "invitation.revoked":
      return t("workspace.audit.invitationRevoked", { email: text("email") });
    case "invitation.accepted":
      return t("workspace.audit.invitationAccepted", { role: role("role") });
    case "member.role_changed":
      return details.from === details.to
        ? t("workspace.audit.memberOrganisationChanged", { member: member() })
        : t("workspace.audit.memberRoleChanged", { member: member(), from: role("from"), to: role("to") });
    case "member.removed":
      return t("workspace.audit.memberRemoved", { member: member(), role: role("role") });
    case "member.left":
      return t("workspace.audit.memberLeft");
    case "draft.created":
      return t("workspace.audit.draftCreated", { title: text("title"), mechanism: text("mechanism") });
    case "draft.imported":
      return t("workspace.audit.draftImported", {
        title: text("title"),
        mechanism: text("mechanism"),
        file: text("file"),
        paragraphs: num("numberedParagraphs"),
        footnotes: num("footnotes"),
        comments: num("comments"),
      });
    case "draft.status_changed": {
      const reviewers = people(tr, details.reviewers);
      const values = { draft: draft("title"), from: status("from"), to: status("to") };
      return reviewers ? t("workspace.audit.statusChangedFor", { ...values, reviewers }) : t("workspace.audit.statusChanged", values);
    }
    case "draft.reviewers_changed": {
      const added = people(tr, details.added);
      const removed = people(tr, details.removed);
      const id: MessageId =
        added && removed ? "workspace.audit.reviewersAddedRemoved" : added ? "workspace.audit.reviewersAdded" : removed ? "workspace.audit.reviewersRemoved" : "workspace.audit.reviewersChanged";
      return t(id, { draft: draft("title"), added, removed });
    }
    case "draft.exported": {
      const id = details.stored === true ? "workspace.audit.exportedStored" : details.variant === "review" ? "workspace.audit.exportedReview" : "workspace.audit.exported";
      return overridden(tr, details.overridden, t(id, { draft: draft("title"), format: format(tr, details.format) }));
    }
    case "draft.submitted": {
      const submitted = overridden(tr, details.overridden, t(hash ? "workspace.audit.submittedHash" : "workspace.audit.submitted", { draft: draft("title"), format: format(tr, details.format), hash }));
      return signOffOverridden(tr, details.signOffOverride, submitted);
    }
    case "organisation.focal_point_set":
      return text("focalPointName")
        ? t("signOff.audit.focalPointSet", { name: text("name"), person: text("focalPointName") })
        : t("signOff.audit.focalPointCleared", { name: text("name") });
    case "draft.sign_off_requested":
      return t("signOff.audit.requested", { draft: draft("title"), version: text("versionName") });
    case "draft.signed_off":
      return t(details.decision === "approved" ? "signOff.audit.approved" : "signOff.audit.changesRequested", { draft: draft("title"), organisation: text("organisation"), version: text("versionName") });
    case "draft.reopened":
      return t(hash ? "workspace.audit.reopenedHash" : "workspace.audit.reopened", { draft: draft("title"), hash });
    case "draft.version_named":
      return t("versions.audit.named", { draft: draft("title"), name: text("name") });
    case "draft.restored":
      return t(details.section ? "versions.audit.restoredSection" : "versions.audit.restored", { draft: draft("title"), version: text("versionName") || tr.t("versions.audit.unnamedVersion"), section: text("section") });
    case "comment.thread_resolved":
      return t("workspace.audit.threadResolved", { draft: draft("draftTitle") });
    case "comment.thread_reopened":
      return t("workspace.audit.threadReopened", { draft: draft("draftTitle") });
    case "comment.deleted":
      return t(details.threadDeleted === true ? "workspace.audit.commentDeletedThread" : "workspace.audit.commentDeleted", { draft: draft("draftTitle") });
    case "draft.budgets_changed":
      return num("sections") + num("organisations") === 0
        ? t("budgets.audit.cleared", { draft: draft("title") })
        : t("budgets.audit.changed", { draft: draft("title"), sections: num("sections"), organisations: num("organisations") });
    case "suggestion.created":
      return t("suggestions.audit.created", { draft: draft("draftTitle") });
    case "suggestion.revised":
      return t("suggestions.audit.revised", { draft: draft("draftTitle") });
    case "suggestion.refreshed":
      return t("suggestions.audit.refreshed", { draft: draft("draftTitle") });
    case "suggestion.withdrawn":
      return t("suggestions.audit.withdrawn", { draft: draft("draftTitle") });
    case "suggestion.accepted":
      return t("suggestions.audit.accepted", { draft: draft("draftTitle"), count: num("count") });
    case "suggestion.rejected":
      return t("suggestions.audit.rejected", { draft: draft("draftTitle"), count: num("count") });
    case "library.imported": {
      const values = { file: text("file"), inserted: num("inserted"), updated: num("updated"), skipped: num("skipped") };
      return t(values.skipped ? "workspace.audit.libraryImportedSkipped" : "workspace.audit.libraryImported", values);
    }
    case "library.exported": {
      const id =
        details.kind === "recommendations"
          ? "workspace.audit.libraryExportedRecommendations"
          : details.format === "csl-json"
            ? "workspace.audit.libraryExportedSourcesCsl"
            : "workspace.audit.libraryExportedSourcesCsv";
      return t(id, { count: num("count") });
    }
    case "library.recommendation_deleted":
      return details.paragraph
        ? t("workspace.audit.recommendationDeletedParagraph", { symbol: text("symbol"), paragraph: text("paragraph") })
        : t("workspace.audit.recommendationDeleted", { symbol: text("symbol") });
    default:
      return action;
  }
}

/** The submission, then ", without the sign-off of 2 organisations": an owner's override (issue 21; ids only are kept). */
function signOffOverridden({ t }: Translator, value: unknown, event: string): string {
  const missing = (value as { missing?: unknown } | null)?.missing;
  if (!Array.isArray(missing)) return event;
  return t("signOff.audit.submittedWithout", { event, count: missing.length });
}

/** "Ana, Ben and a former member" from the `[{ id, name }]` a review event stores, in the language's list style. */
function people({ t, list }: Translator, value: unknown): string {
  if (!Array.isArray(value) || value.length === 0) return "";
  return list(
    value.map((p) => {
      const name = (p as { name?: unknown } | null)?.name;
      return typeof name === "string" && name ? name : t("workspace.audit.aFormerMember");
    }),
  );
}

/** "PDF" or "Word (.docx)" from the format an export event stores. */
function format({ t }: Translator, value: unknown): string {
  return t(value === "pdf" ? "workspace.audit.formatPdf" : value === "docx" ? "workspace.audit.formatDocx" : "workspace.audit.formatOther");
}

/**
 * The event, then ", exporting anyway 2 mentions of a confidential organisation and 1 template
 * placeholder": what an owner chose to let through, from the counts by rule id the event keeps
 * (never the text).
 */
function overridden({ t, list }: Translator, value: unknown, event: string): string {
  if (!value || typeof value !== "object") return event;
  const counts = value as Record<string, unknown>;
  const n = (rule: string) => (typeof counts[rule] === "number" ? (counts[rule] as number) : 0);
  const mentions = n("confidential.mention") + n("cover.confidential-mention");
  const placeholders = n("placeholder.left");
  const parts = [
    mentions ? t("workspace.audit.overriddenMentions", { count: mentions }) : "",
    placeholders ? t("workspace.audit.overriddenPlaceholders", { count: placeholders }) : "",
  ].filter(Boolean);
  return parts.length ? t("workspace.audit.overridden", { event, items: list(parts) }) : event;
}
