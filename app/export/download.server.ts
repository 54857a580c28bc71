import { recordAudit } from "../../db/queries/audit";
import type { Executor } from "../../db/queries/executor";
import type { Draft, ExportFormat } from "../../db/schema";

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
  const base = fileName.slice(0, dot).replace(/[^A-Za-z0-9-]+/g, "").replace(/^-+|-+$/g, "");
  const ascii = `${base || "submission"}${fileName.slice(dot)}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** The file as a download. A submission can be confidential: no shared cache keeps a copy. */
export function exportFileResponse(bytes: Uint8Array, format: ExportFormat, fileName: string): Response {
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
 * The sentence of an JobFailed (the worker pool's "took longer than 60 s", "over the 50 MB
 * limit"), or null for any other error. Matched by name, not instanceof: the route bundle and
 * the server entry each load their own copy of server/export, so the classes differ in production.
 */
export function exportFailureMessage(error: unknown): string | null {
  return error instanceof Error && error.name === "JobFailed" ? error.message : null;
}

/** 422 with the sentence for the person; nothing else about the failure leaves the server. */
export function exportFailedResponse(message: string): Response {
  return Response.json({ error: message }, { status: 422, headers: { "Cache-Control": "private, no-store" } });
}

/**
 * Every file that leaves the server is audited (a submission can be confidential): who, which
 * draft, which format; never content. `details` says how it was made (options, or the stored copy).
 */
export function auditDownload(db: Executor, draft: Draft, actorId: string, details: Record<string, unknown>): Promise<void> {
  return recordAudit(db, { workspaceId: draft.workspace_id, actorId, action: "draft.exported", targetType: "draft", targetId: draft.id, details: { title: draft.title, ...details } });
}
