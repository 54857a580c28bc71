import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { IMPORT_LIMITS } from "../../core/library/import-limits";
import { message, type Message, type MessageId } from "../../core/i18n/message";

/**
 * Reads an import form (one file and a few small fields) into memory, within bounds: the server
 * keeps nothing between the preview and the import, so the browser sends the file each time.
 */

export type UploadResult = { ok: true; form: FormData } | { ok: false; status: 400 | 413; message: Message };

/** The largest file an import accepts: the readers' own limit, so both say the same number. */
export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.maxBytes;
// Small fields: the mapping's selects, the policy, the source. 64 KB each is generous.
const MAX_FIELD_BYTES = 64 * 1024;
// A mapping has at most IMPORT_LIMITS.maxColumns selects, plus the form's own fields.
const MAX_FIELDS = IMPORT_LIMITS.maxColumns + 20;
// Boundaries, part headers and the small fields around the file.
const ENVELOPE_BYTES = 1024 * 1024;

class TooManyFieldsError extends Error {}

/** What to do about a file over the limit: the caller's advice, as its own catalogue message. */
const SPLIT_ADVICE: MessageId = "import.upload.tooLarge";

const tooLarge = (maxBytes: number, advice: MessageId) => ({
  ok: false as const,
  status: 413 as const,
  message: message(advice, { size: maxBytes / 1024 / 1024 }),
});

/**
 * Parses a multipart upload with at most one file (`file`) of at most `maxFileBytes`. Refuses
 * with 413 when the declared or actual size is over the bound, and 400 when the body is not a
 * multipart form. Call it after the access guard, so a stranger's upload is never read.
 */
export async function readLibraryUpload(request: Request, maxFileBytes = MAX_UPLOAD_BYTES, tooLargeAdvice: MessageId = SPLIT_ADVICE): Promise<UploadResult> {
  // An honest Content-Length lets a too-large upload be refused before any of it is read.
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxFileBytes + ENVELOPE_BYTES) return tooLarge(maxFileBytes, tooLargeAdvice);
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data")) {
    return { ok: false, status: 400, message: message("import.upload.notMultipart") };
  }

  const fileHandler = createMemoryUploadHandler({ maxPartSize: maxFileBytes });
  const fieldHandler = createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES });
  let files = 0;
  let fields = 0;
  const handler: UploadHandler = async (part) => {
    if (part.filename !== undefined) {
      // One file per request: a second would double what one request may hold in memory.
      if (part.name === "file" && ++files === 1) return fileHandler(part);
      for await (const chunk of part.data) void chunk; // skipped, but read past
      return undefined;
    }
    if (++fields > MAX_FIELDS) throw new TooManyFieldsError();
    return fieldHandler(part);
  };

  try {
    return { ok: true, form: await parseMultipartFormData(request, handler) };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      return error.field === "file"
        ? tooLarge(maxFileBytes, tooLargeAdvice)
        : { ok: false, status: 400, message: message("import.upload.fieldTooLong", { field: error.field }) };
    }
    if (error instanceof TooManyFieldsError) return { ok: false, status: 400, message: message("import.upload.tooManyFields") };
    // parseMultipartFormData's own wording for a body that is not multipart.
    if (error instanceof TypeError) return { ok: false, status: 400, message: message("import.upload.unreadable") };
    throw error;
  }
}
