import { message, type Message, type MessageId, type MessageValues } from "../../../core/i18n/message";
import { inEnglish } from "../../jobs/in-english";

/**
 * The one error the DOCX reader throws: its reason is a message to show the person importing,
 * in their language; Error.message is the same in English, for logs and tests.
 */
export class DocxImportError extends Error {
  readonly reason: Message;
  constructor(id: MessageId, values?: MessageValues) {
    const reason = message(id, values);
    super(inEnglish(reason));
    this.reason = reason;
    this.name = "DocxImportError";
  }
}

/** Bounds on what a .docx may cost to read; the unpacked size is counted as it is inflated (server/zip). */
export interface DocxLimits {
  /** The file's own size. */
  maxBytes: number;
  /** What the parts read may inflate to, counted while inflating (a larger declared sum is refused at once). */
  maxUncompressedBytes: number;
  maxEntries: number;
  /** Tracked changes kept as suggestions; past it, changes are accepted and counted. */
  maxSuggestions: number;
}

export const DEFAULT_LIMITS: DocxLimits = { maxBytes: 50 * 1024 * 1024, maxUncompressedBytes: 100 * 1024 * 1024, maxEntries: 2000, maxSuggestions: 5000 };
