import { EXPORT_FORMAT_LABELS } from "../schemas/export";

/** A file stored when the draft was marked as submitted, as the page shows it (no bytes). */
export interface StoredExportView {
  id: string;
  format: "docx" | "pdf";
  fileName: string;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
  byteSize: number;
  /** The name kept with the file: still there after the account is gone. */
  createdBy: string;
  createdAt: string;
}

/** "48 KB", "1.2 MB": enough to recognise a file, not an exact count (that is in the title). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} KB`;
  return `${(bytes / 1_000_000).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
}

/** UTC, so the server's render and the browser's agree (no hydration mismatch across time zones). */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/**
 * The files stored on submission: format, size, SHA-256 (short, the full value in its title and
 * for screen readers), who stored it and when, and a download of the exact bytes.
 */
export function SubmittedFiles({ workspaceId, draftId, files, canDownload }: { workspaceId: string; draftId: string; files: StoredExportView[]; canDownload: boolean }) {
  if (files.length === 0) return null;
  return (
    <section className="submitted-files" aria-labelledby="submitted-files-title">
      <h2 id="submitted-files-title">Submitted files</h2>
      <ul>
        {files.map((file) => (
          <li key={file.id} className="submitted-file">
            <span className="submitted-file-format">{EXPORT_FORMAT_LABELS[file.format]}</span>
            <span title={`${file.byteSize.toLocaleString("en")} bytes`}>{formatBytes(file.byteSize)}</span>
            <span>
              SHA-256{" "}
              <code className="mono" title={file.sha256} aria-label={`SHA-256 ${file.sha256}`}>
                {file.sha256.slice(0, 12)}…
              </code>
            </span>
            <span>
              stored by {file.createdBy} on <time dateTime={file.createdAt}>{utc(file.createdAt)}</time>
            </span>
            {canDownload ? (
              // A plain link: the browser downloads the resource route's attachment itself.
              <a href={`/workspaces/${workspaceId}/drafts/${draftId}/exports/${file.id}`} download={file.fileName}>
                Download {file.fileName}
              </a>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
