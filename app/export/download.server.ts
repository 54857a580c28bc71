import type { ExportFormat } from "../../db/schema";
import type { Refused } from "../../server/export/refusal";
import type { ExportFile } from "../../server/export/service";
import type { Translator } from "../../core/i18n/translator";
import { refusalText } from "./refusal-text";

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
};

// encodeURIComponent leaves ' ( ) * as they are; RFC 5987 does not allow them unencoded.
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * An attachment header: the name as exportFileName made it in filename* (RFC 6266, so a title in
 * Arabic or Spanish survives), and an ASCII-only fallback for clients that read only filename.
 */
export function exportDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const base = fileName.slice(0, dot).replace(/[^A-Za-z0-9-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "");
  const ascii = `${base || "submission"}${fileName.slice(dot)}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** The file as a download. A submission can be confidential: no shared cache keeps a copy. */
export function exportFileResponse({ bytes, format, fileName }: ExportFile): Response {
  // A view over exactly these bytes: pg hands back Buffers that share a larger pool.
  const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Length": String(bytes.byteLength),
      "Content-Disposition": exportDisposition(fileName),
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * A refused export as JSON: the sentence for the person (422 for a render the pool stopped; 409
 * or 403 for a disclosure, with the list the Export dialog shows); nothing else about the
 * failure leaves the server.
 */
export function exportRefusedResponse(refused: Refused, tr: Translator): Response {
  const body = { error: refusalText(tr, refused), ...(refused.disclosures ? { disclosures: refused.disclosures } : {}) };
  return Response.json(body, { status: refused.status, headers: { "Cache-Control": "private, no-store" } });
}
