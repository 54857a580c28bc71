import type { MessageId } from "../i18n/message";

/**
 * Why a submitted draft's status cannot change: the status control and "Mark as submitted" both
 * answer it (409). Here so the routes and server/ say the same thing; a catalogue id, so each
 * person reads it in their language.
 */
export const SUBMITTED_STATUS_MESSAGE: MessageId = "editor.status.frozen";
