/**
 * Why a whole file cannot be imported (as opposed to one bad row, which is reported and
 * skipped). The code is stable for the HTTP layer to switch on; the message is for the person
 * who chose the file.
 */
export type ImportFileErrorCode =
  | "too-large"
  | "too-many-rows"
  | "too-many-columns"
  | "unsupported-format"
  | "unreadable"
  | "empty"
  | "no-text-column";

export class ImportFileError extends Error {
  override readonly name = "ImportFileError";
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export { megabytes } from "../../../core/text/size";
