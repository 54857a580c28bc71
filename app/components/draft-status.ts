import type { MessageId } from "../../core/i18n/message";
import type { DraftStatus } from "../../db/schema";

/** Each status's name, as catalogue ids (locales/ui/<language>/editor.json): `t(STATUS_MESSAGES[status])`. */
export const STATUS_MESSAGES: Record<DraftStatus, MessageId> = {
  drafting: "editor.status.drafting",
  in_review: "editor.status.inReview",
  submitted: "editor.status.submitted",
};

/**
 * English names, for pages not yet moved to STATUS_MESSAGES (the workspace's draft list and the
 * audit log are other areas of issue 19); remove once nothing imports it.
 */
export const STATUS_LABELS: Record<DraftStatus, string> = {
  drafting: "Drafting",
  in_review: "In review",
  submitted: "Submitted",
};
