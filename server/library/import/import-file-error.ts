import { message, type Message, type MessageId, type MessageValues } from "../../../core/i18n/message";
import { inEnglish } from "../../jobs/in-english";

/**
 * Why a whole file cannot be imported (as opposed to one bad row, which is reported and
 * skipped). The code is stable for the HTTP layer to switch on; `reason` is the message for the
 * person who chose the file, put into words in their language by the page or the command line.
 * Error.message says it in English, for logs and tests.
 */
export type ImportFileErrorCode = "too-large" | "unpacks-too-large" | "too-deep" | "too-many-rows" | "too-many-columns" | "unsupported-format" | "unreadable" | "empty" | "no-text-column";

export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
  readonly reason: Message;
  constructor(readonly code: ImportFileErrorCode, id: MessageId, values?: MessageValues) {
    const reason = message(id, values);
    super(inEnglish(reason));
    this.reason = reason;
  }
}

/** A size for a message, which writes it "{size, number, ::.0} MB" in the reader's own digits. */
export function inMegabytes(bytes: number): number {
  return bytes / 1024 / 1024;
}
