import type { ExportSummary } from "../../db/queries/exports";
import type { StoredExportView } from "../components/submitted-files";

/** A stored file as the draft page lists it: no bytes, the submitter's name as it was kept. */
export function storedExportView(row: ExportSummary): StoredExportView {
  return {
    id: row.id,
    format: row.format,
    fileName: row.file_name,
    sha256: row.sha256,
    byteSize: row.byte_size,
    createdBy: row.created_by_name,
    createdAt: row.created_at.toISOString(),
    // Ids stay on the row; the page says who overrode and how many organisations had not signed.
    signOffOverride: row.sign_off_override ? { byName: row.sign_off_override.byName, missing: row.sign_off_override.missing.length } : null,
  };
}
