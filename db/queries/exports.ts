import type { ExportFormat, ExportRow, SignOffOverride } from "../schema";
import type { Executor } from "./executor";

/** A stored file without its bytes: what lists and audit events need. */
export type ExportSummary = Omit<ExportRow, "bytes">;

const SUMMARY_COLUMNS = ["id", "draft_id", "workspace_id", "format", "file_name", "sha256", "byte_size", "created_by", "created_by_name", "created_at", "content_sha256", "sign_off_override"] as const;

export interface NewExport {
  draftId: string;
  workspaceId: string;
  format: ExportFormat;
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
  createdBy: string;
  createdByName: string;
  /** SHA-256 of the draft's canonical text the file was made from. */
  contentSha256: string;
  /** An owner submitted without every organisation's sign-off on this text (issue 21). */
  signOffOverride?: SignOffOverride | null;
}

/** Stores one file. Call in the transaction that marks the draft submitted, so both land or neither. */
export async function createExport(db: Executor, input: NewExport): Promise<ExportSummary> {
  return db
    .insertInto("exports")
    .values({
      draft_id: input.draftId,
      workspace_id: input.workspaceId,
      format: input.format,
      file_name: input.fileName,
      sha256: input.sha256,
      bytes: asBuffer(input.bytes),
      byte_size: input.bytes.byteLength,
      created_by: input.createdBy,
      created_by_name: input.createdByName,
      content_sha256: input.contentSha256,
      sign_off_override: input.signOffOverride ? JSON.stringify(input.signOffOverride) : null,
    })
    .returning(SUMMARY_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** A draft's stored files, newest first, without their bytes. */
export async function listDraftExports(db: Executor, draftId: string): Promise<ExportSummary[]> {
  return db.selectFrom("exports").select(SUMMARY_COLUMNS).where("draft_id", "=", draftId).orderBy("created_at", "desc").orderBy("id").execute();
}

/** One stored file with its bytes; a file of another draft is not found. */
export async function findExportInDraft(db: Executor, draftId: string, exportId: string): Promise<ExportRow | undefined> {
  return db.selectFrom("exports").selectAll().where("id", "=", exportId).where("draft_id", "=", draftId).executeTakeFirst();
}

/** pg writes bytea from Buffers; a plain Uint8Array view is wrapped without copying. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
