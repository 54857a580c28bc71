import type { MessageId } from "../../core/i18n/message";
import type { DraftStatus } from "../../db/schema";

/** Each status's name, as catalogue ids (locales/ui/<language>/editor.json): `t(STATUS_MESSAGES[status])`. */
export const STATUS_MESSAGES: Record<DraftStatus, MessageId> = {
  drafting: "editor.status.drafting",
  in_review: "editor.status.inReview",
  submitted: "editor.status.submitted",
};
