import { IMPORT_LIMITS } from "../../core/library/import-limits";
import { message, type Message, type MessageId } from "../../core/i18n/message";

/**
 * Reads an import form (one file and a few small fields) into memory, within bounds: the server
 * keeps nothing between the preview and the import, so the browser sends the file each time.
 *
 * The body is parsed by the platform's own multipart reader (undici's, behind Response.formData):
 * Remix's parser took 1.5 s of the request thread for a 6 MB file, in which /healthz and every
 * socket on the node waited (issue 22); undici's reads 100 MB in under 2 s, never holding the
 * thread more than ~50 ms at a time. Its body is bounded here first, as it has no bounds of its own.
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

/** What to do about a file over the limit: the caller's advice, as its own catalogue message. */
const SPLIT_ADVICE: MessageId = "import.upload.tooLarge";

const tooLarge = (maxBytes: number, advice: MessageId) => ({
  ok: false as const,
  status: 413 as const,
  message: message(advice, { size: maxBytes / 1024 / 1024 }),
});

/** The request's body, read to its end unless it passes `maxBytes` (then null, and the rest is not read). */
async function readBounded(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/**
 * Parses a multipart upload with at most one file (`file`) of at most `maxFileBytes`. Refuses
 * with 413 when the declared or actual size is over the bound, and 400 when the body is not a
 * multipart form. Call it after the access guard, so a stranger's upload is never read.
 */
export async function readLibraryUpload(request: Request, maxFileBytes = MAX_UPLOAD_BYTES, tooLargeAdvice: MessageId = SPLIT_ADVICE): Promise<UploadResult> {
  // An honest Content-Length lets a too-large upload be refused before any of it is read.
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxFileBytes + ENVELOPE_BYTES) return tooLarge(maxFileBytes, tooLargeAdvice);
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) {
    return { ok: false, status: 400, message: message("import.upload.notMultipart") };
  }
  const body = await readBounded(request, maxFileBytes + ENVELOPE_BYTES);
  if (!body) return tooLarge(maxFileBytes, tooLargeAdvice);

  let parsed: FormData;
  try {
    parsed = await new Response(body, { headers: { "content-type": contentType } }).formData();
  } catch {
    return { ok: false, status: 400, message: message("import.upload.unreadable") };
  }
  // One file per request (the first named `file`), and the small fields within their bounds.
  const form = new FormData();
  let file: File | null = null;
  let fields = 0;
  for (const [name, value] of parsed) {
    if (typeof value !== "string") {
      if (name === "file" && !file) file = value;
      continue;
    }
    if (++fields > MAX_FIELDS) return { ok: false, status: 400, message: message("import.upload.tooManyFields") };
    if (Buffer.byteLength(value) > MAX_FIELD_BYTES) return { ok: false, status: 400, message: message("import.upload.fieldTooLong", { field: name }) };
    form.append(name, value);
  }
  if (file) {
    if (file.size > maxFileBytes) return tooLarge(maxFileBytes, tooLargeAdvice);
    form.set("file", file);
  }
  return { ok: true, form };
}
