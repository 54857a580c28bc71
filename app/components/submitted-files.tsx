import { useFetcher } from "@remix-run/react";
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

/** A draft reopened after submission, as the page states it (server/export/reopen.ts). */
export interface ReopenedNotice {
  reopenedAt: string;
  reopenedBy: string | null;
  submitted: { fileName: string; sha256: string; at: string };
  changedSince: boolean | null;
}

/**
 * The files stored on submission: format, size, SHA-256 (short, the full value in its title and
 * for screen readers), who stored it and when, and a download of the exact bytes. For an owner
 * of a submitted draft, "Reopen for a correction"; on a reopened draft, the notice that says the
 * submitted file is kept as it was and whether the draft has changed since.
 */
export function SubmittedFiles({
  workspaceId,
  draftId,
  files,
  canDownload,
  canReopen,
  reopened,
}: {
  workspaceId: string;
  draftId: string;
  files: StoredExportView[];
  canDownload: boolean;
  canReopen: boolean;
  reopened: ReopenedNotice | null;
}) {
  if (files.length === 0) return null;
  return (
    <section className="submitted-files" aria-labelledby="submitted-files-title">
      <h2 id="submitted-files-title">Submitted files</h2>
      {reopened ? <ReopenedAlert notice={reopened} /> : null}
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
      {canReopen ? <ReopenButton workspaceId={workspaceId} draftId={draftId} /> : null}
    </section>
  );
}

function ReopenedAlert({ notice }: { notice: ReopenedNotice }) {
  const changed =
    notice.changedSince === null ? "" : notice.changedSince ? " The draft has changed since: those changes are not in the submitted file." : " The draft has not changed since.";
  return (
    <div className="alert alert-warning" role="status">
      <p className="alert-title">Reopened after submission</p>
      <p className="alert-body">
        Reopened for a correction on <time dateTime={notice.reopenedAt}>{utc(notice.reopenedAt)}</time>
        {notice.reopenedBy ? ` by ${notice.reopenedBy}` : ""}. The file submitted on <time dateTime={notice.submitted.at}>{utc(notice.submitted.at)}</time> ({notice.submitted.fileName}, SHA-256{" "}
        <code className="mono">{notice.submitted.sha256.slice(0, 12)}…</code>) is kept as it was.{changed}
      </p>
    </div>
  );
}

/** Owners only: the draft becomes editable again; the stored files stay as they are. */
function ReopenButton({ workspaceId, draftId }: { workspaceId: string; draftId: string }) {
  const fetcher = useFetcher<{ ok: boolean; error?: string }>();
  const busy = fetcher.state !== "idle";
  return (
    <fetcher.Form
      method="post"
      action={`/workspaces/${workspaceId}/drafts/${draftId}/reopen`}
      className="form-actions"
      onSubmit={(event) => {
        if (!window.confirm("Reopen this draft for a correction? Co-authors can edit it again. The submitted file and its SHA-256 stay as they are.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="intent" value="reopen" />
      <button type="submit" className="btn btn-secondary btn-sm" disabled={busy}>
        {busy ? "Reopening…" : "Reopen for a correction"}
      </button>
      {fetcher.data && !fetcher.data.ok ? (
        <span className="field-error" role="alert">
          {fetcher.data.error}
        </span>
      ) : null}
    </fetcher.Form>
  );
}
